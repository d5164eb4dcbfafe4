// PLACEHOLDER: not implemented yet (finds nothing). Replace with the real check.
import { RESTRICTED_URL, PssRule, versioned } from '../rule';

export const restrictedVolumes: PssRule = {
  id: 'restrictedVolumes',
  level: 'restricted',
  versions: [versioned<never>({ minimumVersion: 0, check: () => [], format: () => ({ reason: 'TODO' }) })],
  docs: { title: 'TODO', summary: 'TODO', why: 'TODO', allowed: 'TODO', fix: 'TODO', url: RESTRICTED_URL, fields: ['TODO'] },
};

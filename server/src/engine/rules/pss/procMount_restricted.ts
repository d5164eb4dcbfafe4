// PLACEHOLDER: not implemented yet (finds nothing). Replace with the real check.
import { RESTRICTED_URL, PssRule, versioned } from '../rule';

export const procMount_restricted: PssRule = {
  id: 'procMount_restricted',
  level: 'restricted',
  versions: [versioned<never>({ minimumVersion: 35, check: () => [], format: () => ({ reason: 'TODO' }) })],
  docs: { title: 'TODO', summary: 'TODO', why: 'TODO', allowed: 'TODO', fix: 'TODO', url: RESTRICTED_URL, fields: ['TODO'] },
};

// PLACEHOLDER: not implemented yet (finds nothing). Replace with the real check.
import { RESTRICTED_URL, PssRule, versioned } from '../rule';

export const runAsUser: PssRule = {
  id: 'runAsUser',
  level: 'restricted',
  versions: [versioned<never>({ minimumVersion: 23, check: () => [], format: () => ({ reason: 'TODO' }) })],
  docs: { title: 'TODO', summary: 'TODO', why: 'TODO', allowed: 'TODO', fix: 'TODO', url: RESTRICTED_URL, fields: ['TODO'] },
};

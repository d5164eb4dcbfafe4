// PLACEHOLDER: not implemented yet (finds nothing). Replace with the real check.
import { RESTRICTED_URL, PssRule, versioned } from '../rule';

export const allowPrivilegeEscalation: PssRule = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  versions: [versioned<never>({ minimumVersion: 8, check: () => [], format: () => ({ reason: 'TODO' }) })],
  docs: { title: 'TODO', summary: 'TODO', why: 'TODO', allowed: 'TODO', fix: 'TODO', url: RESTRICTED_URL, fields: ['TODO'] },
};

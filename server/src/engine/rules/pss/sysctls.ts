// PLACEHOLDER: not implemented yet (finds nothing). Replace with the real check.
import { BASELINE_URL, PssRule, versioned } from '../rule';

export const sysctls: PssRule = {
  id: 'sysctls',
  level: 'baseline',
  versions: [versioned<never>({ minimumVersion: 0, check: () => [], format: () => ({ reason: 'TODO' }) })],
  docs: { title: 'TODO', summary: 'TODO', why: 'TODO', allowed: 'TODO', fix: 'TODO', url: BASELINE_URL, fields: ['TODO'] },
};

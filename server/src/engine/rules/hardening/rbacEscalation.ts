/*
 * rbacEscalation (rbac)
 * Verbs that allow privilege escalation: escalate, bind, impersonate (any resource), and create on pods/exec.
 */
import { isRbac, policyRules, RBAC_URL, roleKind } from './rbac';
import type { HardeningRule, HardeningViolation } from './rule';

const ESCALATING_VERBS = new Set(['escalate', 'bind', 'impersonate']);

export const rbacEscalation: HardeningRule = {
  id: 'rbacEscalation',
  category: 'rbac',
  defaultSeverity: 'warning',
  check({ object, document }) {
    if (!isRbac(object, ['Role', 'ClusterRole'])) return [];
    const out: HardeningViolation[] = [];
    for (const rule of policyRules(document.reader, object)) {
      for (const v of rule.verbs) {
        if (ESCALATING_VERBS.has(v.value)) out.push({ span: v.ref.span, message: `${roleKind(object)} grants the "${v.value}" verb, which allows privilege escalation` });
      }
      const canCreate = rule.verbs.some((v) => v.value === 'create' || v.value === '*');
      if (canCreate) {
        for (const res of rule.resources) {
          if (res.value === 'pods/exec') out.push({ span: res.ref.span, message: `${roleKind(object)} can create pods/exec (run commands in any pod it can reach)` });
        }
      }
    }
    return out;
  },
  docs: {
    title: 'Privilege-escalating RBAC verbs',
    summary: 'Rules should not grant `escalate`, `bind` or `impersonate`, or `create` on `pods/exec`.',
    why: '`escalate` and `bind` let a subject grant itself permissions it does not have, `impersonate` lets it act as any user or group, and `pods/exec` runs commands inside other workloads with their credentials.',
    fix: 'Remove these verbs; give operators short-lived, audited access instead.',
    url: RBAC_URL,
    fields: ['verbs', 'resources'],
  },
};

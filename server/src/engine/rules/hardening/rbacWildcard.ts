/*
 * rbacWildcard (rbac)
 * Role and ClusterRole rules should not use "*" in verbs, resources or apiGroups.
 */
import { isRbac, policyRules, RBAC_URL, roleKind } from './rbac';
import type { HardeningRule } from './rule';

export const rbacWildcard: HardeningRule = {
  id: 'rbacWildcard',
  category: 'rbac',
  defaultSeverity: 'warning',
  check({ object, document }) {
    if (!isRbac(object, ['Role', 'ClusterRole'])) return [];
    return policyRules(document.reader, object).flatMap((rule) =>
      (['verbs', 'resources', 'apiGroups'] as const).flatMap((field) =>
        rule[field].filter((x) => x.value === '*').map((x) => ({ span: x.ref.span, message: `${roleKind(object)} grants "*" in ${field}` }))));
  },
  docs: {
    title: 'Wildcards in RBAC rules',
    summary: 'Role and ClusterRole rules should list verbs, resources and API groups explicitly instead of `*`.',
    why: 'A wildcard grants every current and future resource or verb, including ones added later by CRDs and new Kubernetes versions (secrets, escalate, impersonate): least privilege is lost silently.',
    fix: 'Replace `*` with the exact verbs, resources and API groups the subject needs.',
    url: RBAC_URL,
    fields: ['verbs', 'resources', 'apiGroups'],
  },
};

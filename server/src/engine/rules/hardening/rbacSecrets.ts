/*
 * rbacSecrets (rbac)
 * Read access (get, list, watch) to secrets should be limited with resourceNames.
 */
import { isRbac, policyRules, RBAC_URL, roleKind } from './rbac';
import type { HardeningRule } from './rule';

const READ_VERBS = new Set(['get', 'list', 'watch', '*']);

export const rbacSecrets: HardeningRule = {
  id: 'rbacSecrets',
  category: 'rbac',
  defaultSeverity: 'warning',
  check({ object, document }) {
    if (!isRbac(object, ['Role', 'ClusterRole'])) return [];
    return policyRules(document.reader, object).flatMap((rule) => {
      const coreGroup = rule.apiGroups.some((g) => g.value === '' || g.value === '*');
      const verbs = rule.verbs.filter((v) => READ_VERBS.has(v.value)).map((v) => v.value);
      if (!coreGroup || !verbs.length || rule.resourceNames.length) return [];
      return rule.resources.filter((res) => res.value === 'secrets').map((res) => ({
        span: res.ref.span,
        message: `${roleKind(object)} can ${verbs.join(', ')} all secrets (no resourceNames)`,
      }));
    });
  },
  docs: {
    title: 'Read access to all secrets',
    summary: 'Rules that can get, list or watch `secrets` should name the secrets with `resourceNames`.',
    why: 'Listing secrets returns their contents: service account tokens, database passwords and TLS keys of the whole namespace (or cluster, for a ClusterRole).',
    fix: 'Add `resourceNames` with the specific secrets, or mount the secrets the workload needs instead of reading them through the API.',
    url: RBAC_URL,
    fields: ['resources', 'resourceNames', 'verbs'],
  },
};

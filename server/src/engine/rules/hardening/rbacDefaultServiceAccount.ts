/*
 * rbacDefaultServiceAccount (rbac)
 * Bindings should not grant roles to the `default` service account, which every pod of the namespace uses unless
 * it names another one.
 */
import { isRbac, RBAC_URL } from './rbac';
import type { HardeningRule } from './rule';

export const rbacDefaultServiceAccount: HardeningRule = {
  id: 'rbacDefaultServiceAccount',
  category: 'rbac',
  defaultSeverity: 'warning',
  check({ object, document }) {
    if (!isRbac(object, ['RoleBinding', 'ClusterRoleBinding'])) return [];
    const r = document.reader;
    return r.items(r.child(object.ref, 'subjects')).flatMap((subject) => {
      const name = r.child(subject, 'name');
      if (r.str(r.child(subject, 'kind')) !== 'ServiceAccount' || r.str(name) !== 'default') return [];
      const ns = r.str(r.child(subject, 'namespace')) ?? object.namespace ?? '';
      return [{ span: name!.span, message: `${object.kind} "${object.name ?? ''}" grants a role to the default service account${ns ? ` of namespace "${ns}"` : ''}` }];
    });
  },
  docs: {
    title: 'Roles bound to the default service account',
    summary: 'Bindings should name a dedicated service account, not `default`.',
    why: 'Every pod that does not set `serviceAccountName` runs as `default`: a permission granted to it is granted to all of them, including ones that never needed it.',
    fix: 'Create a ServiceAccount for the workload, bind the role to it, and set `serviceAccountName` in the pod spec.',
    url: RBAC_URL,
    fields: ['subjects'],
  },
};

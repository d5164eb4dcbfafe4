/*
 * rbacClusterAdmin (rbac)
 * RoleBindings and ClusterRoleBindings should not bind `cluster-admin`.
 */
import { isRbac, RBAC_URL } from './rbac';
import type { HardeningRule } from './rule';

export const rbacClusterAdmin: HardeningRule = {
  id: 'rbacClusterAdmin',
  category: 'rbac',
  defaultSeverity: 'warning',
  check({ object, document }) {
    if (!isRbac(object, ['RoleBinding', 'ClusterRoleBinding'])) return [];
    const r = document.reader;
    const roleRef = r.child(object.ref, 'roleRef');
    const name = r.child(roleRef, 'name');
    if (r.str(name) !== 'cluster-admin' || (r.str(r.child(roleRef, 'kind')) ?? 'ClusterRole') !== 'ClusterRole') return [];
    return [{ span: name!.span, message: `${object.kind} "${object.name ?? ''}" grants cluster-admin` }];
  },
  docs: {
    title: 'Binding to cluster-admin',
    summary: 'Bindings should not grant the `cluster-admin` ClusterRole.',
    why: 'cluster-admin can do anything to every object in the cluster; whoever holds a bound subject\'s credentials owns the cluster.',
    fix: 'Bind a role with only the permissions needed; keep cluster-admin for break-glass accounts outside manifests.',
    url: RBAC_URL,
    fields: ['roleRef'],
  },
};

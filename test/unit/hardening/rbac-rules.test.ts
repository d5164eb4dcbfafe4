import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeOf } from '../../helpers';
import { harden } from './helpers';

const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ops}
rules:
  - apiGroups: ["*"]
    resources: ["deployments"]
    verbs: ["*"]
  - apiGroups: [""]
    resources: [secrets, configmaps]
    verbs: [get, list]
  - apiGroups: [""]
    resources: [secrets]
    resourceNames: [app-tls]
    verbs: [get]
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: [clusterroles]
    verbs: [bind, escalate]
  - apiGroups: [""]
    resources: [pods/exec, pods/log]
    verbs: [create, get]
  - apiGroups: [""]
    resources: [users]
    verbs: [impersonate]
`;

test('rbacWildcard: each "*" in verbs, resources or apiGroups', () => {
  assert.deepEqual(harden(ROLE, {}, {}, 'rbacWildcard'), [
    ['rbacWildcard', rangeOf(ROLE, '"*"', 1), 'ClusterRole "ops" grants "*" in verbs', 'warning'],
    ['rbacWildcard', rangeOf(ROLE, '"*"', 0), 'ClusterRole "ops" grants "*" in apiGroups', 'warning'],
  ]);
});

test('rbacSecrets: read access to secrets without resourceNames', () => {
  assert.deepEqual(harden(ROLE, {}, {}, 'rbacSecrets'), [
    ['rbacSecrets', rangeOf(ROLE, 'secrets', 0), 'ClusterRole "ops" can get, list all secrets (no resourceNames)', 'warning'],
  ]);
});

test('rbacEscalation: escalate, bind, impersonate and create on pods/exec', () => {
  assert.deepEqual(harden(ROLE, {}, {}, 'rbacEscalation').map((x) => [x[1], x[2]]), [
    [rangeOf(ROLE, 'bind'), 'ClusterRole "ops" grants the "bind" verb, which allows privilege escalation'],
    [rangeOf(ROLE, 'escalate'), 'ClusterRole "ops" grants the "escalate" verb, which allows privilege escalation'],
    [rangeOf(ROLE, 'pods/exec'), 'ClusterRole "ops" can create pods/exec (run commands in any pod it can reach)'],
    [rangeOf(ROLE, 'impersonate'), 'ClusterRole "ops" grants the "impersonate" verb, which allows privilege escalation'],
  ]);
});

test('rbacClusterAdmin and rbacDefaultServiceAccount on bindings', () => {
  const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: admins}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: ServiceAccount, name: default, namespace: ci}
  - {kind: ServiceAccount, name: deployer, namespace: ci}
`;
  assert.deepEqual(harden(binding).map((x) => [x[0], x[1], x[2]]), [
    ['rbacClusterAdmin', rangeOf(binding, 'cluster-admin'), 'ClusterRoleBinding "admins" grants cluster-admin'],
    ['rbacDefaultServiceAccount', rangeOf(binding, 'default'), 'ClusterRoleBinding "admins" grants a role to the default service account of namespace "ci"'],
  ]);
  const roleNamed = binding.replace('kind: ClusterRole, name: cluster-admin', 'kind: Role, name: cluster-admin');
  assert.equal(harden(roleNamed, {}, {}, 'rbacClusterAdmin').length, 0, 'a namespaced Role that happens to be called cluster-admin is not the built-in one');
});

test('RBAC rules ignore other API groups', () => {
  assert.deepEqual(harden(ROLE.replace('rbac.authorization.k8s.io/v1', 'example.com/v1')), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeOf } from '../../helpers';
import { harden } from './helpers';

const NS = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const WORKLOAD = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: "x:1"}]\n';
const DENY_ALL = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
const NET = (f: [string, string, string, string][]) => f.filter((x) => x[0] === 'networkPolicyDefaultDeny' || x[0] === 'limitRange');

test('networkPolicyDefaultDeny and limitRange: reported on the Namespace manifest when workloads exist elsewhere', () => {
  assert.deepEqual(NET(harden(NS, { 'app.yaml': WORKLOAD })), [
    ['networkPolicyDefaultDeny', rangeOf(NS, 'shop'), 'namespace "shop" has workloads but no default-deny NetworkPolicy for Ingress and Egress (empty podSelector)', 'warning'],
    ['limitRange', rangeOf(NS, 'shop'), 'namespace "shop" has workloads but no LimitRange', 'info'],
  ]);
  assert.deepEqual(NET(harden(WORKLOAD, { 'ns.yaml': NS })), [], 'not repeated on the workload when a Namespace manifest exists');
});

test('a namespace without workloads gets nothing', () => {
  assert.deepEqual(NET(harden(NS)), []);
});

test('default deny via one policy, or one per direction, in another file', () => {
  const limit = 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: l, namespace: shop}\nspec: {limits: []}\n';
  assert.deepEqual(NET(harden(NS, { 'app.yaml': WORKLOAD, 'np.yaml': DENY_ALL, 'lr.yaml': limit })), []);
  const ingressOnly = DENY_ALL.replace('[Ingress, Egress]', '[Ingress]');
  const egressOnly = DENY_ALL.replace('name: deny', 'name: deny-egress').replace('[Ingress, Egress]', '[Egress]');
  assert.deepEqual(NET(harden(NS, { 'app.yaml': WORKLOAD, 'np.yaml': ingressOnly, 'lr.yaml': limit })).map((x) => x[2]),
    ['namespace "shop" has workloads but no default-deny NetworkPolicy for Egress (empty podSelector)']);
  assert.deepEqual(NET(harden(NS, { 'app.yaml': WORKLOAD, 'np.yaml': ingressOnly, 'np2.yaml': egressOnly, 'lr.yaml': limit })), []);
  const selective = DENY_ALL.replace('podSelector: {}', 'podSelector: {matchLabels: {app: cart}}');
  assert.equal(NET(harden(NS, { 'app.yaml': WORKLOAD, 'np.yaml': selective, 'lr.yaml': limit })).length, 1);
});

test('without a Namespace manifest: reported once, on the first workload of the namespace', () => {
  const two = `${WORKLOAD}---\n${WORKLOAD.replace('name: cart', 'name: checkout')}`;
  const f = NET(harden(two));
  assert.deepEqual(f, [['networkPolicyDefaultDeny', rangeOf(two, 'cart'), 'namespace "shop" has workloads but no default-deny NetworkPolicy for Ingress and Egress (empty podSelector)', 'warning']]);
  assert.deepEqual(NET(harden(WORKLOAD.replace('name: cart', 'name: zz'), { 'a.yaml': WORKLOAD })), [], 'the first workload lives in a.yaml');
});

test('networkPolicyAllowAll: empty rules and open CIDRs without except', () => {
  const np = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: open, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - {}
    - from:
        - ipBlock: {cidr: 10.0.0.0/8}
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
    - to:
        - ipBlock: {cidr: "::/0", except: ["fd00::/8"]}
      ports: [{port: 443}]
`;
  assert.deepEqual(harden(np, {}, {}, 'networkPolicyAllowAll'), [
    ['networkPolicyAllowAll', rangeOf(np, '{}', 1), 'ingress rule allows all sources on all ports (empty rule)', 'info'],
    ['networkPolicyAllowAll', rangeOf(np, '0.0.0.0/0'), 'egress rule allows 0.0.0.0/0 without except on all ports', 'info'],
  ]);
});

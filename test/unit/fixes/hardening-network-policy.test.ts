/**
 * networkPolicyDefaultDeny fix: a default-deny NetworkPolicy document appended to the end of the file, in its
 * indentation and line breaks, for the namespace of the finding (on a Namespace manifest or on a workload).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyHardeningFix, layout, LAYOUTS, lint, offeredFor } from './hardening-helpers';

const RULE = 'networkPolicyDefaultDeny';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
Mname: web
Mnamespace: shop
spec:
Mtemplate:
MMspec:
MMMcontainers:
MMMS- name: app
MMMS_image: app:1.4
`;

const POLICY = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
Mname: default-deny
Mnamespace: shop
spec:
MpodSelector: {}
MpolicyTypes:
MS- Ingress
MS- Egress
`;

for (const l of LAYOUTS) {
  test(`a NetworkPolicy document is appended for the workload's namespace (${l.label})`, () => {
    const { fix, output } = applyHardeningFix(layout(DEPLOYMENT, l), RULE);
    assert.equal(fix.title, 'Add a default-deny NetworkPolicy for namespace "shop" at the end of the file (blocks all traffic until other policies allow it)');
    assert.equal(fix.isPreferred, false);
    assert.equal(output, layout(DEPLOYMENT + POLICY, l));
  });
}

test('on a Namespace manifest: the policy names that namespace; a name in use gets a suffix', () => {
  const input = `# namespaces
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: shop
spec:
  containers: [{name: app, image: "app:1.4"}]
`;
  assert.equal(lint(input).filter((f) => f.ruleId === RULE)[0].message, 'namespace "shop" has workloads but no default-deny NetworkPolicy for Egress (empty podSelector)');
  const { output } = applyHardeningFix(input, RULE);
  assert.equal(output, `${input}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-2
  namespace: shop
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
`);
});

test('a workload without metadata.namespace: the policy has none either (it lands where the workload lands)', () => {
  const input = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: app:1.4';
  const { fix, output } = applyHardeningFix(input, RULE);
  assert.equal(fix.title, 'Add a default-deny NetworkPolicy at the end of the file (blocks all traffic until other policies allow it)');
  assert.equal(output, `${input}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  - Egress
`);
});

test('a file that already ends with `---` (and a comment) gets no second marker', () => {
  const input = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:1.4\n---\n# more to come\n';
  const { output } = applyHardeningFix(input, RULE);
  assert.ok(output.startsWith(`${input}apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n`), output);
  assert.equal(output.split('---').length, 2);
});

test('JSON files get no fix (one document per file)', () => {
  const input = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' }, spec: { containers: [{ name: 'app', image: 'app:1.4' }] } }, null, 2);
  assert.deepEqual(offeredFor(input, RULE).fixes, []);
});

// namespaceLabels: invalid Pod Security labels make the API server reject the Namespace (reference §5), reported on
// each label's value with the field error the API server returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, NamespaceIndex, parseManifest, PolicyResolver } from '../../../server/src/engine';
import type { PodsecConfig } from '../../../server/src/engine';
import { checkWith, rangeOf, ruleFindings } from '../../helpers';

const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: team
  labels:
    pod-security.kubernetes.io/enforce: Restricted
    pod-security.kubernetes.io/enforce-version: v1.30.0
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/warn-version: 1.30
    pod-security.kubernetes.io/audit:
    pod-security.kubernetes.io/audit-version: latest
    pod-security.kubernetes.io/enforce-versions: nonsense
    team: Restricted
`;

test('each invalid label is an error on its value, in the API server\'s words; valid and other labels are not', () => {
  const found = checkWith(NAMESPACE, {});
  assert.deepEqual(ruleFindings(found, 'namespaceLabels'), [
    [rangeOf(NAMESPACE, 'Restricted'), 'metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "Restricted": must be one of privileged, baseline, restricted'],
    [rangeOf(NAMESPACE, 'v1.30.0'), 'metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "v1.30.0": must be "latest" or "v1.x"'],
    [rangeOf(NAMESPACE, '1.30', 1), 'metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "1.30": must be "latest" or "v1.x"'],
    // An empty value: reported on its key.
    [rangeOf(NAMESPACE, 'pod-security.kubernetes.io/audit'), 'metadata.labels[pod-security.kubernetes.io/audit]: Invalid value: "": must be one of privileged, baseline, restricted'],
  ]);
  assert.ok(found.filter((f) => f.ruleId === 'namespaceLabels').every((f) => f.severity === 'error' && f.category === 'pss' && f.object?.kind === 'Namespace' && f.object.name === 'team'));
});

test('valid labels, any level and version, and Namespaces of other groups are silent', () => {
  const valid = NAMESPACE.replace('Restricted', 'privileged').replace('v1.30.0', 'v1.99').replace('1.30', '"v1.0"').replace('audit:', 'audit: baseline');
  assert.deepEqual(ruleFindings(checkWith(valid, {}), 'namespaceLabels'), []);
  assert.deepEqual(ruleFindings(checkWith(NAMESPACE.replace('apiVersion: v1', 'apiVersion: example.com/v1'), {}), 'namespaceLabels'), []);
  // Whatever policy the tool applies: even privileged everywhere, the Namespace itself is rejected.
  assert.equal(ruleFindings(checkWith(NAMESPACE, { level: 'privileged' }), 'namespaceLabels').length, 4);
});

test('the pods of such a namespace still get the fail-closed policy the controller gives them', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: team\nspec:\n  containers: [{name: c, image: x}]\n';
  const found = checkWith(pod, {}, [NAMESPACE]);
  assert.ok(found.length > 0 && found.every((f) => f.policy === 'restricted:latest' && f.severity === 'error'), JSON.stringify(found.map((f) => [f.ruleId, f.policy, f.severity])));
});

test('a suppression comment or the config file can turn it off like any Pod Security rule', () => {
  const lint = (text: string, config: PodsecConfig = {}) => {
    const index = new NamespaceIndex();
    index.update('n.yaml', parseManifest(text));
    return lintText(text, { policy: new PolicyResolver({}, index), config }).findings.filter((f) => f.ruleId === 'namespaceLabels');
  };
  assert.equal(lint(NAMESPACE).length, 4);
  assert.equal(lint(`# podsec-disable namespaceLabels -- labels set by the platform\n${NAMESPACE}`).length, 0);
  assert.equal(lint(NAMESPACE, { rules: { namespaceLabels: 'off' } }).length, 0);
  assert.equal(lint(NAMESPACE, { categories: { pss: 'off' } }).length, 0);
});

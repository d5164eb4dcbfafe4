import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '../../server/src/engine';
import { check, rangeOf, ruleFindings } from '../helpers';

const PRIV = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: c
      securityContext:
        privileged: true
`;

test('multi-document: every document is checked, findings carry their document index', () => {
  const text = `${PRIV('a')}---\n${PRIV('b')}`;
  const f = check(text, 'baseline').filter((x) => x.ruleId === 'privileged');
  assert.deepEqual(f.map((x) => [x.documentIndex, x.object?.name, x.at]), [
    [0, 'a', rangeOf(text, 'true', 0)],
    [1, 'b', rangeOf(text, 'true', 1)],
  ]);
});

test('a syntax error in one document does not stop the others', () => {
  const text = `${PRIV('a')}---\napiVersion: v1\nkind: Pod\nmetadata: {name: broken\n---\n${PRIV('c')}`;
  const f = check(text, 'baseline');
  assert.deepEqual(f.filter((x) => x.ruleId === 'privileged').map((x) => x.object?.name), ['a', 'c']);
  const syntax = f.filter((x) => x.ruleId === 'yamlSyntax');
  assert.ok(syntax.length >= 1);
  assert.ok(syntax.every((x) => x.documentIndex === 1 && x.severity === 'error'));
});

test('non-Kubernetes YAML gets no findings at all, even with suspicious keys', () => {
  const workflow = 'name: ci\non: push\njobs:\n  build:\n    privileged: true\n    securityContext:\n      privileged: true\n';
  assert.deepEqual(check(workflow), []);
  const compose = 'services:\n  web:\n    image: nginx\n    privileged: true\n    network_mode: host\n';
  assert.deepEqual(check(compose), []);
  const values = 'securityContext:\n  privileged: true\nhostNetwork: true\n';
  assert.deepEqual(check(values), []);
});

test('unknown kinds and kinds from other API groups get no findings', () => {
  const crd = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers: [{name: c, securityContext: {privileged: true}}]\n';
  assert.deepEqual(check(crd), []);
  const fake = crd.replace('kind: Rollout', 'kind: Deployment');
  assert.deepEqual(check(fake), []);
});

test('JSON manifests: ranges point into the JSON text', () => {
  const json = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "j"},\n  "spec": {"containers": [{"name": "c", "securityContext": {"privileged": true}}]}\n}\n';
  assert.deepEqual(ruleFindings(check(json, 'baseline'), 'privileged'), [
    [rangeOf(json, 'true'), 'privileged (container "c" must not set securityContext.privileged=true)'],
  ]);
});

test('flow style and CRLF line endings', () => {
  const text = 'apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: f}\r\nspec: {hostPID: true, containers: [{name: c, securityContext: {privileged: true}}]}\r\n';
  const f = check(text, 'baseline');
  assert.deepEqual(ruleFindings(f, 'privileged').map((x) => x[0]), [rangeOf(text, 'true', 1)]);
  assert.deepEqual(ruleFindings(f, 'hostNamespaces'), [[rangeOf(text, 'true', 0), 'host namespaces (hostPID=true)']]);
});

test('aliases: a value used through an alias is reported where it is used', () => {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers:
    - name: one
      securityContext: &sc
        privileged: true
    - name: two
      securityContext: *sc
`;
  const f = ruleFindings(check(text, 'baseline'), 'privileged');
  assert.deepEqual(f, [
    [rangeOf(text, 'true'), 'privileged (container "one" must not set securityContext.privileged=true)'],
    [rangeOf(text, '*sc'), 'privileged (container "two" must not set securityContext.privileged=true)'],
  ]);
});

test('merge keys: merged values count; explicit keys override merged ones', () => {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: m}
spec:
  containers:
    - name: one
      securityContext:
        <<: &base {privileged: true}
    - name: two
      securityContext:
        <<: *base
        privileged: false
`;
  const f = ruleFindings(check(text, 'baseline'), 'privileged');
  // The merged map is written inline here (not an alias), so the value is reported where it is written.
  assert.deepEqual(f, [[rangeOf(text, 'true'), 'privileged (container "one" must not set securityContext.privileged=true)']]);
});

test('kind: List items are objects', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: in-list}
    spec:
      hostIPC: true
      containers: [{name: c}]
`;
  const f = check(text, 'baseline');
  assert.deepEqual(f.map((x) => [x.ruleId, x.object?.name, x.at]), [['hostNamespaces', 'in-list', rangeOf(text, 'true')]]);
});

test('parseManifest keeps one entry per document with its own span', () => {
  const text = 'a: 1\n---\nb: 2\n';
  const p = parseManifest(text);
  assert.equal(p.documents.length, 2);
  assert.ok(text.slice(p.documents[0].span.start, p.documents[0].span.end).startsWith('a: 1'));
  assert.ok(text.slice(p.documents[1].span.start, p.documents[1].span.end).includes('b: 2'));
  assert.ok(!text.slice(p.documents[1].span.start, p.documents[1].span.end).includes('a: 1'));
});

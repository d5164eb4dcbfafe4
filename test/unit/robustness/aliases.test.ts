// Alias expansion bombs are measured, never expanded: one yamlAliasLimit finding on the first offending alias.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LIMITS } from '../../../server/src/engine/parse/limits';
import { analyse, PRIVILEGED_POD } from './helpers';

/** The classic: 9 levels of 10 aliases each expand to 10^9 strings. */
function billionLaughs(prefix = ''): string {
  let s = `${prefix}a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) s += `${names[i]}: &${names[i]} [${Array(10).fill(`*${names[i - 1]}`).join(', ')}]\n`;
  return s;
}

test('a billion laughs document gets one yamlAliasLimit error on the first alias that crosses the limit', () => {
  const text = billionLaughs();
  const run = analyse(text);
  assert.deepEqual(run.ids, ['yamlAliasLimit']);
  const [f] = run.findings;
  assert.equal(f.severity, 'error');
  assert.equal(f.message, 'Document not analysed: expanding its aliases would add more than 100,000 nodes (first exceeded at *d); Kubernetes rejects such documents');
  // `e` holds 10 `*d` of 1,111 nodes each (10 + 100 + 1000 strings and their lists) on top of what came before.
  assert.equal(text.slice(f.span.start, f.span.end), '*d');
  assert.ok(f.span.start > text.indexOf('e: &e'), 'the alias is on the line of e');
});

test('a bomb inside a Pod: no rule runs on that document, the next document is still analysed', () => {
  const bomb = billionLaughs('metadata:\n  name: p\n  annotations: {}\nx:\n  ').replace(/\n(?=[b-i]:)/g, '\n  ');
  const text = `apiVersion: v1\nkind: Pod\n${bomb}spec:\n  containers:\n    - name: c\n      securityContext: {privileged: true}\n---\n${PRIVILEGED_POD}`;
  const run = analyse(text);
  const second = text.indexOf('---');
  assert.deepEqual(run.findings.filter((f) => f.span.start < second).map((f) => f.ruleId), ['yamlAliasLimit']);
  assert.ok(run.findings.some((f) => f.ruleId === 'privileged' && f.span.start > second && f.documentIndex === 1));
});

test('merge keys count as expansion: nested `<<: [*m, *m, ...]` is cut off too', () => {
  let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n  labels: &m0 {a: b}\n';
  for (let i = 1; i < 12; i++) text += `m${i}: &m${i}\n  <<: [${Array(5).fill(`*m${i - 1}`).join(', ')}]\n  k${i}: v\n`;
  const run = analyse(text);
  assert.deepEqual(run.ids, ['yamlAliasLimit']);
  assert.match(run.findings[0].message, /first exceeded at \*m\d+/);
});

test('an alias inside its own anchor (infinite expansion) is reported as such', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: &m\n  name: p\n  self: *m\nspec: {containers: []}\n';
  const run = analyse(text);
  assert.deepEqual(run.ids, ['yamlAliasLimit']);
  assert.equal(run.findings[0].message, 'Document not analysed: alias *m is used inside its own anchor &m, so its expansion never ends; Kubernetes rejects such documents');
  assert.equal(text.slice(run.findings[0].span.start, run.findings[0].span.end), '*m');
});

test('the limit is exact: an expansion of exactly maxAliasNodes is analysed, one more node is not', () => {
  // `&s [x, x]` is 3 nodes; each `*s` adds 2 (it replaces itself).
  const doc = (aliases: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ns: &s [x, x]\nl: [${Array(aliases).fill('*s').join(', ')}]\n`;
  assert.deepEqual(analyse(doc(5), { limits: { maxAliasNodes: 10 } }).ids, []);
  assert.deepEqual(analyse(doc(6), { limits: { maxAliasNodes: 10 } }).ids, ['yamlAliasLimit']);
});

test('ordinary aliases are analysed through: a shared securityContext flags every container that uses it', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      securityContext: &sc {privileged: true}
    - name: b
      securityContext: *sc
`;
  const run = analyse(text, { policy: { level: 'baseline' } });
  assert.deepEqual(run.ids, ['privileged', 'privileged']);
  assert.equal(text.slice(run.findings[1].span.start, run.findings[1].span.end), '*sc');
});

test('thousands of aliases to one anchor are analysed (each lookup is O(1), not a walk of the document)', () => {
  const n = 5_000;
  const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  x: &c {name: c, securityContext: {privileged: true}}\n  containers:\n${'    - *c\n'.repeat(n)}`;
  // Each `*c` adds 6 nodes: 30,000 in all, under the limit.
  const run = analyse(text, { policy: { level: 'baseline' } });
  assert.equal(run.ids.filter((id) => id === 'privileged').length, n);
  assert.deepEqual(run.ruleErrors, []);
});

test('an alias with no anchor before it is a syntax error (kubectl rejects it), not a silent empty value', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: *nope\nspec: {containers: []}\n';
  const run = analyse(text);
  assert.deepEqual(run.ids, ['yamlSyntax']);
  assert.equal(run.findings[0].message, 'Unresolved alias (the anchor must be set before the alias): nope');
  assert.equal(text.slice(run.findings[0].span.start, run.findings[0].span.end), '*nope');
});

test('the default alias limit is the documented one', () => {
  assert.equal(DEFAULT_LIMITS.maxAliasNodes, 100_000);
});

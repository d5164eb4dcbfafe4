import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkWith, rangeOf, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'privileged';

/** The range of `value` where it follows `before` (for values that also occur elsewhere in the text). */
function valueAt(text: string, before: string, value: string): string {
  const [start, end] = rangeOf(text, before + value).split('-');
  const [line, col] = start.split(':').map(Number);
  return `${line}:${col + before.length}-${end}`;
}
const msg = (who: string) => `privileged (${who} must not set securityContext.privileged=true)`;

const TWO_PRIVILEGED = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      securityContext:
        privileged: true   # bad
    - name: b
      securityContext: {privileged: true}
    - name: c
      securityContext:
        privileged: false
`;

test('privileged: one finding per privileged container, on its own `true`', () => {
  assert.deepEqual(ruleFindings(check(TWO_PRIVILEGED, 'baseline'), ID), [
    [rangeOf(TWO_PRIVILEGED, 'true', 0), msg('container "a"')],
    [rangeOf(TWO_PRIVILEGED, 'true', 1), msg('container "b"')],
  ]);
});

const ALL_KINDS = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      securityContext:
        privileged: true
  containers:
    - name: app
      securityContext:
        privileged: false
    - name: sidecar
      securityContext:
        privileged: true
  ephemeralContainers:
    - name: debug
      securityContext: {privileged: true}
`;

test('privileged: init, regular and ephemeral containers are all checked; the summary names them in visit order', () => {
  assert.deepEqual(ruleFindings(check(ALL_KINDS, 'baseline'), ID), [
    [rangeOf(ALL_KINDS, 'true', 0), msg('container "init"')],
    [rangeOf(ALL_KINDS, 'true', 1), msg('container "sidecar"')],
    [rangeOf(ALL_KINDS, 'true', 2), msg('container "debug"')],
  ]);
  assert.deepEqual(summaries(ALL_KINDS, ID), [msg('containers "init", "sidecar", "debug"')]);
  const one = ALL_KINDS.replace(/privileged: true/g, 'privileged: false').replace('{privileged: true}', '{privileged: false}');
  assert.deepEqual(summaries(one, ID), []);
  const onlyDebug = one.replace('{privileged: false}', '{privileged: true}');
  assert.deepEqual(summaries(onlyDebug, ID), [msg('container "debug"')]);
});

test('privileged: the same at every policy version and level (the check never changed and is never overridden)', () => {
  for (const level of ['baseline', 'restricted'] as const) {
    for (const version of ['v1.0', 'v1.8', 'v1.25', 'v1.35', 'v1.37', 'v1.99', 'latest']) {
      assert.deepEqual(ruleFindings(check(ALL_KINDS, level, version), ID).map(([at]) => at), [
        rangeOf(ALL_KINDS, 'true', 0), rangeOf(ALL_KINDS, 'true', 1), rangeOf(ALL_KINDS, 'true', 2),
      ], `${level} ${version}`);
    }
  }
  assert.deepEqual(ruleFindings(check(ALL_KINDS, 'privileged'), ID), []);
});

test('privileged: false, unset, null and non-boolean values pass', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      securityContext: {privileged: false}
    - name: b
      securityContext: {privileged: ~}
    - name: c
      securityContext:
        privileged:
    - name: d
      securityContext: {privileged: "true"}
    - name: e
      securityContext: {privileged: 1}
    - name: f
      securityContext: null
    - name: g
`;
  for (const v of ['v1.0', 'v1.25', 'latest']) assert.deepEqual(ruleFindings(check(text, 'baseline', v), ID), [], v);
});

test('privileged: YAML 1.1 booleans count as the API server reads them (kubectl parses YAML 1.1)', () => {
  for (const spelling of ['yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y', 'True', 'TRUE']) {
    const text = TWO_PRIVILEGED.replace('privileged: true   # bad', `privileged: ${spelling}`);
    assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
      [valueAt(text, 'privileged: ', spelling), msg('container "a"')],
      [rangeOf(text, 'true', 0), msg('container "b"')],
    ], spelling);
  }
  for (const spelling of ['no', 'off', 'n', 'False']) {
    const text = TWO_PRIVILEGED.replace('privileged: true   # bad', `privileged: ${spelling}`);
    assert.equal(ruleFindings(check(text, 'baseline'), ID).length, 1, spelling);
  }
});

test('privileged: containers sharing one securityContext through an alias are reported where each uses it', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
        - name: a
          securityContext: &sc
            privileged: true
        - name: b
          securityContext: *sc
        - name: c
          securityContext:
            <<: *sc
            runAsUser: 1000
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'true'), msg('container "a"')],
    [rangeOf(text, '*sc', 0), msg('container "b"')],
    [rangeOf(text, '*sc', 1), msg('container "c"')],
  ]);
});

test('privileged: containers reached through one aliased list share a place and one finding names them all', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers: &list
    - name: a
      securityContext: {privileged: true}
    - name: b
      securityContext: {privileged: true}
  containers: *list
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'true', 0), msg('container "a"')],
    [rangeOf(text, 'true', 1), msg('container "b"')],
    [rangeOf(text, '*list'), msg('containers "a", "b"')],
  ]);
  assert.deepEqual(summaries(text, ID), [msg('containers "a", "b"')]);
});

test('privileged: a whole pod spec shared by two Deployments (in a List) gives the second one finding at its alias', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: one}
    spec:
      template:
        spec: &shared
          containers:
            - name: a
              securityContext: {privileged: true}
            - name: b
              securityContext: {privileged: true}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: two}
    spec:
      template:
        spec: *shared
`;
  const found = check(text, 'baseline').filter((f) => f.ruleId === ID);
  assert.deepEqual(found.map((f) => [f.object?.name, f.at, f.message]), [
    ['one', rangeOf(text, 'true', 0), msg('container "a"')],
    ['one', rangeOf(text, 'true', 1), msg('container "b"')],
    ['two', rangeOf(text, '*shared'), msg('containers "a", "b"')],
  ]);
});

test('privileged: severity follows the namespace labels; the finding is one per place even when two modes flag it', () => {
  const namespace = `apiVersion: v1
kind: Namespace
metadata:
  name: team
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/audit: baseline
`;
  const text = TWO_PRIVILEGED.replace('name: p\n', 'name: p\n  namespace: team\n');
  const found = checkWith(text, {}, [namespace]).filter((f) => f.ruleId === ID);
  assert.deepEqual(found.map((f) => [f.at, f.severity, f.policy]), [
    [rangeOf(text, 'true', 0), 'error', 'baseline:latest'],
    [rangeOf(text, 'true', 1), 'error', 'baseline:latest'],
  ]);
  const warnOnly = namespace.replace('enforce: baseline', 'enforce: privileged');
  assert.deepEqual(checkWith(text, {}, [warnOnly]).filter((f) => f.ruleId === ID).map((f) => [f.severity, f.policy]), [
    ['warning', 'restricted:latest'],
    ['warning', 'restricted:latest'],
  ]);
});

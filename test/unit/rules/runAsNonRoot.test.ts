import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, RESTRICTED_POD, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'runAsNonRoot';
const explicit = (who: string) => `runAsNonRoot != true (${who} must not set securityContext.runAsNonRoot=false)`;
const implicit = (who: string) => `runAsNonRoot != true (pod or ${who} must set securityContext.runAsNonRoot=true)`;

/** The range of `value` where it follows `before` (for values that also occur elsewhere in the text). */
function valueAt(text: string, before: string, value: string): string {
  const [start, end] = rangeOf(text, before + value).split('-');
  const [line, col] = start.split(':').map(Number);
  return `${line}:${col + before.length}-${end}`;
}

/** No pod-level value: every container that does not set true itself is implicitly bad. */
const NO_POD_LEVEL = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      image: busybox
  containers:
    - name: a
      securityContext:
        runAsUser: 1000
    - name: ok
      securityContext:
        runAsNonRoot: true
    - name: b
      securityContext: {runAsNonRoot: ~}
  ephemeralContainers:
    - name: debug
      image: busybox
`;

test('runAsNonRoot: without a pod-level true, each container that leaves it unset is reported at its anchor', () => {
  assert.deepEqual(ruleFindings(check(NO_POD_LEVEL, 'restricted', 'v1.0'), ID), [
    // No securityContext: the container's name value. A securityContext without the field: its key.
    [valueAt(NO_POD_LEVEL, '- name: ', 'init'), implicit('container "init"')],
    [rangeOf(NO_POD_LEVEL, 'securityContext', 0), implicit('container "a"')],
    // `runAsNonRoot: ~` is null, i.e. unset: reported on the key.
    [rangeOf(NO_POD_LEVEL, 'runAsNonRoot', 1), implicit('container "b"')],
    [rangeOf(NO_POD_LEVEL, 'debug'), implicit('container "debug"')],
  ]);
  assert.deepEqual(summaries(NO_POD_LEVEL, ID, 'restricted'), [implicit('containers "init", "a", "b", "debug"')]);
});

test('runAsNonRoot: a pod-level true covers containers that leave it unset', () => {
  const covered = NO_POD_LEVEL.replace('spec:\n', 'spec:\n  securityContext:\n    runAsNonRoot: true\n');
  assert.deepEqual(ruleFindings(check(covered, 'restricted'), ID), []);
  assert.deepEqual(ruleFindings(check(RESTRICTED_POD, 'restricted', 'v1.0'), ID), []);
});

test('runAsNonRoot: a container setting false is reported on its value even under a pod-level true', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: a
    - name: b
      securityContext:
        runAsNonRoot: false
`;
  assert.deepEqual(ruleFindings(check(text, 'restricted'), ID), [[rangeOf(text, 'false'), explicit('container "b"')]]);
  assert.deepEqual(summaries(text, ID, 'restricted'), [explicit('container "b"')]);
});

test('runAsNonRoot: a pod-level false fails even when every container sets true', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext: {runAsNonRoot: false}
  containers:
    - name: a
      securityContext: {runAsNonRoot: true}
`;
  assert.deepEqual(ruleFindings(check(text, 'restricted'), ID), [[rangeOf(text, 'false'), explicit('pod')]]);
  assert.deepEqual(summaries(text, ID, 'restricted'), [explicit('pod')]);
});

test('runAsNonRoot: explicit wording wins in the summary; each finding keeps its own wording', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: no
  containers:
    - name: a
    - name: b
      securityContext:
        runAsNonRoot: false
    - name: c
      securityContext:
        runAsNonRoot: false
`;
  assert.deepEqual(ruleFindings(check(text, 'restricted'), ID), [
    [rangeOf(text, 'no'), explicit('pod')],
    [valueAt(text, '- name: ', 'a'), implicit('container "a"')],
    [rangeOf(text, 'false', 0), explicit('container "b"')],
    [rangeOf(text, 'false', 1), explicit('container "c"')],
  ]);
  assert.deepEqual(summaries(text, ID, 'restricted'), [explicit('pod and containers "b", "c"')]);
});

test('runAsNonRoot: from v1.35 skipped entirely when spec.hostUsers is false (exactly false)', () => {
  const userns = NO_POD_LEVEL.replace('spec:\n', 'spec:\n  hostUsers: false\n  securityContext: {runAsNonRoot: false}\n');
  assert.equal(ruleFindings(check(userns, 'restricted', 'v1.34'), ID).length, 5);
  assert.deepEqual(ruleFindings(check(userns, 'restricted', 'v1.35'), ID), []);
  assert.deepEqual(ruleFindings(check(userns, 'restricted', 'v1.36'), ID), []);
  assert.deepEqual(ruleFindings(check(userns, 'restricted', 'latest'), ID), []);
  for (const value of ['true', '"false"', '~', '0']) {
    const text = userns.replace('hostUsers: false', `hostUsers: ${value}`);
    assert.equal(ruleFindings(check(text, 'restricted', 'latest'), ID).length, 5, value);
  }
  assert.deepEqual(ruleFindings(check(userns.replace('hostUsers: false', 'hostUsers: off'), 'restricted', 'latest'), ID), []);
});

test('runAsNonRoot: restricted only, at every version; Windows pods are not exempt', () => {
  for (const version of ['v1.0', 'v1.8', 'v1.25', 'v1.35', 'v1.37', 'latest']) {
    assert.equal(ruleFindings(check(NO_POD_LEVEL, 'restricted', version), ID).length, 4, version);
    assert.deepEqual(ruleFindings(check(NO_POD_LEVEL, 'baseline', version), ID), [], version);
  }
  const windows = NO_POD_LEVEL.replace('spec:\n', 'spec:\n  os: {name: windows}\n');
  assert.equal(ruleFindings(check(windows, 'restricted', 'latest'), ID).length, 4);
});

test('runAsNonRoot: a string "true" is not true', () => {
  const text = RESTRICTED_POD.replace('runAsNonRoot: true', 'runAsNonRoot: "true"');
  assert.deepEqual(ruleFindings(check(text, 'restricted'), ID), [
    // The containers' securityContext keys (occurrence 0 is the pod's).
    [rangeOf(text, 'securityContext', 1), implicit('container "initcontainer1"')],
    [rangeOf(text, 'securityContext', 2), implicit('container "container1"')],
  ]);
});

test('runAsNonRoot: containers reached through one aliased list share a place and one finding names them', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers: &list
    - name: a
    - name: b
      securityContext: {runAsNonRoot: false}
  containers: *list
`;
  assert.deepEqual(ruleFindings(check(text, 'restricted'), ID), [
    [valueAt(text, '- name: ', 'a'), implicit('container "a"')],
    [rangeOf(text, 'false'), explicit('container "b"')],
    // At the alias: "a" is implicitly bad and "b" explicitly, so the explicit wording wins.
    [rangeOf(text, '*list'), explicit('container "b"')],
  ]);
});

test('runAsNonRoot: a securityContext shared through an alias is reported where each container uses it', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
        - name: a
          securityContext: &sc {runAsNonRoot: false}
        - name: b
          securityContext: *sc
        - name: c
          securityContext: {<<: *sc, runAsNonRoot: true}
`;
  assert.deepEqual(ruleFindings(check(text, 'restricted'), ID), [
    [rangeOf(text, 'false'), explicit('container "a"')],
    [rangeOf(text, '*sc'), explicit('container "b"')],
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, RESTRICTED_POD, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'hostNamespaces';
const msg = (detail: string) => `host namespaces (${detail})`;

/** The range of `value` where it follows `before` (for values that also occur elsewhere in the text). */
function valueAt(text: string, before: string, value: string): string {
  const [start, end] = rangeOf(text, before + value).split('-');
  const [line, col] = start.split(':').map(Number);
  return `${line}:${col + before.length}-${end}`;
}

/** Written in the opposite of the controller's order, which the summary must restore. */
const ALL_THREE = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostIPC: true
  hostPID: true
  hostNetwork: true
  hostUsers: true
  containers:
    - name: a
`;

test('hostNamespaces: each field set to true is its own finding, on its value', () => {
  assert.deepEqual(ruleFindings(check(ALL_THREE, 'baseline'), ID), [
    [rangeOf(ALL_THREE, 'true', 0), msg('hostIPC=true')],
    [rangeOf(ALL_THREE, 'true', 1), msg('hostPID=true')],
    [rangeOf(ALL_THREE, 'true', 2), msg('hostNetwork=true')],
  ]);
});

test('hostNamespaces: the summary lists the fields in the fixed order hostNetwork, hostPID, hostIPC', () => {
  assert.deepEqual(summaries(ALL_THREE, ID), [msg('hostNetwork=true, hostPID=true, hostIPC=true')]);
  const two = ALL_THREE.replace('hostPID: true', 'hostPID: false');
  assert.deepEqual(summaries(two, ID), [msg('hostNetwork=true, hostIPC=true')]);
});

test('hostNamespaces: hostUsers is not part of the check; false, unset, null and strings pass', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: false
  hostPID: ~
  hostIPC: "true"
  hostUsers: true
  containers:
    - name: a
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), []);
  assert.deepEqual(ruleFindings(check(RESTRICTED_POD, 'restricted'), ID), []);
});

test('hostNamespaces: YAML 1.1 booleans count', () => {
  const text = ALL_THREE.replace('hostIPC: true', 'hostIPC: yes').replace('hostPID: true', 'hostPID: On').replace('hostNetwork: true', 'hostNetwork: Y');
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'yes'), msg('hostIPC=true')],
    [rangeOf(text, 'On'), msg('hostPID=true')],
    [valueAt(text, 'hostNetwork: ', 'Y'), msg('hostNetwork=true')],
  ]);
});

test('hostNamespaces: present at every version and level, including restricted (never overridden)', () => {
  for (const level of ['baseline', 'restricted'] as const) {
    for (const version of ['v1.0', 'v1.21', 'v1.34', 'v1.35', 'v1.37', 'latest']) {
      assert.equal(ruleFindings(check(ALL_THREE, level, version), ID).length, 3, `${level} ${version}`);
    }
  }
  assert.deepEqual(ruleFindings(check(ALL_THREE, 'privileged'), ID), []);
});

test('hostNamespaces: workload templates are checked at the template spec (CronJob)', () => {
  const text = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "@daily"
  hostNetwork: true
  jobTemplate:
    spec:
      template:
        spec:
          hostPID: true
          containers:
            - name: a
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [[rangeOf(text, 'true', 1), msg('hostPID=true')]]);
});

test('hostNamespaces: fields merged in through one alias share a place and one finding names them in the fixed order', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: one}
    spec:
      <<: &host {hostIPC: true, hostNetwork: true}
      containers: [{name: a}]
  - apiVersion: v1
    kind: Pod
    metadata: {name: two}
    spec:
      <<: *host
      hostPID: true
      containers: [{name: a}]
  - apiVersion: v1
    kind: Pod
    metadata: {name: three}
    spec:
      <<: *host
      hostNetwork: false
      containers: [{name: a}]
`;
  const found = check(text, 'baseline').filter((f) => f.ruleId === ID);
  assert.deepEqual(found.map((f) => [f.object?.name, f.at, f.message]), [
    ['one', rangeOf(text, 'true', 0), msg('hostIPC=true')],
    ['one', rangeOf(text, 'true', 1), msg('hostNetwork=true')],
    ['two', rangeOf(text, '*host', 0), msg('hostNetwork=true, hostIPC=true')],
    ['two', rangeOf(text, 'true', 2), msg('hostPID=true')],
    // An explicit key after the merge overrides the merged value.
    ['three', rangeOf(text, '*host', 1), msg('hostIPC=true')],
  ]);
});

test('hostNamespaces: a pod spec shared whole through an alias gives one finding at the alias', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: one}
    spec:
      template:
        spec: &shared
          hostNetwork: true
          hostPID: true
          containers: [{name: a}]
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: two}
    spec:
      template:
        spec: *shared
`;
  const found = check(text, 'baseline').filter((f) => f.ruleId === ID);
  assert.deepEqual(found.map((f) => [f.object?.name, f.at, f.message]), [
    ['one', rangeOf(text, 'true', 0), msg('hostNetwork=true')],
    ['one', rangeOf(text, 'true', 1), msg('hostPID=true')],
    ['two', rangeOf(text, '*shared'), msg('hostNetwork=true, hostPID=true')],
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, RESTRICTED_POD, ruleFindings } from '../../helpers';
import { summaryOf } from '../conformance/summary';

const ID = 'runAsUser';
const msg = (who: string) => `runAsUser=0 (${who} must not set runAsUser=0)`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 0
  initContainers:
    - name: init
      securityContext:
        runAsUser: 0
  containers:
    - name: app
      securityContext:
        runAsUser: 1000
    - name: unset
  ephemeralContainers:
    - name: debug
      securityContext: {runAsUser: 0}
`;

test('runAsUser: each explicit 0 is reported on its value; a non-zero container value does not rescue the pod', () => {
  assert.deepEqual(ruleFindings(check(POD, 'restricted', 'v1.23'), ID), [
    [rangeOf(POD, '0', 0), msg('pod')],
    [rangeOf(POD, '0', 1), msg('container "init"')],
    [rangeOf(POD, '0', 5), msg('container "debug"')], // (2-4 are in 1000),
  ]);
});

test('runAsUser: the summary joins pod and containers with " and "', () => {
  assert.match(summaryOf(POD, 'restricted', 'v1.23'), /runAsUser=0 \(pod and containers "init", "debug" must not set runAsUser=0\)/);
  const onlyPod = POD.replace('runAsUser: 0\n  initContainers', 'runAsUser: 7\n  initContainers');
  assert.match(summaryOf(onlyPod, 'restricted', 'v1.23'), /runAsUser=0 \(containers "init", "debug" must not set runAsUser=0\)/);
});

test('runAsUser: unset and non-zero pass; absent before v1.23 and at baseline', () => {
  const fine = POD.replace(/runAsUser: 0/g, 'runAsUser: 1000').replace('{runAsUser: 0}', '{runAsUser: 5}');
  assert.deepEqual(ruleFindings(check(fine, 'restricted', 'latest'), ID), []);
  assert.deepEqual(ruleFindings(check(RESTRICTED_POD, 'restricted', 'latest'), ID), []);
  assert.deepEqual(ruleFindings(check(POD, 'restricted', 'v1.22'), ID), []);
  assert.deepEqual(ruleFindings(check(POD, 'baseline', 'latest'), ID), []);
});

test('runAsUser: hostUsers: false (explicit) skips the check from v1.35 only', () => {
  const userns = POD.replace('spec:\n', 'spec:\n  hostUsers: false\n');
  assert.equal(ruleFindings(check(userns, 'restricted', 'v1.34'), ID).length, 3);
  assert.deepEqual(ruleFindings(check(userns, 'restricted', 'v1.35'), ID), []);
  assert.deepEqual(ruleFindings(check(userns, 'restricted', 'latest'), ID), []);
  for (const value of ['true', '"false"']) {
    const text = POD.replace('spec:\n', `spec:\n  hostUsers: ${value}\n`);
    assert.equal(ruleFindings(check(text, 'restricted', 'latest'), ID).length, 3, value);
  }
  assert.equal(ruleFindings(check(POD, 'restricted', 'latest'), ID).length, 3);
});

test('runAsUser: containers reached through one alias share one finding there, naming all of them', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
x-containers: &cs
  - {name: a, securityContext: {runAsUser: 0}}
  - {name: b, securityContext: {runAsUser: 0}}
spec:
  containers: *cs
`;
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [[rangeOf(text, '*cs'), msg('containers "a", "b"')]]);
});

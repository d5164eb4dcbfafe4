import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, RESTRICTED_POD, ruleFindings } from '../../helpers';
import { summaryOf } from '../conformance/summary';

const ID = 'allowPrivilegeEscalation';
const msg = (who: string) => `allowPrivilegeEscalation != false (${who} must set securityContext.allowPrivilegeEscalation=false)`;

// One container of each kind: `true`, no field under an existing securityContext, no securityContext at all.
const MIXED = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      securityContext:
        allowPrivilegeEscalation: true
  containers:
    - name: app
      securityContext:
        runAsNonRoot: true
    - name: ok
      securityContext:
        allowPrivilegeEscalation: false
  ephemeralContainers:
    - name: debug
      image: busybox
`;

test('allowPrivilegeEscalation: `true` on the value, a missing field on the deepest key, else on the name', () => {
  assert.deepEqual(ruleFindings(check(MIXED, 'restricted', 'v1.8'), ID), [
    [rangeOf(MIXED, 'true'), msg('container "init"')],
    [rangeOf(MIXED, 'securityContext', 1), msg('container "app"')],
    [rangeOf(MIXED, 'debug'), msg('container "debug"')],
  ]);
});

test('allowPrivilegeEscalation: the object summary names every container in visit order', () => {
  assert.equal(
    summaryOf(MIXED, 'restricted', 'v1.8'),
    // restricted checks in byte order: allowPrivilegeEscalation before runAsNonRoot
    msg('containers "init", "app", "debug"') +
      ', runAsNonRoot != true (pod or containers "init", "ok", "debug" must set securityContext.runAsNonRoot=true)',
  );
});

test('allowPrivilegeEscalation: a null value is unset and is reported on its key', () => {
  const text = RESTRICTED_POD.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation:');
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [
    [rangeOf(text, 'allowPrivilegeEscalation'), msg('container "initcontainer1"')],
  ]);
});

test('allowPrivilegeEscalation: absent before v1.8, required from v1.8 on every version since', () => {
  assert.deepEqual(ruleFindings(check(MIXED, 'restricted', 'v1.7'), ID), []);
  for (const v of ['v1.8', 'v1.24', 'v1.25', 'v1.35', 'latest']) assert.equal(ruleFindings(check(MIXED, 'restricted', v), ID).length, 3, v);
  for (const v of ['v1.8', 'latest']) assert.deepEqual(ruleFindings(check(RESTRICTED_POD, 'restricted', v), ID), []);
});

test('allowPrivilegeEscalation: never part of baseline', () => {
  assert.deepEqual(ruleFindings(check(MIXED, 'baseline', 'latest'), ID), []);
});

test('allowPrivilegeEscalation: Windows pods (spec.os.name exactly "windows") are exempt from v1.25', () => {
  const windows = MIXED.replace('spec:\n', 'spec:\n  os:\n    name: windows\n');
  assert.equal(ruleFindings(check(windows, 'restricted', 'v1.24'), ID).length, 3);
  assert.deepEqual(ruleFindings(check(windows, 'restricted', 'v1.25'), ID), []);
  assert.deepEqual(ruleFindings(check(windows, 'restricted', 'latest'), ID), []);
  for (const other of ['Windows', 'linux']) {
    const text = MIXED.replace('spec:\n', `spec:\n  os:\n    name: ${other}\n`);
    assert.equal(ruleFindings(check(text, 'restricted', 'latest'), ID).length, 3, other);
  }
});

test('allowPrivilegeEscalation: containers reached through one alias share one finding there, naming all of them', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
x-containers: &cs
  - name: a
  - name: b
spec:
  containers: *cs
`;
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [[rangeOf(text, '*cs'), msg('containers "a", "b"')]]);
});

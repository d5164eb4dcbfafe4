import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'capabilities_baseline';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      securityContext:
        capabilities:
          add: [NET_RAW]
  containers:
    - name: a
      securityContext:
        capabilities:
          add:
            - SYS_ADMIN
            - CHOWN
            - NET_BIND_SERVICE
            - NET_RAW
          drop: [SYS_ADMIN]
    - name: b
      securityContext:
        capabilities:
          add: [AUDIT_WRITE, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT]
  ephemeralContainers:
    - name: debug
      securityContext: {capabilities: {add: [SYS_PTRACE]}}
`;

test('capabilities_baseline: each non-default capability is reported on its own list item', () => {
  assert.deepEqual(ruleFindings(check(TEXT, 'baseline'), ID), [
    [rangeOf(TEXT, 'NET_RAW', 0), 'non-default capabilities (container "init" must not include "NET_RAW" in securityContext.capabilities.add)'],
    [rangeOf(TEXT, 'SYS_ADMIN', 0), 'non-default capabilities (container "a" must not include "SYS_ADMIN" in securityContext.capabilities.add)'],
    [rangeOf(TEXT, 'NET_RAW', 1), 'non-default capabilities (container "a" must not include "NET_RAW" in securityContext.capabilities.add)'],
    [rangeOf(TEXT, 'SYS_PTRACE'), 'non-default capabilities (container "debug" must not include "SYS_PTRACE" in securityContext.capabilities.add)'],
  ]);
});

test('capabilities_baseline: the summary names containers in visit order and capabilities distinct and sorted', () => {
  assert.deepEqual(summaries(TEXT, ID), [
    'non-default capabilities (containers "init", "a", "debug" must not include "NET_RAW", "SYS_ADMIN", "SYS_PTRACE" in securityContext.capabilities.add)',
  ]);
});

test('capabilities_baseline: the 13 defaults pass, drop is ignored, at every version', () => {
  const ok = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      securityContext:
        capabilities:
          add: [AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT]
          drop: [ALL, SYS_ADMIN]
`;
  for (const v of ['v1.0', 'v1.22', 'latest']) assert.deepEqual(ruleFindings(check(ok, 'baseline', v), ID), [], v);
});

test('capabilities_baseline: no normalisation: CAP_ prefixes, lower case and ALL are forbidden; non-strings are not a match', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      securityContext:
        capabilities:
          add: [CAP_CHOWN, chown, ALL, 5]
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline', 'v1.0'), ID).map(([at]) => at), [
    rangeOf(text, 'CAP_CHOWN'), rangeOf(text, 'chown'), rangeOf(text, 'ALL'),
  ]);
  assert.deepEqual(summaries(text, ID), [
    'non-default capabilities (container "a" must not include "ALL", "CAP_CHOWN", "chown" in securityContext.capabilities.add)',
  ]);
});

test('capabilities_baseline: a list reached through an alias gives one finding at the alias naming every capability', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
        - name: a
          securityContext:
            capabilities:
              add: &caps [SYS_ADMIN, NET_ADMIN]
        - name: b
          securityContext:
            capabilities:
              add: *caps
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'SYS_ADMIN'), 'non-default capabilities (container "a" must not include "SYS_ADMIN" in securityContext.capabilities.add)'],
    [rangeOf(text, 'NET_ADMIN'), 'non-default capabilities (container "a" must not include "NET_ADMIN" in securityContext.capabilities.add)'],
    [rangeOf(text, '*caps'), 'non-default capabilities (container "b" must not include "NET_ADMIN", "SYS_ADMIN" in securityContext.capabilities.add)'],
  ]);
  assert.deepEqual(summaries(text, ID), [
    'non-default capabilities (containers "a", "b" must not include "NET_ADMIN", "SYS_ADMIN" in securityContext.capabilities.add)',
  ]);
});

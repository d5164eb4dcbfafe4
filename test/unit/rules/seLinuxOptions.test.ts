import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'seLinuxOptions';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seLinuxOptions:
      type: foo
      level: "s0:c123,c456"
  containers:
    - name: e
      securityContext:
        seLinuxOptions: {type: bar, user: system_u}
    - name: f
      securityContext:
        seLinuxOptions:
          type: foo
    - name: g
      securityContext:
        seLinuxOptions: {type: container_t, user: "", role: ""}
`;

test('seLinuxOptions: each forbidden type, user and role is reported on its value', () => {
  assert.deepEqual(ruleFindings(check(TEXT, 'baseline'), ID), [
    [rangeOf(TEXT, 'foo', 0), 'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "foo")'],
    [rangeOf(TEXT, 'bar'), 'seLinuxOptions (container "e" set forbidden securityContext.seLinuxOptions: type "bar")'],
    [rangeOf(TEXT, 'system_u'), 'seLinuxOptions (container "e" set forbidden securityContext.seLinuxOptions: user may not be set)'],
    [rangeOf(TEXT, 'foo', 1), 'seLinuxOptions (container "f" set forbidden securityContext.seLinuxOptions: type "foo")'],
  ]);
});

test('seLinuxOptions: the summary joins setters with "and" and the problems with "; "', () => {
  assert.deepEqual(summaries(TEXT, ID), [
    'seLinuxOptions (pod and containers "e", "f" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set)',
  ]);
});

test('seLinuxOptions: user and role without a bad type', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      securityContext:
        seLinuxOptions: {role: sysadm_r}
  containers:
    - name: a
      securityContext:
        seLinuxOptions: {type: container_init_t, user: unconfined_u, role: object_r}
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'sysadm_r'), 'seLinuxOptions (container "init" set forbidden securityContext.seLinuxOptions: role may not be set)'],
    [rangeOf(text, 'unconfined_u'), 'seLinuxOptions (container "a" set forbidden securityContext.seLinuxOptions: user may not be set)'],
    [rangeOf(text, 'object_r'), 'seLinuxOptions (container "a" set forbidden securityContext.seLinuxOptions: role may not be set)'],
  ]);
  assert.deepEqual(summaries(text, ID), [
    'seLinuxOptions (containers "init", "a" set forbidden securityContext.seLinuxOptions: user may not be set; role may not be set)',
  ]);
});

const ENGINE = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      securityContext:
        seLinuxOptions: {type: container_engine_t}
    - name: b
      securityContext:
        seLinuxOptions: {type: container_kvm_t}
  ephemeralContainers:
    - name: debug
      securityContext:
        seLinuxOptions: {type: spc_t}
`;

test('seLinuxOptions: container_engine_t is allowed from v1.31', () => {
  assert.deepEqual(ruleFindings(check(ENGINE, 'baseline', 'v1.30'), ID), [
    [rangeOf(ENGINE, 'container_engine_t'), 'seLinuxOptions (container "a" set forbidden securityContext.seLinuxOptions: type "container_engine_t")'],
    [rangeOf(ENGINE, 'spc_t'), 'seLinuxOptions (container "debug" set forbidden securityContext.seLinuxOptions: type "spc_t")'],
  ]);
  assert.deepEqual(summaries(ENGINE, ID, 'baseline', 'v1.0'), [
    'seLinuxOptions (containers "a", "debug" set forbidden securityContext.seLinuxOptions: types "container_engine_t", "spc_t")',
  ]);
  for (const v of ['v1.31', 'latest']) {
    assert.deepEqual(ruleFindings(check(ENGINE, 'baseline', v), ID), [
      [rangeOf(ENGINE, 'spc_t'), 'seLinuxOptions (container "debug" set forbidden securityContext.seLinuxOptions: type "spc_t")'],
    ], v);
  }
});

test('seLinuxOptions: options behind one alias give one finding at the alias with every problem', () => {
  const text = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: r
spec:
  template:
    spec:
      securityContext:
        seLinuxOptions: &opts {type: spc_t, user: staff_u, role: staff_r}
      containers:
        - name: a
          securityContext:
            seLinuxOptions: *opts
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'spc_t'), 'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t")'],
    [rangeOf(text, 'staff_u'), 'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: user may not be set)'],
    [rangeOf(text, 'staff_r'), 'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: role may not be set)'],
    [rangeOf(text, '*opts'), 'seLinuxOptions (container "a" set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set; role may not be set)'],
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { goQuote } from '../../../server/src/engine/rules/format';
import { summaries } from './summary';

const ID = 'appArmorProfile';
const A = 'container.apparmor.security.beta.kubernetes.io';

const FIELDS = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    appArmorProfile:
      type: Unconfined
  initContainers:
    - name: init
      securityContext:
        appArmorProfile: {type: Custom}
  containers:
    - name: a
      securityContext:
        appArmorProfile:
          type: Unconfined
    - name: b
      securityContext:
        appArmorProfile:
          type: RuntimeDefault
    - name: c
      securityContext:
        appArmorProfile:
          type: Localhost
          localhostProfile: my-profile
  ephemeralContainers:
    - name: debug
      securityContext:
        appArmorProfile: {type: Unconfined}
`;

test('appArmorProfile: pod and container fields, each reported on its own type value', () => {
  assert.deepEqual(ruleFindings(check(FIELDS, 'baseline'), ID), [
    [rangeOf(FIELDS, 'Unconfined', 0), 'forbidden AppArmor profile (pod must not set AppArmor profile type to "Unconfined")'],
    [rangeOf(FIELDS, 'Custom'), 'forbidden AppArmor profile (container "init" must not set AppArmor profile type to "Custom")'],
    [rangeOf(FIELDS, 'Unconfined', 1), 'forbidden AppArmor profile (container "a" must not set AppArmor profile type to "Unconfined")'],
    [rangeOf(FIELDS, 'Unconfined', 2), 'forbidden AppArmor profile (container "debug" must not set AppArmor profile type to "Unconfined")'],
  ]);
});

test('appArmorProfile: the object summary joins pod and containers (visit order) and lists distinct sorted types', () => {
  assert.deepEqual(summaries(FIELDS, ID), [
    'forbidden AppArmor profiles (pod and containers "init", "a", "debug" must not set AppArmor profile type to "Custom", "Unconfined")',
  ]);
});

test('appArmorProfile: the field check applies at every policy version (1.30+ controller)', () => {
  for (const v of ['v1.0', 'v1.29', 'v1.35', 'latest']) assert.equal(ruleFindings(check(FIELDS, 'baseline', v), ID).length, 4, v);
});

const ANNOTATIONS = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    ${A}/a: unconfined
    ${A}/b: runtime/default
    ${A}/c: localhost/my-profile
    ${A}/d: localhost/
    ${A}/e: ""
    ${A}/f:
    ${A}/ghost: docker/default
    apparmor.security.beta.kubernetes.io/a: unconfined
    ${A}/num: 5
spec:
  containers:
    - name: a
`;

test('appArmorProfile: annotations are reported on their value; empty, runtime/default and localhost/ prefixes pass', () => {
  assert.deepEqual(ruleFindings(check(ANNOTATIONS, 'baseline'), ID), [
    [rangeOf(ANNOTATIONS, 'unconfined', 0), `forbidden AppArmor profile (annotation must not set AppArmor profile type to "${A}/a="unconfined"")`],
    // A key for a container that does not exist is still checked.
    [rangeOf(ANNOTATIONS, 'docker/default'), `forbidden AppArmor profile (annotation must not set AppArmor profile type to "${A}/ghost="docker/default"")`],
  ]);
  assert.deepEqual(summaries(ANNOTATIONS, ID), [
    `forbidden AppArmor profiles (annotations must not set AppArmor profile type to "${A}/a="unconfined"", "${A}/ghost="docker/default"")`,
  ]);
});

test('appArmorProfile: fields and annotations together; values are Go-quoted inside the annotation text', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    ${A}/z: 'say "hi"'
    ${A}/a: "tab\\there"
spec:
  containers:
    - name: a
      securityContext:
        appArmorProfile: {type: Unconfined}
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, `'say "hi"'`), `forbidden AppArmor profile (annotation must not set AppArmor profile type to "${A}/z="say \\"hi\\""")`],
    [rangeOf(text, '"tab\\there"'), `forbidden AppArmor profile (annotation must not set AppArmor profile type to "${A}/a="tab\\there"")`],
    [rangeOf(text, 'Unconfined'), 'forbidden AppArmor profile (container "a" must not set AppArmor profile type to "Unconfined")'],
  ]);
  assert.deepEqual(summaries(text, ID), [
    `forbidden AppArmor profiles (container "a" and annotations must not set AppArmor profile type to "Unconfined", "${A}/a="tab\\there"", "${A}/z="say \\"hi\\""")`,
  ]);
});

test('appArmorProfile: a workload is judged on its pod template metadata, never its own', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  annotations:
    ${A}/app: unconfined
spec:
  template:
    metadata:
      annotations:
        ${A}/app: foo
    spec:
      containers:
        - name: app
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations: {${A}/job: bar}
        spec:
          containers:
            - name: job
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'foo'), `forbidden AppArmor profile (annotation must not set AppArmor profile type to "${A}/app="foo"")`],
    [rangeOf(text, 'bar'), `forbidden AppArmor profile (annotation must not set AppArmor profile type to "${A}/job="bar"")`],
  ]);
});

test('appArmorProfile: a profile without a type is type ""; a profile that is null or of the wrong type is not a match', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    appArmorProfile: {}
  containers:
    - name: a
      securityContext:
        appArmorProfile:
    - name: b
      securityContext:
        appArmorProfile: {type: 5}
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'appArmorProfile'), 'forbidden AppArmor profile (pod must not set AppArmor profile type to "")'],
  ]);
});

test('appArmorProfile: a profile reached through an alias is reported where the alias is used', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      securityContext:
        appArmorProfile: &open {type: Unconfined}
    - name: b
      securityContext:
        appArmorProfile: *open
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'Unconfined'), 'forbidden AppArmor profile (container "a" must not set AppArmor profile type to "Unconfined")'],
    [rangeOf(text, '*open'), 'forbidden AppArmor profile (container "b" must not set AppArmor profile type to "Unconfined")'],
  ]);
});

test('appArmorProfile: annotations behind one alias give one finding that names them all', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: p1
      annotations: &ann
        ${A}/a: unconfined
        ${A}/b: other
    spec:
      containers: [{name: a}]
  - apiVersion: v1
    kind: Pod
    metadata:
      name: p2
      annotations: *ann
    spec:
      containers: [{name: a}]
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'unconfined'), `forbidden AppArmor profile (annotation must not set AppArmor profile type to "${A}/a="unconfined"")`],
    [rangeOf(text, 'other'), `forbidden AppArmor profile (annotation must not set AppArmor profile type to "${A}/b="other"")`],
    [rangeOf(text, '*ann'), `forbidden AppArmor profiles (annotations must not set AppArmor profile type to "${A}/a="unconfined"", "${A}/b="other"")`],
  ]);
});

test('goQuote renders like Go\'s %q: escapes, non-printable code points, printable Unicode kept', () => {
  assert.equal(goQuote('plain'), '"plain"');
  assert.equal(goQuote('é\u00a0\x01\x7f\n"\\'), '"é\\u00a0\\x01\\x7f\\n\\"\\\\"');
  assert.equal(goQuote('\u{E0001}'), '"\\U000e0001"');
});

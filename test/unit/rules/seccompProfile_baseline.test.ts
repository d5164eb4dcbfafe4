import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'seccompProfile_baseline';
const POD = 'seccomp.security.alpha.kubernetes.io/pod';
const C = 'container.seccomp.security.alpha.kubernetes.io';

const ANNOTATED = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    ${POD}: unconfined
    ${C}/init: ""
    ${C}/a: runtime/default
    ${C}/b: docker/default
    ${C}/c: localhost/profile.json
    ${C}/debug: unconfined
    ${C}/ghost: unconfined
spec:
  initContainers:
    - name: init
  containers:
    - name: a
    - name: b
    - name: c
      securityContext:
        seccompProfile: {type: Unconfined}
  ephemeralContainers:
    - name: debug
`;

test('seccompProfile_baseline: before v1.19 the alpha annotations of the pod and visited containers are checked', () => {
  assert.deepEqual(ruleFindings(check(ANNOTATED, 'baseline', 'v1.18'), ID), [
    [rangeOf(ANNOTATED, 'unconfined', 0), `seccompProfile (forbidden annotation ${POD}="unconfined")`],
    [rangeOf(ANNOTATED, '""'), `seccompProfile (forbidden annotation ${C}/init="")`],
    [rangeOf(ANNOTATED, 'unconfined', 1), `seccompProfile (forbidden annotation ${C}/debug="unconfined")`],
  ]);
  assert.deepEqual(summaries(ANNOTATED, ID, 'baseline', 'v1.0'), [
    `seccompProfile (forbidden annotations ${C}/debug="unconfined", ${C}/init="", ${POD}="unconfined")`,
  ]);
});

test('seccompProfile_baseline: from v1.19 only the fields count; the annotations are ignored', () => {
  assert.deepEqual(ruleFindings(check(ANNOTATED, 'baseline', 'v1.19'), ID), [
    [rangeOf(ANNOTATED, 'Unconfined'), 'seccompProfile (container "c" must not set securityContext.seccompProfile.type to "Unconfined")'],
  ]);
});

const FIELDS = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
  initContainers:
    - name: init
      securityContext:
        seccompProfile: {type: RuntimeDefault}
  containers:
    - name: a
      securityContext:
        seccompProfile: {type: Localhost, localhostProfile: p.json}
    - name: b
      securityContext:
        seccompProfile: {type: Unconfined}
    - name: c
      securityContext:
        seccompProfile: {type: unconfined}
    - name: d
`;

test('seccompProfile_baseline: v1.19+ pod and container types other than RuntimeDefault/Localhost, on the type value', () => {
  assert.deepEqual(ruleFindings(check(FIELDS, 'baseline', 'latest'), ID), [
    [rangeOf(FIELDS, 'Unconfined', 0), 'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")'],
    [rangeOf(FIELDS, 'Unconfined', 1), 'seccompProfile (container "b" must not set securityContext.seccompProfile.type to "Unconfined")'],
    [rangeOf(FIELDS, 'unconfined'), 'seccompProfile (container "c" must not set securityContext.seccompProfile.type to "unconfined")'],
  ]);
  assert.deepEqual(summaries(FIELDS, ID, 'baseline', 'v1.19'), [
    'seccompProfile (pod and containers "b", "c" must not set securityContext.seccompProfile.type to "Unconfined", "unconfined")',
  ]);
  // Before v1.19 the fields are not looked at.
  assert.deepEqual(ruleFindings(check(FIELDS, 'baseline', 'v1.18'), ID), []);
});

test('seccompProfile_baseline: baseline requires no profile; a profile without a type is type ""', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
    - name: b
      securityContext:
        seccompProfile: {}
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline', 'v1.19'), ID), [
    [rangeOf(text, 'seccompProfile'), 'seccompProfile (container "b" must not set securityContext.seccompProfile.type to "")'],
  ]);
});

test('seccompProfile_baseline: workloads use the template annotations; an annotation map behind an alias gives one finding', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  annotations: &ann
    ${POD}: unconfined
    ${C}/app: unconfined
spec:
  template:
    metadata:
      annotations: *ann
    spec:
      containers:
        - name: app
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline', 'v1.10'), ID), [
    [rangeOf(text, '*ann'), `seccompProfile (forbidden annotations ${C}/app="unconfined", ${POD}="unconfined")`],
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'procMount';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      securityContext:
        procMount: Default
  containers:
    - name: a
      securityContext:
        procMount: Unmasked
    - name: b
      securityContext: {procMount: ""}
    - name: c
      securityContext:
        procMount:
  ephemeralContainers:
    - name: debug
      securityContext:
        procMount: Unmasked
`;

test('procMount: anything but Default is reported on the value', () => {
  assert.deepEqual(ruleFindings(check(TEXT, 'baseline', 'v1.0'), ID), [
    [rangeOf(TEXT, 'Unmasked', 0), 'procMount (container "a" must not set securityContext.procMount to "Unmasked")'],
    [rangeOf(TEXT, '""'), 'procMount (container "b" must not set securityContext.procMount to "")'],
    [rangeOf(TEXT, 'Unmasked', 1), 'procMount (container "debug" must not set securityContext.procMount to "Unmasked")'],
  ]);
});

test('procMount: the summary lists containers in visit order and values distinct and sorted', () => {
  assert.deepEqual(summaries(TEXT, ID), ['procMount (containers "a", "b", "debug" must not set securityContext.procMount to "", "Unmasked")']);
});

test('procMount: from v1.35 any value passes when spec.hostUsers is explicitly false', () => {
  const userNs = TEXT.replace('spec:\n', 'spec:\n  hostUsers: false\n');
  assert.deepEqual(ruleFindings(check(userNs, 'baseline', 'v1.35'), ID), []);
  assert.deepEqual(ruleFindings(check(userNs, 'baseline', 'latest'), ID), []);
  // Older policy versions have no user-namespace relaxation.
  assert.equal(ruleFindings(check(userNs, 'baseline', 'v1.34'), ID).length, 3);
  // hostUsers true or unset relaxes nothing.
  const hostNs = TEXT.replace('spec:\n', 'spec:\n  hostUsers: true\n');
  assert.equal(ruleFindings(check(hostNs, 'baseline', 'v1.35'), ID).length, 3);
  assert.equal(ruleFindings(check(TEXT, 'baseline', 'v1.35'), ID).length, 3);
});

test('procMount: a securityContext merged in through an alias is reported at the merge', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
        - &base
          name: a
          securityContext: {procMount: Unmasked}
        - <<: *base
          name: b
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'Unmasked'), 'procMount (container "a" must not set securityContext.procMount to "Unmasked")'],
    [rangeOf(text, '*base'), 'procMount (container "b" must not set securityContext.procMount to "Unmasked")'],
  ]);
});

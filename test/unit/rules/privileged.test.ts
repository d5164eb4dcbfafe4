import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';

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
  assert.deepEqual(ruleFindings(check(TWO_PRIVILEGED, 'baseline'), 'privileged'), [
    [rangeOf(TWO_PRIVILEGED, 'true', 0), 'privileged (container "a" must not set securityContext.privileged=true)'],
    [rangeOf(TWO_PRIVILEGED, 'true', 1), 'privileged (container "b" must not set securityContext.privileged=true)'],
  ]);
});

test('privileged: false and unset pass at every version', () => {
  const ok = TWO_PRIVILEGED.replace(/privileged: true/g, 'privileged: false');
  for (const v of ['v1.0', 'v1.25', 'latest']) assert.deepEqual(ruleFindings(check(ok, 'baseline', v), 'privileged'), []);
});

test('privileged: YAML 1.1 booleans count as the API server reads them', () => {
  const text = TWO_PRIVILEGED.replace('privileged: true   # bad', 'privileged: yes');
  assert.equal(ruleFindings(check(text, 'baseline'), 'privileged').length, 2);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { summaryOf } from '../conformance/summary';

const ID = 'procMount_restricted';
const msg = (who: string, values: string) => `procMount (${who} must not set securityContext.procMount to ${values})`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  initContainers:
    - name: init
      securityContext:
        procMount: Unmasked
  containers:
    - name: default
      securityContext:
        procMount: Default
    - name: empty
      securityContext:
        procMount:
    - name: none
  ephemeralContainers:
    - name: debug
      securityContext: {procMount: Weird}
`;

test('procMount_restricted: every value other than Default is reported on the value; unset and null pass', () => {
  assert.deepEqual(ruleFindings(check(POD, 'restricted', 'v1.35'), ID), [
    [rangeOf(POD, 'Unmasked'), msg('container "init"', '"Unmasked"')],
    [rangeOf(POD, 'Weird'), msg('container "debug"', '"Weird"')],
  ]);
});

test('procMount_restricted: the summary lists containers in visit order and values sorted', () => {
  assert.match(summaryOf(POD, 'restricted', 'v1.35'), /procMount \(containers "init", "debug" must not set securityContext\.procMount to "Unmasked", "Weird"\)/);
});

test('procMount_restricted: hostUsers: false does not relax it (unlike baseline procMount from v1.35)', () => {
  const hostUsers = POD.replace('hostUsers: false', 'hostUsers: true');
  for (const text of [POD, hostUsers]) assert.equal(ruleFindings(check(text, 'restricted', 'latest'), ID).length, 2);
});

test('procMount_restricted: starts at v1.35 and replaces baseline procMount under restricted', () => {
  assert.deepEqual(ruleFindings(check(POD, 'restricted', 'v1.34'), ID), []);
  for (const v of ['v1.35', 'v1.37', 'latest']) {
    const findings = check(POD, 'restricted', v);
    assert.equal(ruleFindings(findings, ID).length, 2, v);
    assert.deepEqual(ruleFindings(findings, 'procMount'), [], v);
  }
  assert.deepEqual(ruleFindings(check(POD, 'baseline', 'latest'), ID), []);
});

test('procMount_restricted: containers reached through one alias share one finding there, naming all of them', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
x-containers: &cs
  - {name: a, securityContext: {procMount: Unmasked}}
  - {name: b, securityContext: {procMount: Default}}
  - {name: c, securityContext: {procMount: Other}}
spec:
  containers: *cs
`;
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [[rangeOf(text, '*cs'), msg('containers "a", "c"', '"Other", "Unmasked"')]]);
});

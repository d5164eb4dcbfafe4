import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { summaryOf } from '../conformance/summary';

const ID = 'seccompProfile_restricted';
const must = (who: string) => `seccompProfile (pod or ${who} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`;
const mustNot = (who: string, values: string) => `seccompProfile (${who} must not set securityContext.seccompProfile.type to ${values})`;

/** A pod whose pod-level securityContext is `podContext` (indented under `securityContext:`), with three containers. */
function pod(podContext: string, appProfile = '', osName = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${osName ? `  os:\n    name: ${osName}\n` : ''}  securityContext:
    runAsNonRoot: true
${podContext}  initContainers:
    - name: init
      securityContext:
        allowPrivilegeEscalation: false
  containers:
    - name: app
      securityContext:
        allowPrivilegeEscalation: false
${appProfile}  ephemeralContainers:
    - name: debug
`;
}

const UNSET = pod('');

test('seccompProfile_restricted: with no profile anywhere, each container is reported on its deepest key or name', () => {
  assert.deepEqual(ruleFindings(check(UNSET, 'restricted', 'v1.19'), ID), [
    [rangeOf(UNSET, 'securityContext', 1), must('container "init"')],
    [rangeOf(UNSET, 'securityContext', 2), must('container "app"')],
    [rangeOf(UNSET, 'debug'), must('container "debug"')],
  ]);
  assert.match(summaryOf(UNSET, 'restricted', 'v1.19'), new RegExp(escape(must('containers "init", "app", "debug"'))));
});

test('seccompProfile_restricted: a valid pod-level type covers containers that leave it unset', () => {
  for (const type of ['RuntimeDefault', 'Localhost']) {
    const text = pod(`    seccompProfile:\n      type: ${type}\n`, '        seccompProfile:\n');
    assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [], type);
  }
});

test('seccompProfile_restricted: without a pod-level type, a container that sets its own valid type passes', () => {
  const text = pod('', '        seccompProfile:\n          type: Localhost\n          localhostProfile: p.json\n');
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID).map(([, m]) => m), [must('container "init"'), must('container "debug"')]);
});

test('seccompProfile_restricted: pod-level Unconfined fails even when every container is fine', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile: {type: Unconfined}
  containers:
    - name: app
      securityContext:
        seccompProfile: {type: RuntimeDefault}
`;
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [[rangeOf(text, 'Unconfined'), mustNot('pod', '"Unconfined"')]]);
});

test('seccompProfile_restricted: explicit values win the wording; each finding keeps its own', () => {
  const text = pod('    seccompProfile:\n      type: Unconfined\n', '        seccompProfile:\n          type: Bogus\n');
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [
    [rangeOf(text, 'Unconfined'), mustNot('pod', '"Unconfined"')],
    [rangeOf(text, 'securityContext', 1), must('container "init"')],
    [rangeOf(text, 'Bogus'), mustNot('container "app"', '"Bogus"')],
    [rangeOf(text, 'debug'), must('container "debug"')],
  ]);
  assert.match(summaryOf(text, 'restricted', 'latest'), new RegExp(escape(mustNot('pod and container "app"', '"Bogus", "Unconfined"'))));
});

test('seccompProfile_restricted: a profile without a type is the empty type, reported on the seccompProfile key', () => {
  const text = pod('    seccompProfile:\n      type: RuntimeDefault\n', '        seccompProfile: {}\n');
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [[rangeOf(text, 'seccompProfile', 1), mustNot('container "app"', '""')]]);
});

test('seccompProfile_restricted: starts at v1.19 and replaces seccompProfile_baseline under restricted', () => {
  const unconfined = pod('    seccompProfile:\n      type: Unconfined\n');
  assert.deepEqual(ruleFindings(check(UNSET, 'restricted', 'v1.18'), ID), []);
  for (const v of ['v1.19', 'v1.25', 'latest']) {
    assert.equal(ruleFindings(check(UNSET, 'restricted', v), ID).length, 3, v);
    assert.deepEqual(ruleFindings(check(unconfined, 'restricted', v), 'seccompProfile_baseline'), [], v);
  }
  assert.deepEqual(ruleFindings(check(unconfined, 'baseline', 'latest'), ID), []);
});

test('seccompProfile_restricted: Windows pods are exempt from v1.25', () => {
  const windows = pod('    seccompProfile:\n      type: Unconfined\n', '', 'windows');
  assert.equal(ruleFindings(check(windows, 'restricted', 'v1.24'), ID).length, 4); // pod Unconfined + 3 containers
  assert.deepEqual(ruleFindings(check(windows, 'restricted', 'v1.25'), ID), []);
  assert.deepEqual(ruleFindings(check(windows, 'restricted', 'latest'), 'seccompProfile_baseline'), []);
  assert.equal(ruleFindings(check(pod('', '', 'linux'), 'restricted', 'latest'), ID).length, 3);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('seccompProfile_restricted: containers reached through one alias share one finding there, naming all of them', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
x-containers: &cs
  - {name: a, securityContext: {seccompProfile: {type: Unconfined}}}
  - {name: b}
spec:
  containers: *cs
`;
  // explicit wins the wording of a place that holds both kinds
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [[rangeOf(text, '*cs'), mustNot('container "a"', '"Unconfined"')]]);
});

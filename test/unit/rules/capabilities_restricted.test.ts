import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, RESTRICTED_POD, ruleFindings } from '../../helpers';
import { summaryOf } from '../conformance/summary';

const ID = 'capabilities_restricted';
const drop = (who: string) => `unrestricted capabilities (${who} must set securityContext.capabilities.drop=["ALL"])`;
const add = (who: string, caps: string) => `unrestricted capabilities (${who} must not include ${caps} in securityContext.capabilities.add)`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  os:
    name: linux
  initContainers:
    - name: init
      securityContext:
        runAsUser: 1000
  containers:
    - name: lower
      securityContext:
        capabilities:
          drop: [all]
    - name: adds
      securityContext:
        capabilities:
          drop: [ALL]
          add: [SYS_ADMIN, NET_BIND_SERVICE, NET_RAW, SYS_ADMIN]
    - name: fine
      securityContext:
        capabilities:
          drop: ["ALL"]
          add: ["NET_BIND_SERVICE"]
  ephemeralContainers:
    - name: debug
`;

test('capabilities_restricted: missing drop ALL on the deepest key or the name; each forbidden add on its item', () => {
  assert.deepEqual(ruleFindings(check(POD, 'restricted', 'v1.22'), ID), [
    [rangeOf(POD, 'securityContext'), drop('container "init"')],
    [rangeOf(POD, 'drop'), drop('container "lower"')],
    [rangeOf(POD, 'SYS_ADMIN'), add('container "adds"', '"SYS_ADMIN"')],
    [rangeOf(POD, 'NET_RAW'), add('container "adds"', '"NET_RAW"')],
    [rangeOf(POD, 'SYS_ADMIN', 1), add('container "adds"', '"SYS_ADMIN"')],
    [rangeOf(POD, 'debug'), drop('container "debug"')],
  ]);
});

test('capabilities_restricted: the summary joins both parts with "; ", containers in visit order, capabilities sorted', () => {
  assert.match(
    summaryOf(POD, 'restricted', 'v1.22'),
    new RegExp(
      escape('unrestricted capabilities (containers "init", "lower", "debug" must set securityContext.capabilities.drop=["ALL"]; ' +
        'container "adds" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add)'),
    ),
  );
});

test('capabilities_restricted: several containers adding are plural', () => {
  const text = RESTRICTED_POD.replace(/drop: \[ALL\]/g, 'drop: [ALL]\n          add: [CHOWN]');
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID).map(([, m]) => m), [
    add('container "initcontainer1"', '"CHOWN"'),
    add('container "container1"', '"CHOWN"'),
  ]);
  assert.match(summaryOf(text, 'restricted', 'latest'), new RegExp(escape(add('containers "initcontainer1", "container1"', '"CHOWN"'))));
});

test('capabilities_restricted: a list reached through an alias is one finding at the alias, naming every capability', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: initcontainer1
      securityContext:
        capabilities:
          drop: [ALL]
          add: &caps [SYS_TIME, NET_ADMIN]
  containers:
    - name: container1
      securityContext:
        capabilities:
          drop: [ALL]
          add: *caps
`;
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [
    [rangeOf(text, 'SYS_TIME'), add('container "initcontainer1"', '"SYS_TIME"')],
    [rangeOf(text, 'NET_ADMIN'), add('container "initcontainer1"', '"NET_ADMIN"')],
    [rangeOf(text, '*caps'), add('container "container1"', '"NET_ADMIN", "SYS_TIME"')],
  ]);
});

test('capabilities_restricted: starts at v1.22 and replaces capabilities_baseline under restricted', () => {
  assert.deepEqual(ruleFindings(check(POD, 'restricted', 'v1.21'), ID), []);
  for (const v of ['v1.22', 'v1.30', 'latest']) {
    assert.equal(ruleFindings(check(POD, 'restricted', v), ID).length, 6, v);
    assert.deepEqual(ruleFindings(check(POD, 'restricted', v), 'capabilities_baseline'), [], v);
  }
  assert.deepEqual(ruleFindings(check(POD, 'baseline', 'latest'), ID), []);
  assert.deepEqual(ruleFindings(check(RESTRICTED_POD, 'restricted', 'v1.22'), ID), []);
});

test('capabilities_restricted: Windows pods are exempt from v1.25, other OS names are not', () => {
  const windows = POD.replace('name: linux', 'name: windows');
  assert.equal(ruleFindings(check(windows, 'restricted', 'v1.24'), ID).length, 6);
  assert.deepEqual(ruleFindings(check(windows, 'restricted', 'v1.25'), ID), []);
  assert.deepEqual(ruleFindings(check(windows, 'restricted', 'latest'), 'capabilities_baseline'), []);
  assert.equal(ruleFindings(check(POD, 'restricted', 'v1.25'), ID).length, 6);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

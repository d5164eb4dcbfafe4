import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'hostPorts';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      ports:
        - containerPort: 7000
          hostPort: 9
  containers:
    - name: a
      ports:
        - containerPort: 80
          hostPort: 100
        - containerPort: 81
          hostPort: 20
        - containerPort: 82
          hostPort: 0
        - containerPort: 83
    - name: b
      ports: [{containerPort: 84, hostPort: 20}]
`;

test('hostPorts: each non-zero hostPort is reported on its value', () => {
  assert.deepEqual(ruleFindings(check(TEXT, 'baseline'), ID), [
    [rangeOf(TEXT, '9', 0), 'hostPort (container "init" uses hostPort 9)'],
    [rangeOf(TEXT, '100'), 'hostPort (container "a" uses hostPort 100)'],
    [rangeOf(TEXT, '20', 0), 'hostPort (container "a" uses hostPort 20)'],
    [rangeOf(TEXT, '20', 1), 'hostPort (container "b" uses hostPort 20)'],
  ]);
});

test('hostPorts: the summary uses plural verbs and lists distinct ports sorted as strings', () => {
  assert.deepEqual(summaries(TEXT, ID), ['hostPort (containers "init", "a", "b" use hostPorts 100, 20, 9)']);
});

test('hostPorts: 0, unset and non-integer values pass at every version', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      ports:
        - containerPort: 80
        - {containerPort: 81, hostPort: 0}
        - {containerPort: 82, hostPort: "8082"}
        - {containerPort: 83, hostPort: null}
`;
  for (const v of ['v1.0', 'latest']) assert.deepEqual(ruleFindings(check(text, 'baseline', v), ID), [], v);
});

const HOST_NETWORK_POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  initContainers:
    - name: init
      ports: [{containerPort: 9100}]
  containers:
    - name: a
      ports:
        - containerPort: 8080
        - containerPort: 8443
          hostPort: 8443
        - containerPort: 0
`;

test('hostPorts: on a hostNetwork Pod the API server defaults hostPort to containerPort, reported on containerPort', () => {
  assert.deepEqual(ruleFindings(check(HOST_NETWORK_POD, 'baseline'), ID), [
    [rangeOf(HOST_NETWORK_POD, '9100'), 'hostPort (container "init" uses hostPort 9100)'],
    [rangeOf(HOST_NETWORK_POD, '8080'), 'hostPort (container "a" uses hostPort 8080)'],
    [rangeOf(HOST_NETWORK_POD, '8443', 1), 'hostPort (container "a" uses hostPort 8443)'],
  ]);
  assert.deepEqual(summaries(HOST_NETWORK_POD, ID), ['hostPort (containers "init", "a" use hostPorts 8080, 8443, 9100)']);
});

test('hostPorts: no defaulting for pod templates or without hostNetwork: true', () => {
  const template = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: a
          ports: [{containerPort: 8080}]
`;
  assert.deepEqual(ruleFindings(check(template, 'baseline'), ID), []);
  const noHostNetwork = HOST_NETWORK_POD.replace('hostNetwork: true', 'hostNetwork: false');
  assert.deepEqual(ruleFindings(check(noHostNetwork, 'baseline'), ID), [
    [rangeOf(noHostNetwork, '8443', 1), 'hostPort (container "a" uses hostPort 8443)'],
  ]);
});

test('hostPorts: workload templates report explicit host ports; YAML 1.1 numbers are read as the API server reads them', () => {
  const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
  template:
    spec:
      containers:
        - name: a
          ports: [{containerPort: 80, hostPort: 0x1F90}]
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [[rangeOf(text, '0x1F90'), 'hostPort (container "a" uses hostPort 8080)']]);
});

test('hostPorts: ports behind one alias give one finding at the alias naming all of them', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      ports: &ports
        - {containerPort: 1, hostPort: 30}
        - {containerPort: 2, hostPort: 4}
    - name: b
      ports: *ports
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, '30'), 'hostPort (container "a" uses hostPort 30)'],
    [rangeOf(text, '4'), 'hostPort (container "a" uses hostPort 4)'],
    [rangeOf(text, '*ports'), 'hostPort (container "b" uses hostPorts 30, 4)'],
  ]);
});

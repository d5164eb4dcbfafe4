import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'hostProbesAndHostLifecycle';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: sidecar
      restartPolicy: Always
      startupProbe:
        tcpSocket: {host: 10.0.0.1, port: 80}
  containers:
    - name: web
      livenessProbe:
        httpGet:
          host: localhost
          port: 8080
      readinessProbe:
        httpGet: {host: "", port: 8080}
      lifecycle:
        postStart:
          httpGet: {host: 169.254.169.254, port: 80}
        preStop:
          tcpSocket: {host: localhost, port: 80}
    - name: app
      readinessProbe:
        tcpSocket: {host: 10.0.0.1, port: 80}
      livenessProbe:
        grpc: {port: 9000}
      startupProbe:
        exec: {command: [true]}
  ephemeralContainers:
    - name: debug
      lifecycle:
        preStop:
          httpGet: {host: example.com, port: 80}
`;

test('hostProbesAndHostLifecycle: every probe and lifecycle host is reported on its value (from v1.34)', () => {
  assert.deepEqual(ruleFindings(check(TEXT, 'baseline', 'v1.34'), ID), [
    [rangeOf(TEXT, '10.0.0.1', 0), 'probe or lifecycle host (container "sidecar" uses probe or lifecycle host "10.0.0.1")'],
    [rangeOf(TEXT, 'localhost', 0), 'probe or lifecycle host (container "web" uses probe or lifecycle host "localhost")'],
    [rangeOf(TEXT, '169.254.169.254'), 'probe or lifecycle host (container "web" uses probe or lifecycle host "169.254.169.254")'],
    [rangeOf(TEXT, 'localhost', 1), 'probe or lifecycle host (container "web" uses probe or lifecycle host "localhost")'],
    [rangeOf(TEXT, '10.0.0.1', 1), 'probe or lifecycle host (container "app" uses probe or lifecycle host "10.0.0.1")'],
    [rangeOf(TEXT, 'example.com'), 'probe or lifecycle host (container "debug" uses probe or lifecycle host "example.com")'],
  ]);
});

test('hostProbesAndHostLifecycle: the summary sorts and deduplicates both containers and hosts', () => {
  assert.deepEqual(summaries(TEXT, ID, 'baseline', 'v1.34'), [
    'probe or lifecycle host (containers "app", "debug", "sidecar", "web" use probe or lifecycle hosts "10.0.0.1", "169.254.169.254", "example.com", "localhost")',
  ]);
  const one = TEXT.replace(/host: (10\.0\.0\.1|169\.254\.169\.254|example\.com)/g, 'host: ""');
  assert.deepEqual(summaries(one, ID, 'baseline', 'latest'), ['probe or lifecycle host (container "web" uses probe or lifecycle host "localhost")']);
});

test('hostProbesAndHostLifecycle: not checked before v1.34', () => {
  for (const v of ['v1.0', 'v1.33']) assert.deepEqual(ruleFindings(check(TEXT, 'baseline', v), ID), [], v);
  assert.equal(ruleFindings(check(TEXT, 'baseline', 'latest'), ID).length, 6);
});

test('hostProbesAndHostLifecycle: a probe shared through an alias is reported at each use', () => {
  const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: s
spec:
  template:
    spec:
      containers:
        - name: a
          livenessProbe: &probe
            httpGet: {host: db.internal, port: 80}
          readinessProbe: *probe
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline', 'v1.35'), ID), [
    [rangeOf(text, 'db.internal'), 'probe or lifecycle host (container "a" uses probe or lifecycle host "db.internal")'],
    [rangeOf(text, '*probe'), 'probe or lifecycle host (container "a" uses probe or lifecycle host "db.internal")'],
  ]);
  assert.deepEqual(summaries(text, ID, 'baseline', 'v1.35'), ['probe or lifecycle host (container "a" uses probe or lifecycle host "db.internal")']);
});

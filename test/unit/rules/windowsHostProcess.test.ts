import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'windowsHostProcess';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  os: {name: windows}
  securityContext:
    windowsOptions:
      hostProcess: true
  initContainers:
    - name: init
      securityContext:
        windowsOptions: {hostProcess: false}
  containers:
    - name: a
      securityContext:
        windowsOptions:
          hostProcess: yes
    - name: b
      securityContext:
        windowsOptions:
          hostProcess: "true"
  ephemeralContainers:
    - name: debug
      securityContext: {windowsOptions: {hostProcess: true}}
`;

test('windowsHostProcess: pod and container hostProcess=true, each reported on its value (Windows pods are not exempt)', () => {
  assert.deepEqual(ruleFindings(check(TEXT, 'baseline', 'v1.0'), ID), [
    [rangeOf(TEXT, 'true', 1), 'hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)'],
    [rangeOf(TEXT, 'yes'), 'hostProcess (container "a" must not set securityContext.windowsOptions.hostProcess=true)'],
    [rangeOf(TEXT, 'true', 3), 'hostProcess (container "debug" must not set securityContext.windowsOptions.hostProcess=true)'],
  ]);
});

test('windowsHostProcess: the summary joins pod and containers with "and"', () => {
  assert.deepEqual(summaries(TEXT, ID, 'baseline', 'latest'), [
    'hostProcess (pod and containers "a", "debug" must not set securityContext.windowsOptions.hostProcess=true)',
  ]);
  const podOnly = TEXT.replace('hostProcess: yes', 'hostProcess: false').replace('{hostProcess: true}}', '{}}');
  assert.deepEqual(summaries(podOnly, ID), ['hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)']);
});

test('windowsHostProcess: a Deployment template with windowsOptions merged in through an alias', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: a
          securityContext: &sc
            windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}
        - name: b
          securityContext:
            <<: *sc
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'true', 1), 'hostProcess (container "a" must not set securityContext.windowsOptions.hostProcess=true)'],
    [rangeOf(text, '*sc'), 'hostProcess (container "b" must not set securityContext.windowsOptions.hostProcess=true)'],
  ]);
});

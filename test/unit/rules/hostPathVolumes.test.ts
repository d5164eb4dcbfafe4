import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'hostPathVolumes';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
  volumes:
    - name: docker
      hostPath:
        path: /var/run/docker.sock
        type: Socket
    - name: scratch
      emptyDir: {}
    - {name: etc, hostPath: {path: /etc}}
    - name: nothing
      hostPath:
`;

test('hostPathVolumes: each hostPath volume is reported on its hostPath key', () => {
  assert.deepEqual(ruleFindings(check(TEXT, 'baseline'), ID), [
    [rangeOf(TEXT, 'hostPath', 0), 'hostPath volumes (volume "docker")'],
    [rangeOf(TEXT, 'hostPath', 1), 'hostPath volumes (volume "etc")'],
  ]);
});

test('hostPathVolumes: the summary lists volumes in spec order', () => {
  assert.deepEqual(summaries(TEXT, ID), ['hostPath volumes (volumes "docker", "etc")']);
});

test('hostPathVolumes: a null hostPath is no source at all (defaulted to emptyDir) and passes at every version', () => {
  const text = TEXT.replace(/ {6}hostPath:\n {8}path: \/var\/run\/docker.sock\n {8}type: Socket\n/, '      emptyDir: {}\n').replace(/ hostPath: \{path: \/etc\}/, ' configMap: {name: c}');
  for (const v of ['v1.0', 'latest']) assert.deepEqual(ruleFindings(check(text, 'baseline', v), ID), [], v);
});

test('hostPathVolumes: read-only use is no exception; workload templates are checked', () => {
  const text = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: a
          volumeMounts: [{name: logs, mountPath: /logs, readOnly: true}]
      volumes:
        - name: logs
          hostPath: {path: /var/log}
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline', 'v1.0'), ID), [[rangeOf(text, 'hostPath'), 'hostPath volumes (volume "logs")']]);
});

test('hostPathVolumes: volumes merged in through an alias are reported at the alias', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
  volumes:
    - &root
      name: root
      hostPath: {path: /}
    - <<: *root
      name: root2
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'hostPath'), 'hostPath volumes (volume "root")'],
    [rangeOf(text, '*root'), 'hostPath volumes (volume "root2")'],
  ]);
});

test('hostPathVolumes: a whole volume list behind an alias gives one finding naming every volume', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: p1}
    spec:
      containers: [{name: a}]
      volumes: &vols
        - {name: vx, hostPath: {path: /x}}
        - {name: vy, hostPath: {path: /y}}
  - apiVersion: v1
    kind: Pod
    metadata: {name: p2}
    spec:
      containers: [{name: a}]
      volumes: *vols
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'hostPath', 0), 'hostPath volumes (volume "vx")'],
    [rangeOf(text, 'hostPath', 1), 'hostPath volumes (volume "vy")'],
    [rangeOf(text, '*vols'), 'hostPath volumes (volumes "vx", "vy")'],
  ]);
});

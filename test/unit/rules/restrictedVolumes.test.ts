import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, RESTRICTED_POD, ruleFindings } from '../../helpers';
import { summaryOf } from '../conformance/summary';

const ID = 'restrictedVolumes';
const one = (volume: string, type: string) => `restricted volume types (volume "${volume}" uses restricted volume type "${type}")`;
const withVolumes = (volumes: string) => `${RESTRICTED_POD}  volumes:\n${volumes}`;

const ALLOWED = withVolumes(`    - name: implicit-empty-dir
    - name: empty
      emptyDir: {}
    - name: cm
      configMap: {name: c}
    - name: s
      secret: {secretName: s}
    - name: pvc
      persistentVolumeClaim: {claimName: c}
    - name: down
      downwardAPI: {items: []}
    - name: proj
      projected: {sources: []}
    - name: inline
      csi: {driver: d}
    - name: eph
      ephemeral: {volumeClaimTemplate: {spec: {}}}
    - name: img
      image: {reference: registry.k8s.io/pause}
    - name: null-source
      hostPath:
    - name: mixed
      emptyDir: {}
      nfs: {server: s, path: /}
`);

test('restrictedVolumes: the nine allowed sources pass, as does a volume with no (or only null) source', () => {
  for (const v of ['v1.0', 'v1.22', 'latest']) assert.deepEqual(ruleFindings(check(ALLOWED, 'restricted', v), ID), [], v);
});

const BAD = withVolumes(`    - name: host
      hostPath: {path: /var/run}
    - name: ok
      emptyDir: {}
    - name: share
      nfs:
        server: nfs.example
        path: /
    - name: repo
      gitRepo: {repository: r}
    - name: odd
      someFutureSource: {}
    - name: both
      nfs: {server: s, path: /}
      hostPath: {path: /}
`);

test('restrictedVolumes: each bad volume on its source key, or on its name when the source is unrecognised', () => {
  assert.deepEqual(ruleFindings(check(BAD, 'restricted', 'v1.0'), ID), [
    [rangeOf(BAD, 'hostPath'), one('host', 'hostPath')],
    [rangeOf(BAD, 'nfs'), one('share', 'nfs')],
    [rangeOf(BAD, 'gitRepo'), one('repo', 'gitRepo')],
    [rangeOf(BAD, 'odd'), one('odd', 'unknown')],
    // a volume that (invalidly) sets two sources is named by the first in the controller's order
    [rangeOf(BAD, 'hostPath', 1), one('both', 'hostPath')],
  ]);
});

test('restrictedVolumes: the summary lists volumes in spec order and distinct types sorted', () => {
  assert.equal(
    summaryOf(BAD, 'restricted', 'latest'),
    'restricted volume types (volumes "host", "share", "repo", "odd", "both" use restricted volume types "gitRepo", "hostPath", "nfs", "unknown")',
  );
  const twoNfs = withVolumes('    - name: a\n      nfs: {server: s, path: /}\n    - name: b\n      nfs: {server: s, path: /b}\n');
  assert.equal(summaryOf(twoNfs, 'restricted', 'latest'), 'restricted volume types (volumes "a", "b" use restricted volume type "nfs")');
});

test('restrictedVolumes: every named in-tree type is reported by its field name', () => {
  const types = ['gcePersistentDisk', 'awsElasticBlockStore', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc',
    'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos'];
  for (const type of types) {
    const text = withVolumes(`    - name: v\n      ${type}: {}\n`);
    assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [[rangeOf(text, type), one('v', type)]], type);
  }
});

test('restrictedVolumes: under restricted it replaces hostPathVolumes; it is not part of baseline', () => {
  for (const v of ['v1.0', 'latest']) assert.deepEqual(ruleFindings(check(BAD, 'restricted', v), 'hostPathVolumes'), [], v);
  assert.deepEqual(ruleFindings(check(BAD, 'baseline', 'latest'), ID), []);
});

test('restrictedVolumes: volumes reached through one alias share one finding there, naming all of them', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
x-volumes: &vols
  - {name: a, nfs: {server: s, path: /}}
  - {name: b, emptyDir: {}}
  - {name: c, hostPath: {path: /}}
spec:
  volumes: *vols
`;
  assert.deepEqual(ruleFindings(check(text, 'restricted', 'latest'), ID), [
    [rangeOf(text, '*vols'), 'restricted volume types (volumes "a", "c" use restricted volume types "hostPath", "nfs")'],
  ]);
});

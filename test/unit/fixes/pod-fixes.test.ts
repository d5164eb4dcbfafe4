/** Golden tests for pod-level, metadata and volume fixes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, offered } from './fix-helpers';

test('runAsNonRoot: a container without it gets the pod-level field, inserted into the pod securityContext', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    fsGroup: 2000
  containers:
    - name: app
`;
  const { fix, output } = applyFix(input, 'runAsNonRoot');
  assert.equal(fix.title, 'Set runAsNonRoot: true in the pod securityContext');
  assert.equal(output, input.replace('    fsGroup: 2000\n', '    fsGroup: 2000\n    runAsNonRoot: true\n'));
});

test('runAsNonRoot: creates the pod securityContext after the pod spec\'s last key', () => {
  const input = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: job
            image: busybox
`;
  assert.equal(applyFix(input, 'runAsNonRoot').output, `${input}          securityContext:
            runAsNonRoot: true
`);
});

test('runAsNonRoot: an explicit false is flipped where it is (container or pod)', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: false
  containers:
    - name: app
      securityContext: {runAsNonRoot: false}
`;
  const pod = applyFix(input, 'runAsNonRoot', { index: 0 });
  assert.equal(pod.fix.title, 'Set runAsNonRoot: true');
  assert.equal(pod.output, input.replace('    runAsNonRoot: false', '    runAsNonRoot: true'));
  assert.equal(applyFix(input, 'runAsNonRoot', { index: 1 }).output, input.replace('{runAsNonRoot: false}', '{runAsNonRoot: true}'));
});

test('runAsUser: 0 becomes the configured UID, offered but not preferred', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 0
  containers:
    - name: app
`;
  const { fix, output } = applyFix(input, 'runAsUser');
  assert.equal(fix.isPreferred, false);
  assert.match(fix.title, /^Set runAsUser: 1000 /);
  assert.equal(output, input.replace('runAsUser: 0', 'runAsUser: 1000'));
  assert.equal(applyFix(input, 'runAsUser', { nonRootUserId: 65532 }).output, input.replace('runAsUser: 0', 'runAsUser: 65532'));
});

test('seccompProfile_restricted: a missing profile becomes a pod-level block map in a block file', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: app
`;
  const { fix, output } = applyFix(input, 'seccompProfile_restricted');
  assert.equal(fix.title, 'Set seccompProfile: {type: RuntimeDefault} in the pod securityContext');
  assert.equal(output, input.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n'));
});

test('seccompProfile_restricted: a pod securityContext in flow style gets a flow seccompProfile', () => {
  const input = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsNonRoot: true}
  containers: [{name: app, image: x}]
`;
  assert.equal(applyFix(input, 'seccompProfile_restricted').output, input.replace('{runAsNonRoot: true}', '{runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}'));
});

test('seccompProfile: Unconfined is replaced keeping its quotes; a localhostProfile is dropped with it', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: "Unconfined"
  containers:
    - name: app
      securityContext:
        seccompProfile: {type: Unconfined, localhostProfile: x.json}
`;
  const pod = applyFix(input, 'seccompProfile_baseline', { level: 'baseline', index: 0 });
  assert.equal(pod.fix.title, 'Set seccompProfile.type: RuntimeDefault');
  assert.equal(pod.output, input.replace('"Unconfined"', '"RuntimeDefault"'));
  assert.equal(applyFix(input, 'seccompProfile_restricted', { index: 1 }).output, input.replace('{type: Unconfined, localhostProfile: x.json}', '{type: RuntimeDefault}'));
});

test('seccompProfile_baseline before v1.19: the annotation value becomes runtime/default', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined
spec:
  containers:
    - name: app
`;
  const { fix, output } = applyFix(input, 'seccompProfile_baseline', { level: 'baseline', version: 'v1.18' });
  assert.equal(fix.title, 'Set the seccomp annotation to runtime/default');
  assert.equal(output, input.replace(': unconfined', ': runtime/default'));
});

test('hostNamespaces: each offending field is set to false on its own', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  hostIPC: True
  containers:
    - name: app
`;
  const network = applyFix(input, 'hostNamespaces', { level: 'baseline', index: 0 });
  assert.equal(network.fix.title, 'Set hostNetwork: false');
  assert.equal(network.output, input.replace('hostNetwork: true', 'hostNetwork: false'));
  const ipc = applyFix(input, 'hostNamespaces', { level: 'baseline', index: 1 });
  assert.equal(ipc.fix.title, 'Set hostIPC: false');
  assert.equal(ipc.output, input.replace('hostIPC: True', 'hostIPC: false'));
});

test('sysctls: the unsafe entry is removed; the last one takes the list (and an emptied securityContext) with it', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
    - name: kernel.shm_rmid_forced
      value: "1"
    - name: kernel.msgmax
      value: "65536"
  containers:
    - name: app
`;
  const { fix, output } = applyFix(input, 'sysctls', { level: 'baseline' });
  assert.equal(fix.title, 'Remove sysctl kernel.msgmax');
  assert.equal(output, input.replace('    - name: kernel.msgmax\n      value: "65536"\n', ''));
  const alone = input.replace('    - name: kernel.shm_rmid_forced\n      value: "1"\n', '');
  assert.equal(applyFix(alone, 'sysctls', { level: 'baseline' }).output, alone.replace('  securityContext:\n    sysctls:\n    - name: kernel.msgmax\n      value: "65536"\n', ''));
});

test('seLinuxOptions: user is removed, a forbidden type becomes container_t, level is kept', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      securityContext:
        seLinuxOptions:
          level: "s0:c123,c456"
          type: spc_t
          user: system_u
`;
  const type = applyFix(input, 'seLinuxOptions', { level: 'baseline', index: 0 });
  assert.equal(type.fix.title, 'Set seLinuxOptions.type: container_t');
  assert.equal(type.output, input.replace('type: spc_t', 'type: container_t'));
  const user = applyFix(input, 'seLinuxOptions', { level: 'baseline', index: 1 });
  assert.equal(user.fix.title, 'Remove seLinuxOptions.user');
  assert.equal(user.output, input.replace('          user: system_u\n', ''));
});

test('appArmorProfile: field type and annotation value', () => {
  const input = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: 'unconfined'
    spec:
      securityContext:
        appArmorProfile:
          type: Unconfined
      containers:
        - name: app
`;
  const field = applyFix(input, 'appArmorProfile', { level: 'baseline', index: 1 });
  assert.equal(field.fix.title, 'Set appArmorProfile.type: RuntimeDefault');
  assert.equal(field.output, input.replace('type: Unconfined', 'type: RuntimeDefault'));
  const annotation = applyFix(input, 'appArmorProfile', { level: 'baseline', index: 0 });
  assert.equal(annotation.fix.title, 'Set the AppArmor annotation to runtime/default');
  assert.equal(annotation.output, input.replace("'unconfined'", "'runtime/default'"));
});

test('hostPathVolumes / restrictedVolumes: the source is replaced by emptyDir: {}, not preferred', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
  volumes:
    - name: logs
      hostPath:
        path: /var/log   # node logs
        type: Directory
    - name: cache
      nfs: {server: nfs.local, path: /cache}
`;
  const baseline = applyFix(input, 'hostPathVolumes', { level: 'baseline' });
  assert.equal(baseline.fix.isPreferred, false);
  assert.equal(baseline.fix.title, 'Replace hostPath volume "logs" with emptyDir: {} (the pod no longer sees that storage)');
  assert.equal(baseline.output, input.replace('hostPath:\n        path: /var/log   # node logs\n        type: Directory', 'emptyDir: {}'));
  assert.equal(applyFix(input, 'restrictedVolumes', { index: 1 }).output, input.replace('nfs: {server: nfs.local, path: /cache}', 'emptyDir: {}'));
});

test('volumes: a source first on the dash line is replaced in place', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
  volumes:
  - hostPath: {path: /data}
    name: data
`;
  assert.equal(applyFix(input, 'restrictedVolumes').output, input.replace('hostPath: {path: /data}', 'emptyDir: {}'));
});

test('fixes never offered for a finding reached through an alias or a merged alias', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - &base
      name: a
      securityContext: &sc
        allowPrivilegeEscalation: false
        privileged: true
    - name: b
      securityContext: *sc
    - <<: *base
      name: c
`;
  assert.equal(offered(input, 'privileged', { level: 'baseline', index: 1 }).fixes.length, 0, 'alias');
  assert.equal(offered(input, 'privileged', { level: 'baseline', index: 2 }).fixes.length, 0, 'merge key');
  // Container c's securityContext comes from the merged alias: adding a key there would override all of it.
  assert.equal(offered(input, 'capabilities_restricted', { index: 2 }).fixes.length, 0);
  // Container a's own map is anchored (others share it): inserting into it is refused too.
  assert.equal(offered(input, 'capabilities_restricted', { index: 0 }).fixes.length, 0);
});

test('a value merged from an inline map is written in place and is edited there', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - <<: {securityContext: {privileged: true}}
      name: c
`;
  assert.equal(applyFix(input, 'privileged', { level: 'baseline' }).output, input.replace('{privileged: true}', '{privileged: false}'));
});

test('a duplicated key makes the place ambiguous: no fix', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      securityContext:
        runAsUser: 10
      securityContext:
        runAsUser: 20
`;
  assert.deepEqual(offered(input, 'allowPrivilegeEscalation').fixes, []);
});

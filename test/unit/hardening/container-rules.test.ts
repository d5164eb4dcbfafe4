import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeOf } from '../../helpers';
import { harden } from './helpers';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx
          securityContext:
            readOnlyRootFilesystem: false
        - name: side
          image: registry.example.com/side:1.2@sha256:abc
          imagePullPolicy: IfNotPresent
          securityContext:
            readOnlyRootFilesystem: true
          resources:
            limits: {memory: 128Mi, cpu: 100m}
        - name: tagged
          image: registry.example.com:5000/tools/tagged:2.0
          resources:
            requests: {cpu: 10m, memory: 64Mi}
      ephemeralContainers:
        - name: debug
          image: busybox:latest
`;

test('readOnlyRootFilesystem: false value or missing field, init/regular containers only', () => {
  assert.deepEqual(harden(DEPLOY, {}, {}, 'readOnlyRootFilesystem'), [
    ['readOnlyRootFilesystem', rangeOf(DEPLOY, 'false'), 'container "app" should set securityContext.readOnlyRootFilesystem=true', 'warning'],
    ['readOnlyRootFilesystem', rangeOf(DEPLOY, 'tagged', 0), 'container "tagged" should set securityContext.readOnlyRootFilesystem=true', 'warning'],
  ]);
});

test('readOnlyRootFilesystem: Windows pods are skipped', () => {
  const win = DEPLOY.replace('    spec:\n      containers:', '    spec:\n      os: {name: windows}\n      containers:');
  assert.deepEqual(harden(win, {}, {}, 'readOnlyRootFilesystem'), []);
});

test('resources: memory limit, memory request, cpu request; requests default to limits', () => {
  assert.deepEqual(harden(DEPLOY, {}, {}, 'resources'), [
    ['resources', rangeOf(DEPLOY, 'app', 1), 'container "app" should set resources.limits.memory, resources.requests.memory, resources.requests.cpu', 'warning'],
    ['resources', rangeOf(DEPLOY, 'resources', 1), 'container "tagged" should set resources.limits.memory', 'warning'],
  ]);
});

test('resources: CPU limits only when required by the setting', () => {
  const f = harden(DEPLOY, {}, { settings: { requireCpuLimits: true } }, 'resources');
  assert.deepEqual(f.map((x) => x[2]), [
    'container "app" should set resources.limits.memory, resources.requests.memory, resources.requests.cpu, resources.limits.cpu',
    'container "tagged" should set resources.limits.memory, resources.limits.cpu',
  ]);
});

test('imageTag: no tag and latest are flagged (a registry port is not a tag); digests pass', () => {
  assert.deepEqual(harden(DEPLOY, {}, {}, 'imageTag'), [
    ['imageTag', rangeOf(DEPLOY, 'nginx'), 'container "app" uses image "nginx" without a tag, which means "latest"', 'warning'],
    ['imageTag', rangeOf(DEPLOY, 'busybox:latest'), 'container "debug" uses image "busybox:latest" with the mutable tag "latest"', 'warning'],
  ]);
  const digests = harden(DEPLOY, {}, { settings: { requireImageDigest: true } }, 'imageTag');
  assert.deepEqual(digests.map((x) => x[2]).filter((m) => m.includes('digest')), ['container "tagged" uses image "registry.example.com:5000/tools/tagged:2.0" without a digest (@sha256:…)']);
});

test('imagePullPolicy: a mutable tag whose effective policy is not Always (defaults as the API server sets them)', () => {
  assert.deepEqual(harden(DEPLOY, {}, {}, 'imagePullPolicy'), [
    ['imagePullPolicy', rangeOf(DEPLOY, 'registry.example.com:5000/tools/tagged:2.0'), 'container "tagged" uses the mutable tag "2.0" with imagePullPolicy IfNotPresent (the default); set imagePullPolicy: Always or pin a digest', 'info'],
  ]);
  const explicit = DEPLOY.replace('image: nginx\n', 'image: nginx\n          imagePullPolicy: Never\n');
  assert.deepEqual(harden(explicit, {}, {}, 'imagePullPolicy')[0].slice(1, 3), [rangeOf(explicit, 'Never'), 'container "app" uses the mutable tag "latest" with imagePullPolicy Never; set imagePullPolicy: Always or pin a digest']);
});

test('automountServiceAccountToken: unless the pod or its ServiceAccount in another file disables it', () => {
  assert.deepEqual(harden(DEPLOY, {}, {}, 'automountServiceAccountToken'), [
    ['automountServiceAccountToken', rangeOf(DEPLOY, 'spec', 1), 'pod should set automountServiceAccountToken=false (service account "default" is not among the inputs)', 'info'],
  ]);
  const sa = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\nautomountServiceAccountToken: false\n';
  assert.deepEqual(harden(DEPLOY, { 'sa.yaml': sa }, {}, 'automountServiceAccountToken'), []);
  const otherNs = sa.replace('{name: default}', '{name: default, namespace: other}');
  assert.equal(harden(DEPLOY, { 'sa.yaml': otherNs }, {}, 'automountServiceAccountToken').length, 1);
  const podTrue = DEPLOY.replace('    spec:\n      containers:', '    spec:\n      serviceAccountName: builder\n      automountServiceAccountToken: true\n      containers:');
  assert.deepEqual(harden(podTrue, { 'sa.yaml': sa }, {}, 'automountServiceAccountToken').map((x) => x.slice(1, 3)), [
    [rangeOf(podTrue, 'true'), 'pod mounts the API token of service account "builder" (automountServiceAccountToken=true)'],
  ]);
});

test('hardening rules ignore non-Kubernetes YAML', () => {
  assert.deepEqual(harden('services:\n  web:\n    image: nginx\n    privileged: true\n'), []);
});

/**
 * imagePullPolicy (preferred: `Always`, replaced or inserted after `image`) and automountServiceAccountToken (not
 * preferred: `false` in the pod spec, after `serviceAccountName` when there is one), in every layout, flow and JSON.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyHardeningFix, layout, LAYOUTS, offeredFor } from './hardening-helpers';

const POD = `apiVersion: v1
kind: Pod
metadata:
Mname: p   # keep
spec:
MserviceAccountName: api
Mcontainers:
MS- name: app
MS_image: registry.example.com/app:1.4   # pinned
MS_ports:
MS_S- containerPort: 8080
MS- name: side
MS_image: "envoy:1.30"
MS_imagePullPolicy: "IfNotPresent"
MnodeName: n1
`;

for (const l of LAYOUTS) {
  test(`imagePullPolicy: Always is inserted on the line after image (${l.label})`, () => {
    const { fix, output } = applyHardeningFix(layout(POD, l), 'imagePullPolicy', { index: 0 });
    assert.equal(fix.title, 'Set imagePullPolicy: Always');
    assert.equal(fix.isPreferred, true);
    assert.equal(output, layout(POD.replace('MS_image: registry.example.com/app:1.4   # pinned\n', 'MS_image: registry.example.com/app:1.4   # pinned\nMS_imagePullPolicy: Always\n'), l));
  });
  test(`imagePullPolicy: an explicit IfNotPresent is replaced, keeping its quotes (${l.label})`, () => {
    const { output } = applyHardeningFix(layout(POD, l), 'imagePullPolicy', { index: 1 });
    assert.equal(output, layout(POD.replace('"IfNotPresent"', '"Always"'), l));
  });
  test(`automountServiceAccountToken: false is inserted after serviceAccountName (${l.label})`, () => {
    const { fix, output } = applyHardeningFix(layout(POD, l), 'automountServiceAccountToken');
    assert.equal(fix.title, 'Set automountServiceAccountToken: false (breaks workloads that call the Kubernetes API)');
    assert.equal(fix.isPreferred, false);
    assert.equal(output, layout(POD.replace('MserviceAccountName: api\n', 'MserviceAccountName: api\nMautomountServiceAccountToken: false\n'), l));
  });
}

test('imagePullPolicy in flow style: after image inside the flow map; an empty value is filled', () => {
  const input = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - {name: a, image: "app:1.4", ports: [{containerPort: 80}]}
    - name: b
      image: app:1.4
      imagePullPolicy:
`;
  assert.equal(applyHardeningFix(input, 'imagePullPolicy', { index: 0 }).output, input.replace('image: "app:1.4", ports', 'image: "app:1.4", imagePullPolicy: Always, ports'));
  assert.equal(applyHardeningFix(input, 'imagePullPolicy', { index: 1 }).output, input.replace('imagePullPolicy:\n', 'imagePullPolicy: Always\n'));
});

const JSON_POD = `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "p"},
  "spec": {
    "automountServiceAccountToken": true,
    "containers": [
      {
        "name": "app",
        "image": "app:1.4",
        "command": ["serve"]
      }
    ]
  }
}
`;

test('JSON: imagePullPolicy on its own line after image; automountServiceAccountToken flipped', () => {
  const pull = applyHardeningFix(JSON_POD, 'imagePullPolicy').output;
  assert.equal(pull, JSON_POD.replace('"image": "app:1.4",\n', '"image": "app:1.4",\n        "imagePullPolicy": "Always",\n'));
  assert.doesNotThrow(() => JSON.parse(pull));
  assert.equal(applyHardeningFix(JSON_POD, 'automountServiceAccountToken').output, JSON_POD.replace('"automountServiceAccountToken": true', '"automountServiceAccountToken": false'));
});

test('automountServiceAccountToken: true is flipped; without serviceAccountName it goes after the pod spec\'s last key', () => {
  const input = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: job
              image: job@sha256:${'a'.repeat(64)}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  automountServiceAccountToken: yes
  containers: [{name: app, image: "app@sha256:${'b'.repeat(64)}"}]
`;
  const cron = applyHardeningFix(input, 'automountServiceAccountToken', { index: 0 }).output;
  assert.equal(cron, input.replace(`${'a'.repeat(64)}\n`, `${'a'.repeat(64)}\n          automountServiceAccountToken: false\n`));
  assert.equal(applyHardeningFix(input, 'automountServiceAccountToken', { index: 1 }).output, input.replace('automountServiceAccountToken: yes', 'automountServiceAccountToken: false'));
});

test('refused: a pull policy from a merge key, a pod spec from an alias', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - &base {name: a, image: "app:1.4", imagePullPolicy: IfNotPresent}
    - <<: *base
      name: b
---
apiVersion: v1
kind: Pod
metadata:
  name: q
spec: &spec
  containers: [{name: app, image: "app@sha256:${'c'.repeat(64)}"}]
`;
  assert.deepEqual(offeredFor(input, 'imagePullPolicy', { index: 1 }).fixes, []);
  assert.deepEqual(offeredFor(input, 'automountServiceAccountToken', { index: 1 }).fixes, []);
});

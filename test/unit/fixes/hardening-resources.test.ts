/**
 * resources fix: a `resources` block with default values, merged into what exists; configurable defaults; a CPU
 * limit only when requireCpuLimits asks for one; never a limit below a request.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RESOURCE_DEFAULTS } from '../../../server/src/engine';
import { missingFields } from '../../../server/src/engine/fixes/rules/resources';
import { isQuantity, quantityValue } from '../../../server/src/engine/fixes/rules/quantity';
import { applyHardeningFix, layout, LAYOUTS, lint, offeredFor } from './hardening-helpers';

const RULE = 'resources';
const FULL_TITLE = 'Add resources with default values (requests.cpu: 100m, requests.memory: 128Mi, limits.memory: 256Mi)';

const BARE = `apiVersion: apps/v1
kind: Deployment
metadata:
Mname: api
spec:
Mtemplate:
MMspec:
MMMcontainers:
MMMS- name: api   # main
MMMS_image: api:1.4
MMMS_ports:
MMMS_S- containerPort: 8080
`;

for (const l of LAYOUTS) {
  test(`a whole resources block after the container's last key (${l.label})`, () => {
    const { fix, output } = applyHardeningFix(layout(BARE, l), RULE);
    assert.equal(fix.title, FULL_TITLE);
    assert.equal(fix.isPreferred, false);
    assert.equal(output, layout(`${BARE}MMMS_resources:
MMMS_Mrequests:
MMMS_MMcpu: 100m
MMMS_MMmemory: 128Mi
MMMS_Mlimits:
MMMS_MMmemory: 256Mi
`, l));
  });
}

test('`resources: {}` (as kubectl writes it) becomes a block; a comment after it stays on its line', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: app:1
      resources: {}   # size me
      terminationMessagePolicy: File
`;
  assert.equal(applyHardeningFix(input, RULE).output, `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: app:1
      resources:   # size me
        requests:
          cpu: 100m
          memory: 128Mi
        limits:
          memory: 256Mi
      terminationMessagePolicy: File
`);
});

test('merged into a partial resources: only what is missing, in the existing sections, new sections after them', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: app:1
      resources:
        requests:
          memory: 64Mi
    - name: b
      image: app:1
      resources:
        limits: {memory: 1Gi}
        requests: {}
`;
  const a = applyHardeningFix(input, RULE, { index: 0 });
  assert.equal(a.fix.title, 'Add resources with default values (requests.cpu: 100m, limits.memory: 256Mi)');
  assert.equal(a.output, input.replace(`          memory: 64Mi
`, `          memory: 64Mi
          cpu: 100m
        limits:
          memory: 256Mi
`));
  const b = applyHardeningFix(input, RULE, { index: 1 });
  assert.equal(b.fix.title, 'Add resources with default values (requests.cpu: 100m)');
  assert.equal(b.output, input.replace('        requests: {}\n', '        requests:\n          cpu: 100m\n'));
});

test('a limit is never written below an existing request, nor a request above an existing limit', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: big
      image: app:1
      resources:
        requests: {cpu: 2, memory: 1Gi}
    - name: small
      image: app:1
      resources:
        limits: {cpu: 50m, memory: 512Mi}
`;
  const big = applyHardeningFix(input, RULE, { index: 0, settings: { requireCpuLimits: true } });
  assert.equal(big.fix.title, 'Add resources with default values (limits.cpu: 2, limits.memory: 1Gi)');
  assert.equal(big.output, input.replace('        requests: {cpu: 2, memory: 1Gi}\n', '        requests: {cpu: 2, memory: 1Gi}\n        limits:\n          cpu: 2\n          memory: 1Gi\n'));
  // With a CPU limit and no request the API defaults the request to the limit: nothing is missing.
  assert.equal(lint(input, { requireCpuLimits: true }).filter((f) => f.ruleId === RULE).length, 1);
  const custom = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: c
      image: app:1
      resources:
        limits: {memory: 64Mi}
`;
  // limits.memory present, requests.memory defaults to it: only requests.cpu is missing.
  assert.equal(applyHardeningFix(custom, RULE).fix.title, 'Add resources with default values (requests.cpu: 100m)');
});

test('requireCpuLimits: the CPU limit is added too, and the request is capped by a small configured limit', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: app:1
`;
  const { fix, output } = applyHardeningFix(input, RULE, { settings: { requireCpuLimits: true }, resourceDefaults: { cpuLimit: '50m' } });
  assert.equal(fix.title, 'Add resources with default values (requests.cpu: 50m, requests.memory: 128Mi, limits.cpu: 50m, limits.memory: 256Mi)');
  assert.equal(output, `${input}    resources:
      requests:
        cpu: 50m
        memory: 128Mi
      limits:
        cpu: 50m
        memory: 256Mi
`);
});

test('configured defaults are used; a value that is not a quantity falls back to the built-in default', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers: [{name: app, image: "app:1"}]
`;
  const { output } = applyHardeningFix(input, RULE, { resourceDefaults: { cpuRequest: '250m', memoryRequest: 'lots', memoryLimit: '1Gi' } });
  assert.equal(output, input.replace('image: "app:1"}', 'image: "app:1", resources: {requests: {cpu: 250m, memory: 128Mi}, limits: {memory: 1Gi}}}'));
  assert.deepEqual(DEFAULT_RESOURCE_DEFAULTS, { cpuRequest: '100m', memoryRequest: '128Mi', memoryLimit: '256Mi', cpuLimit: '500m' });
});

test('JSON: the resources object in pretty JSON', () => {
  const input = `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "p"},
  "spec": {
    "containers": [
      {
        "name": "app",
        "image": "app:1",
        "resources": {}
      }
    ]
  }
}
`;
  const { output } = applyHardeningFix(input, RULE);
  assert.equal(output, input.replace('"resources": {}', `"resources": {
          "requests": {
            "cpu": "100m",
            "memory": "128Mi"
          },
          "limits": {
            "memory": "256Mi"
          }
        }`));
  assert.doesNotThrow(() => JSON.parse(output));
});

test('refused: resources from a merge key, an anchored resources map', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: app:1
      resources: &r
        requests: {cpu: 100m}
    - name: b
      image: app:1
      <<: {resources: *r}
`;
  assert.deepEqual(offeredFor(input, RULE, { index: 0 }).fixes, []);
  assert.deepEqual(offeredFor(input, RULE, { index: 1 }).fixes, []);
});

test('the missing fields are read from the rule\'s message, whatever the settings', () => {
  const messages = lint(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
`, { requireCpuLimits: true }).filter((f) => f.ruleId === RULE).map((f) => f.message);
  assert.equal(messages.length, 1);
  assert.deepEqual([...missingFields(messages[0])], ['limits.memory', 'requests.memory', 'requests.cpu', 'limits.cpu']);
  assert.deepEqual([...missingFields('container "x" should set something else')], []);
});

test('quantities', () => {
  for (const q of ['100m', '128Mi', '1', '0.5', '1e3', '2Gi', '.5']) assert.ok(isQuantity(q), q);
  for (const q of ['', 'lots', '1 Gi', '1mi', '{{ .Values.cpu }}', 'Mi']) assert.ok(!isQuantity(q), q);
  assert.equal(quantityValue('500m'), 0.5);
  assert.equal(quantityValue('1Ki'), 1024);
  assert.equal(quantityValue('1e3'), 1000);
  assert.ok(quantityValue('1Gi')! > quantityValue('1G')!);
});

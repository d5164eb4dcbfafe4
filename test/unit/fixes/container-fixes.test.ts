/** Golden tests for the container-level fixes: input, the fix's title, and the exact output. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, offered } from './fix-helpers';

const POD = (containers: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
${containers}`;

test('privileged: true becomes false, keeping the trailing comment', () => {
  const input = POD(`    - name: app
      image: nginx
      securityContext:
        privileged: true   # needed?
`);
  const { fix, output } = applyFix(input, 'privileged', { level: 'baseline' });
  assert.equal(fix.title, 'Set privileged: false');
  assert.equal(fix.isPreferred, true);
  assert.equal(output, input.replace('privileged: true   # needed?', 'privileged: false   # needed?'));
});

test('privileged: a YAML 1.1 `yes` and a flow map are edited in place', () => {
  const input = POD(`    - name: app
      securityContext: {privileged: yes, runAsUser: 10}
`);
  assert.equal(applyFix(input, 'privileged', { level: 'baseline' }).output, input.replace('privileged: yes', 'privileged: false'));
});

test('allowPrivilegeEscalation: inserted after the last key of an existing securityContext', () => {
  const input = POD(`    - name: app
      image: nginx
      securityContext:
        runAsUser: 1000
        # keep this comment
        readOnlyRootFilesystem: true
      resources: {}
`);
  const expected = POD(`    - name: app
      image: nginx
      securityContext:
        runAsUser: 1000
        # keep this comment
        readOnlyRootFilesystem: true
        allowPrivilegeEscalation: false
      resources: {}
`);
  const { fix, output } = applyFix(input, 'allowPrivilegeEscalation');
  assert.equal(fix.title, 'Set allowPrivilegeEscalation: false');
  assert.equal(output, expected);
});

test('allowPrivilegeEscalation: creates securityContext after the container\'s last key (4 spaces, non-indented lists)', () => {
  const input = `apiVersion: apps/v1
kind: Deployment
metadata:
    name: web
spec:
    template:
        spec:
            containers:
            -   name: app
                image: nginx
                ports:
                -   containerPort: 80
`;
  const expected = `${input}                securityContext:
                    allowPrivilegeEscalation: false
`;
  assert.equal(applyFix(input, 'allowPrivilegeEscalation').output, expected);
});

test('allowPrivilegeEscalation: an explicit true is flipped, an empty value is filled', () => {
  const input = POD(`    - name: a
      securityContext:
        allowPrivilegeEscalation: true
    - name: b
      securityContext:
        allowPrivilegeEscalation:
`);
  assert.equal(applyFix(input, 'allowPrivilegeEscalation', { index: 0 }).output, input.replace('allowPrivilegeEscalation: true', 'allowPrivilegeEscalation: false'));
  assert.equal(applyFix(input, 'allowPrivilegeEscalation', { index: 1 }).output, input.replace('allowPrivilegeEscalation:\n', 'allowPrivilegeEscalation: false\n'));
});

test('capabilities_restricted: ALL is appended to an existing block list with its dash column and quoting', () => {
  const input = POD(`    - name: app
      securityContext:
        capabilities:
          drop:
          - "NET_RAW"
`);
  const { fix, output } = applyFix(input, 'capabilities_restricted');
  assert.equal(fix.title, 'Add ALL to capabilities.drop');
  assert.equal(output, input.replace('          - "NET_RAW"\n', '          - "NET_RAW"\n          - "ALL"\n'));
});

test('capabilities_restricted: ALL is appended to a flow list, and an empty flow list gets it', () => {
  const input = POD(`    - name: a
      securityContext: {capabilities: {drop: [NET_RAW]}}
    - name: b
      securityContext: {capabilities: {drop: []}}
`);
  assert.equal(applyFix(input, 'capabilities_restricted', { index: 0 }).output, input.replace('[NET_RAW]', '[NET_RAW, ALL]'));
  assert.equal(applyFix(input, 'capabilities_restricted', { index: 1 }).output, input.replace('[]', '[ALL]'));
});

test('capabilities_restricted: creates capabilities.drop inside an existing securityContext', () => {
  const input = POD(`    - name: app
      securityContext:
        runAsUser: 1000
`);
  const { fix, output } = applyFix(input, 'capabilities_restricted');
  assert.equal(fix.title, 'Add capabilities.drop: [ALL]');
  assert.equal(output, `${input}        capabilities:
          drop:
            - ALL
`);
});

test('capabilities_restricted: next to flow lists the new list is a flow list, quoted like them', () => {
  const input = POD(`    - name: app
      args: ["--port", "8080"]
      securityContext:
        capabilities:
          add: ["NET_BIND_SERVICE"]
`);
  assert.equal(applyFix(input, 'capabilities_restricted').output, `${input}          drop: ["ALL"]
`);
  // An empty `drop:` is filled the same way.
  const empty = input.replace('add: ["NET_BIND_SERVICE"]\n', 'add: [\'NET_BIND_SERVICE\']\n          drop:\n').replace('["--port", "8080"]', "['--port', '8080']");
  assert.equal(applyFix(empty, 'capabilities_restricted').output, empty.replace('drop:\n', "drop: ['ALL']\n"));
});

test('capabilities_restricted: where block lists are as common as flow lists, the new list is a block list', () => {
  const input = POD(`    - name: app
      args:
        - --port
      securityContext:
        capabilities:
          add: [NET_BIND_SERVICE]
`);
  assert.equal(applyFix(input, 'capabilities_restricted').output, `${input}          drop:
            - ALL
`);
});

test('capabilities_restricted: creates the whole path on a container without securityContext', () => {
  const input = POD(`  - name: app
    image: nginx
`);
  assert.equal(applyFix(input, 'capabilities_restricted').output, `${input}    securityContext:
      capabilities:
        drop:
        - ALL
`);
});

test('capabilities_restricted: a forbidden added capability is removed; the last one takes `add` with it', () => {
  const input = POD(`    - name: app
      securityContext:
        capabilities:
          add:
            - NET_BIND_SERVICE
            - SYS_ADMIN   # why
          drop: [ALL]
`);
  const { fix, output } = applyFix(input, 'capabilities_restricted');
  assert.equal(fix.title, 'Remove "SYS_ADMIN" from capabilities.add');
  assert.equal(output, input.replace('            - SYS_ADMIN   # why\n', ''));
  const only = input.replace('            - NET_BIND_SERVICE\n', '');
  assert.equal(applyFix(only, 'capabilities_restricted').output, only.replace('          add:\n            - SYS_ADMIN   # why\n', ''));
});

test('capabilities_baseline: removes the non-default capability from a flow list', () => {
  const input = POD(`    - name: app
      securityContext:
        capabilities:
          add: [CHOWN, NET_RAW, SYS_TIME]
`);
  assert.equal(applyFix(input, 'capabilities_baseline', { level: 'baseline', index: 0 }).output, input.replace('[CHOWN, NET_RAW, SYS_TIME]', '[CHOWN, SYS_TIME]'));
  assert.equal(applyFix(input, 'capabilities_baseline', { level: 'baseline', index: 1 }).output, input.replace('[CHOWN, NET_RAW, SYS_TIME]', '[CHOWN, NET_RAW]'));
});

test('capabilities_baseline: removing the only entry removes capabilities when nothing else is in it', () => {
  const input = POD(`    - name: app
      securityContext:
        runAsUser: 5
        capabilities:
          add: ["NET_ADMIN"]
`);
  assert.equal(applyFix(input, 'capabilities_baseline', { level: 'baseline' }).output, input.replace('        capabilities:\n          add: ["NET_ADMIN"]\n', ''));
});

test('procMount: Unmasked becomes Default (restricted and baseline)', () => {
  const input = POD(`    - name: app
      securityContext:
        procMount: "Unmasked"
`);
  const expected = input.replace('"Unmasked"', '"Default"');
  const { fix, output } = applyFix(input, 'procMount', { level: 'baseline' });
  assert.equal(fix.title, 'Set procMount: Default');
  assert.equal(output, expected);
  assert.equal(applyFix(input, 'procMount_restricted').output, expected);
});

test('hostPorts: removes the hostPort entry, or the whole port when it has nothing else', () => {
  const input = POD(`    - name: app
      ports:
        - containerPort: 8080
          hostPort: 8080
        - hostPort: 9090
          containerPort: 9090
          protocol: TCP
        - hostPort: 7070
`);
  const first = applyFix(input, 'hostPorts', { level: 'baseline', index: 0 });
  assert.equal(first.fix.title, 'Remove hostPort: 8080');
  assert.equal(first.output, input.replace('          hostPort: 8080\n', ''));
  assert.equal(applyFix(input, 'hostPorts', { level: 'baseline', index: 1 }).output, input.replace('- hostPort: 9090\n          containerPort: 9090', '- containerPort: 9090'));
  assert.equal(applyFix(input, 'hostPorts', { level: 'baseline', index: 2 }).output, input.replace('        - hostPort: 7070\n', ''));
});

test('hostPorts: no fix for a port that only has a hostPort because hostNetwork defaults it', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  containers:
    - name: app
      ports:
        - containerPort: 80
`;
  assert.deepEqual(offered(input, 'hostPorts', { level: 'baseline' }).fixes, []);
});

test('hostProbesAndHostLifecycle: removes the host of a probe and of a lifecycle handler', () => {
  const input = POD(`    - name: app
      livenessProbe:
        httpGet:
          host: 10.0.0.1
          path: /healthz
          port: 8080
      lifecycle:
        preStop:
          tcpSocket: {port: 80, host: localhost}
`);
  const probe = applyFix(input, 'hostProbesAndHostLifecycle', { level: 'baseline', index: 0 });
  assert.equal(probe.fix.title, 'Remove host "10.0.0.1" (the check then targets the pod IP)');
  assert.equal(probe.output, input.replace('          host: 10.0.0.1\n', ''));
  assert.equal(applyFix(input, 'hostProbesAndHostLifecycle', { level: 'baseline', index: 1 }).output, input.replace('{port: 80, host: localhost}', '{port: 80}'));
});

test('windowsHostProcess: hostProcess true becomes false on the container', () => {
  const input = POD(`    - name: app
      securityContext:
        windowsOptions:
          hostProcess: true
`);
  const { fix, output } = applyFix(input, 'windowsHostProcess', { level: 'baseline' });
  assert.equal(fix.title, 'Set windowsOptions.hostProcess: false');
  assert.equal(output, input.replace('hostProcess: true', 'hostProcess: false'));
});

test('init and ephemeral containers are fixed like regular ones', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      securityContext: {privileged: true}
  containers:
    - name: app
  ephemeralContainers:
    - name: debug
      securityContext:
        privileged: true
`;
  assert.equal(applyFix(input, 'privileged', { level: 'baseline', index: 0 }).output, input.replace('{privileged: true}', '{privileged: false}'));
  assert.equal(applyFix(input, 'privileged', { level: 'baseline', index: 1 }).output, input.replace('        privileged: true\n', '        privileged: false\n'));
  const ape = applyFix(input, 'allowPrivilegeEscalation', { index: 2 }).output;
  assert.equal(ape, input.replace('        privileged: true\n', '        privileged: true\n        allowPrivilegeEscalation: false\n'));
});

/** The same fixes across the ways a manifest can be written: JSON, CRLF, multi-document, flow, 2 and 4 spaces. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, crlf } from './fix-helpers';

const JSON_POD = `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "p"},
  "spec": {
    "containers": [
      {
        "name": "app",
        "image": "nginx",
        "securityContext": {
          "privileged": true
        }
      },
      {"name": "side", "image": "busybox"}
    ]
  }
}
`;

test('JSON: a scalar is replaced, and a key is added with quotes and a comma on its own line', () => {
  assert.equal(applyFix(JSON_POD, 'privileged', { level: 'baseline' }).output, JSON_POD.replace('"privileged": true', '"privileged": false'));
  assert.equal(applyFix(JSON_POD, 'allowPrivilegeEscalation', { index: 0 }).output, JSON_POD.replace('"privileged": true\n', '"privileged": true,\n          "allowPrivilegeEscalation": false\n'));
});

test('JSON: an object on one line gets the new key on that line; the result is still JSON', () => {
  const { output } = applyFix(JSON_POD, 'capabilities_restricted', { index: 1 });
  assert.equal(output, JSON_POD.replace('{"name": "side", "image": "busybox"}', '{"name": "side", "image": "busybox", "securityContext": {"capabilities": {"drop": ["ALL"]}}}'));
  assert.doesNotThrow(() => JSON.parse(output));
});

test('JSON: a new pod-level object is written multi-line, indented like the file', () => {
  const { output } = applyFix(JSON_POD, 'seccompProfile_restricted');
  assert.equal(output, JSON_POD.replace(`      {"name": "side", "image": "busybox"}
    ]
`, `      {"name": "side", "image": "busybox"}
    ],
    "securityContext": {
      "seccompProfile": {
        "type": "RuntimeDefault"
      }
    }
`));
  assert.doesNotThrow(() => JSON.parse(output));
});

test('JSON: removing an item keeps the commas right', () => {
  const input = JSON_POD.replace('"privileged": true', '"capabilities": {"add": ["NET_RAW", "SYS_ADMIN", "CHOWN"], "drop": ["ALL"]}');
  const first = applyFix(input, 'capabilities_restricted', { index: 0 }).output;
  assert.equal(first, input.replace('["NET_RAW", "SYS_ADMIN", "CHOWN"]', '["SYS_ADMIN", "CHOWN"]'));
  const last = applyFix(input, 'capabilities_restricted', { index: 2 }).output;
  assert.equal(last, input.replace('["NET_RAW", "SYS_ADMIN", "CHOWN"]', '["NET_RAW", "SYS_ADMIN"]'));
  assert.doesNotThrow(() => JSON.parse(last));
});

const BLOCK_POD = `apiVersion: v1
kind: Pod
metadata:
  name: p   # the pod
spec:
  containers:
    - name: app
      image: nginx
      securityContext:
        privileged: true
`;

test('CRLF: inserted and removed lines use CRLF and every other byte stays', () => {
  const input = crlf(BLOCK_POD);
  assert.equal(applyFix(input, 'allowPrivilegeEscalation').output, crlf(`${BLOCK_POD}        allowPrivilegeEscalation: false\n`));
  assert.equal(applyFix(input, 'runAsNonRoot').output, crlf(`${BLOCK_POD}  securityContext:\n    runAsNonRoot: true\n`));
  const withHostPort = crlf(`${BLOCK_POD}      ports:\n        - containerPort: 80\n          hostPort: 80\n`);
  assert.equal(applyFix(withHostPort, 'hostPorts', { level: 'baseline' }).output, crlf(`${BLOCK_POD}      ports:\n        - containerPort: 80\n`));
});

test('a file without a final line break gets none added', () => {
  const input = BLOCK_POD.trimEnd();
  assert.equal(applyFix(input, 'allowPrivilegeEscalation').output, `${input}\n        allowPrivilegeEscalation: false`);
});

test('multi-document files: only the finding\'s document changes, in its own indentation', () => {
  const second = `apiVersion: apps/v1
kind: Deployment
metadata:
    name: web
spec:
    template:
        spec:
            containers:
              - name: web
                image: nginx
`;
  const input = `${BLOCK_POD}---\n# second\n${second}`;
  const { output } = applyFix(input, 'allowPrivilegeEscalation', { index: 1 });
  assert.equal(output, `${BLOCK_POD}---\n# second\n${second}                securityContext:\n                    allowPrivilegeEscalation: false\n`);
  assert.equal(applyFix(input, 'runAsNonRoot', { index: 1 }).output, `${BLOCK_POD}---\n# second\n${second}            securityContext:\n                runAsNonRoot: true\n`);
});

test('indented and non-indented sequences: a new list follows the file\'s own style', () => {
  const indented = BLOCK_POD;
  const flat = BLOCK_POD.replace('    - name: app\n      image: nginx\n      securityContext:\n        privileged: true\n', '  - name: app\n    image: nginx\n    securityContext:\n      privileged: true\n');
  assert.equal(applyFix(indented, 'capabilities_restricted').output, `${indented}        capabilities:\n          drop:\n            - ALL\n`);
  assert.equal(applyFix(flat, 'capabilities_restricted').output, `${flat}      capabilities:\n        drop:\n        - ALL\n`);
});

test('a container written as a flow map gets flow syntax', () => {
  const input = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: app, image: nginx}
`;
  assert.equal(applyFix(input, 'allowPrivilegeEscalation').output, input.replace('{name: app, image: nginx}', '{name: app, image: nginx, securityContext: {allowPrivilegeEscalation: false}}'));
  assert.equal(applyFix(input, 'capabilities_restricted').output, input.replace('{name: app, image: nginx}', '{name: app, image: nginx, securityContext: {capabilities: {drop: [ALL]}}}'));
});

test('a multi-line flow map gets the new key on its own line', () => {
  const input = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    securityContext: {
      runAsUser: 10,
      privileged: false
    }
`;
  assert.equal(applyFix(input, 'allowPrivilegeEscalation').output, input.replace('privileged: false\n', 'privileged: false,\n      allowPrivilegeEscalation: false\n'));
});

test('a block scalar as the last value: the new key goes after its content, keeping `|+` trailing lines in it', () => {
  const input = (indicator: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      args:
        - ${indicator}
          echo hi

`;
  const added = '      securityContext:\n        allowPrivilegeEscalation: false\n';
  assert.equal(applyFix(input('|'), 'allowPrivilegeEscalation').output, input('|').replace('echo hi\n', `echo hi\n${added}`));
  assert.equal(applyFix(input('|+'), 'allowPrivilegeEscalation').output, `${input('|+')}${added}`);
});

// `podsec fix` with the hardening rules on (no config file, no --level): only preferred fixes are applied, so the pull policy
// is set and the guesses (read-only root, resources, token automount, default-deny policy) are left as findings.
// Needs the bundled CLI (`npm run build`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLI = path.resolve('dist/cli.js');
let dir: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Restricted-compliant, so only hardening rules report on it. */
const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      serviceAccountName: web
      securityContext:
        runAsNonRoot: true
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: app
          image: nginx:1.25   # pinned
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
`;

before(() => {
  assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-hardening-fix-'));
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('podsec fix applies imagePullPolicy: Always and leaves the non-preferred hardening fixes as findings', () => {
  fs.writeFileSync(path.join(dir, 'web.yaml'), WEB);
  const r = run(['fix', 'web.yaml']);
  assert.equal(r.code, 0);
  assert.equal(fs.readFileSync(path.join(dir, 'web.yaml'), 'utf8'), WEB.replace('# pinned\n', '# pinned\n          imagePullPolicy: Always\n'));
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.split(' ')[2]).sort(), ['automountServiceAccountToken', 'networkPolicyDefaultDeny', 'readOnlyRootFilesystem', 'resources']);
  assert.match(r.stderr, /fixed 1 problem in 1 file; left: 4 problems/);
  const again = run(['fix', 'web.yaml']);
  assert.match(again.stderr, /fixed 0 problems in 0 files/);
});

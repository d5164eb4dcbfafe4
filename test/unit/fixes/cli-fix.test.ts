// `podsec fix` end to end: the bundled command (built by `npm run build`, which `npm test` runs first).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLI = path.resolve('dist/cli.js');
let dir: string;

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BAD = `apiVersion: v1
kind: Pod
metadata:
  name: bad   # keep
spec:
  containers:
    - name: app
      securityContext:
        privileged: true
`;
const FIXED_BASELINE = BAD.replace('privileged: true', 'privileged: false');
const RESTRICTED = `${FIXED_BASELINE}        allowPrivilegeEscalation: false
        capabilities:
          drop:
            - ALL
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
`;
const HOSTPATH = `apiVersion: v1
kind: Pod
metadata:
  name: hp
spec:
  containers:
    - name: app
  volumes:
    - name: v
      hostPath: {path: /}
`;

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

before(() => {
  assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-fix-'));
  // Only the Pod Security checks: the hardening families would add findings that no fix is about.
  fs.writeFileSync(path.join(dir, '.podsec.yaml'), 'categories:\n  hardening: off\n  network: off\n  rbac: off\n');
});

test('--dry-run prints a unified diff and writes nothing', () => {
  write('dry.yaml', BAD);
  const r = run(['fix', '--dry-run', '--level', 'baseline', 'dry.yaml']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, `--- a/dry.yaml
+++ b/dry.yaml
@@ -6,4 +6,4 @@
   containers:
     - name: app
       securityContext:
-        privileged: true
+        privileged: false
`);
  assert.match(r.stderr, /would fix 1 problem in 1 file; left: 0 problems/);
  assert.equal(fs.readFileSync(path.join(dir, 'dry.yaml'), 'utf8'), BAD);
});

test('in place: the file is fixed, comments kept; exit 0 when no error is left', () => {
  const file = write('inplace.yaml', BAD);
  const r = run(['fix', '--level', 'baseline', 'inplace.yaml']);
  assert.equal(r.code, 0);
  assert.equal(fs.readFileSync(file, 'utf8'), FIXED_BASELINE);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /fixed 1 problem in 1 file/);
});

test('in place at restricted: every preferred fix, and a second run changes nothing', () => {
  const file = write('restricted.yaml', BAD);
  assert.equal(run(['fix', '--level', 'restricted', 'restricted.yaml']).code, 0);
  const once = fs.readFileSync(file, 'utf8');
  assert.equal(once, RESTRICTED);
  const again = run(['fix', '--level', 'restricted', 'restricted.yaml']);
  assert.equal(again.code, 0);
  assert.match(again.stderr, /fixed 0 problems in 0 files/);
  assert.equal(fs.readFileSync(file, 'utf8'), once);
  assert.equal(run(['check', '--level', 'restricted', 'restricted.yaml']).code, 0);
});

test('exit 1 when error findings remain (a hostPath volume has no preferred fix); they are listed', () => {
  const file = write('hostpath.yaml', HOSTPATH);
  const r = run(['fix', '--level', 'baseline', 'hostpath.yaml']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, 'hostpath.yaml:10:7: error hostPathVolumes hostPath volumes (volume "v")\n');
  assert.equal(fs.readFileSync(file, 'utf8'), HOSTPATH);
});

test('CRLF files stay CRLF; a UTF-8 byte order mark is kept', () => {
  const crlf = BAD.replace(/\n/g, '\r\n');
  const file = path.join(dir, 'crlf.yaml');
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]));
  assert.equal(run(['fix', '--level', 'baseline', 'crlf.yaml']).code, 0);
  const bytes = fs.readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(bytes.subarray(3).toString('utf8'), FIXED_BASELINE.replace(/\n/g, '\r\n'));
});

test('folders are walked; "-" fixes standard input to standard output', () => {
  fs.mkdirSync(path.join(dir, 'tree/sub'), { recursive: true });
  write('tree/a.yaml', BAD);
  write('tree/sub/b.yml', BAD);
  const r = run(['fix', '--level', 'baseline', 'tree']);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /fixed 2 problems in 2 files/);
  assert.equal(fs.readFileSync(path.join(dir, 'tree/sub/b.yml'), 'utf8'), FIXED_BASELINE);
  const stdin = run(['fix', '--level', 'baseline', '-'], BAD);
  assert.equal(stdin.code, 0);
  assert.equal(stdin.stdout, FIXED_BASELINE);
});

test('usage errors and unreadable input exit 2', () => {
  const missing = run(['fix', 'nope.yaml']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.yaml: no such file or directory/);
  const bad = run(['fix', '--format', 'json', 'x.yaml']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format is an option of podsec check/);
  assert.equal(run(['check', '--dry-run', 'x.yaml']).code, 2);
  assert.equal(run(['fix', '--level', 'strict']).code, 2);
  const broken = write('broken-config.yaml', 'categories: {hardening: maybe}\n');
  assert.equal(run(['fix', '--config', broken, 'dry.yaml']).code, 2);
});

test('--no-config: the configuration file is not used (the hardening checks report again)', () => {
  write('noconfig.yaml', RESTRICTED);
  const withConfig = run(['fix', '--dry-run', 'noconfig.yaml']);
  assert.equal(withConfig.stdout, '');
  assert.match(withConfig.stderr, /would fix 0 problems in 0 files; left: 0 problems/);
  const without = run(['fix', '--dry-run', '--no-config', 'noconfig.yaml']);
  assert.equal(without.stdout, '');
  assert.match(without.stderr, /would fix 0 problems in 0 files; left: [1-9]\d* problems? \(0 errors/);
});

test('the usage text documents podsec fix', () => {
  const r = run(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /podsec fix \[--dry-run\]/);
  assert.match(r.stdout, /--dry-run +print a unified diff/);
});

test('a file named "<stdin>" is a file: fixed in place, its diff named like any other', () => {
  fs.writeFileSync(path.join(dir, '<stdin>'), BAD);
  const diff = run(['fix', '--level', 'baseline', '--dry-run', '<stdin>']);
  assert.match(diff.stdout, /^--- a\/<stdin>\n\+\+\+ b\/<stdin>\n/);
  const r = run(['fix', '--level', 'baseline', '<stdin>']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(fs.readFileSync(path.join(dir, '<stdin>'), 'utf8'), FIXED_BASELINE);
});

// End-to-end: the bundled `podsec` command with `.podsec.yaml` files and suppression comments (needs `npm run build`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLI = path.resolve('dist/cli.js');
let dir: string;

function run(args: string[], cwd = 'proj', input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: path.join(dir, cwd), input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

/**
 * A Pod in namespace `prod` with one baseline problem (hostNetwork) and a restricted one (runAsUser: 0), and
 * nothing the hardening rules report (they are tested in cli-hardening.test.ts): its own default-deny policy follows.
 */
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: prod
spec:
  hostNetwork: true
  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  containers:
    - name: app
      image: nginx:1.25
      securityContext:
        runAsUser: 0
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL]}
        readOnlyRootFilesystem: true
      imagePullPolicy: Always
      resources:
        requests: {cpu: 100m, memory: 64Mi}
        limits: {memory: 64Mi}
  automountServiceAccountToken: false
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: prod
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

const CONFIG = `policy:
  enforce: privileged
  warn: baseline
namespaces:
  prod: {enforce: restricted, enforce-version: v1.30}
rules:
  runAsUser: info
ignore:
  - charts
  - "*.tpl.yaml"
`;

before(() => {
  assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-cli-config-'));
  write('proj/.podsec.yaml', CONFIG);
  write('proj/deploy/web.yaml', POD);
  write('proj/deploy/web.tpl.yaml', POD);
  write('proj/charts/app/web.yaml', POD);
  write('proj/other/web.yaml', POD.replaceAll('namespace: prod', 'namespace: dev'));
  write('proj/suppressed/web.yaml', POD
    .replace('  hostNetwork: true', '  # podsec-disable-next-line hostNamespaces -- needs the node network\n  hostNetwork: true')
    .replace('        runAsUser: 0', '        # podsec-disable-next-line privileged\n        runAsUser: 0'));
  write('proj/strict.podsec.yaml', 'rules:\n  hostNamespaces: warning\n');
  write('proj/broken.podsec.yaml', 'policy:\n  enforce: strict\nrules:\n  privileged: [off\n');
  write('proj/invalid.podsec.yaml', 'policy:\n  enforce: strict\nrulez: {}\n');
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the nearest .podsec.yaml above the checked path applies its namespaces and rule severities', () => {
  const r = run(['check', 'web.yaml'], 'proj/deploy');
  assert.equal(r.stdout, [
    'web.yaml:7:16: error hostNamespaces host namespaces (hostNetwork=true)',
    'web.yaml:15:20: info runAsUser runAsUser=0 (container "app" must not set runAsUser=0)',
    '',
  ].join('\n'));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^2 problems \(1 error, 0 warnings, 1 info, 0 hints\) in 1 file$/m);
});

test('its policy defaults apply to namespaces it does not name', () => {
  // enforce privileged, warn baseline: the hostNetwork problem is only a warning, runAsUser (restricted) is not checked.
  const r = run(['check', 'other']);
  assert.equal(r.stdout, 'other/web.yaml:7:16: warning hostNamespaces host namespaces (hostNetwork=true)\n');
  assert.equal(r.code, 0);
});

test('ignore globs are relative to the config folder, prune folders, and .podsec.yaml itself is not a manifest', () => {
  const r = run(['check', '--format', 'json', '.']);
  const files = [...new Set(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file))].sort();
  assert.deepEqual(files, ['deploy/web.yaml', 'other/web.yaml', 'suppressed/web.yaml'].map((f) => path.join(...f.split('/'))));
  // The same from outside the project folder: the globs still count from the config's folder.
  const outside = run(['check', '--format', 'json', 'proj'], '.');
  const outsideFiles = [...new Set(JSON.parse(outside.stdout).findings.map((f: { file: string }) => f.file))].sort();
  assert.deepEqual(outsideFiles, files.map((f) => path.join('proj', f)));
});

test('an ignored file named on the command line is skipped with a note', () => {
  const r = run(['check', 'charts/app/web.yaml', 'deploy/web.tpl.yaml']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, [
    'podsec: charts/app/web.yaml: skipped, matches an ignore glob of .podsec.yaml',
    'podsec: deploy/web.tpl.yaml: skipped, matches an ignore glob of .podsec.yaml',
    '0 problems (0 errors, 0 warnings, 0 info, 0 hints) in 0 files',
    '',
  ].join('\n'));
});

test('suppression comments are honoured; an unused one is a hint that does not fail the run', () => {
  const r = run(['check', 'suppressed']);
  assert.equal(r.stdout, [
    'suppressed/web.yaml:16:9: hint unusedDirective Unused podsec-disable-next-line directive (no privileged problem on the next line)',
    'suppressed/web.yaml:17:20: info runAsUser runAsUser=0 (container "app" must not set runAsUser=0)',
    '',
  ].join('\n'));
  assert.equal(r.code, 0);
  const json = JSON.parse(run(['check', '--format', 'json', 'suppressed']).stdout);
  assert.deepEqual(json.findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`), ['unusedDirective:hint', 'runAsUser:info']);
});

test('--no-config ignores the file: built-in defaults, nothing ignored', () => {
  const r = run(['check', '--no-config', 'deploy/web.yaml', 'charts']);
  assert.equal(r.stdout, [
    'deploy/web.yaml:7:16: error hostNamespaces host namespaces (hostNetwork=true)',
    'deploy/web.yaml:15:20: warning runAsUser runAsUser=0 (container "app" must not set runAsUser=0)',
    'charts/app/web.yaml:7:16: error hostNamespaces host namespaces (hostNetwork=true)',
    'charts/app/web.yaml:15:20: warning runAsUser runAsUser=0 (container "app" must not set runAsUser=0)',
    '',
  ].join('\n'));
  assert.equal(r.code, 1);
});

test('--config FILE uses that file instead of the nearest one', () => {
  const r = run(['check', '--config', 'strict.podsec.yaml', 'deploy/web.yaml']);
  assert.equal(r.stdout, [
    'deploy/web.yaml:7:16: warning hostNamespaces host namespaces (hostNetwork=true)',
    'deploy/web.yaml:15:20: warning runAsUser runAsUser=0 (container "app" must not set runAsUser=0)',
    '',
  ].join('\n'));
  assert.equal(r.code, 0);
});

test('--level overrides the config policy; rule severities still apply', () => {
  const r = run(['check', '--level', 'restricted', 'other/web.yaml']);
  assert.equal(r.stdout, [
    'other/web.yaml:7:16: error hostNamespaces host namespaces (hostNetwork=true)',
    'other/web.yaml:15:20: info runAsUser runAsUser=0 (container "app" must not set runAsUser=0)',
    '',
  ].join('\n'));
  assert.equal(r.code, 1);
});

test('a broken config file is a usage error naming the file, line and column', () => {
  const broken = run(['check', '--config', 'broken.podsec.yaml', 'deploy']);
  assert.equal(broken.code, 2);
  assert.equal(broken.stdout, '');
  assert.equal(broken.stderr, 'podsec: broken.podsec.yaml:4:18: invalid configuration: Flow sequence in block collection must be sufficiently indented and end with a ]\n');
  const invalid = run(['check', '--config', 'invalid.podsec.yaml', 'deploy']);
  assert.equal(invalid.code, 2);
  assert.equal(invalid.stderr, [
    'podsec: invalid.podsec.yaml:2:12: invalid configuration: policy.enforce must be one of privileged, baseline, restricted (got strict)',
    'podsec: invalid.podsec.yaml:3:1: invalid configuration: Unknown key "rulez" (did you mean "rules"?)',
    '',
  ].join('\n'));
  const missing = run(['check', '--config', 'nope.yaml', 'deploy']);
  assert.deepEqual([missing.code, missing.stderr], [2, 'podsec: nope.yaml: cannot read the configuration file: no such file or directory\n']);
});

test('a broken .podsec.yaml found by lookup is reported with its path; stdin uses the current folder', () => {
  write('broken-proj/.podsec.yaml', 'rules:\n  privileged: loud\n');
  write('broken-proj/a/web.yaml', POD);
  const r = run(['check', 'a/web.yaml'], 'broken-proj');
  assert.deepEqual([r.code, r.stderr], [2, 'podsec: .podsec.yaml:2:15: invalid configuration: rules.privileged must be one of off, info, warning, error (got loud)\n']);
  const stdin = run(['check', '-'], 'proj', POD);
  assert.equal(stdin.stdout, [
    '<stdin>:7:16: error hostNamespaces host namespaces (hostNetwork=true)',
    '<stdin>:15:20: info runAsUser runAsUser=0 (container "app" must not set runAsUser=0)',
    '',
  ].join('\n'));
});

// End-to-end tests of the bundled `podsec` command (built by `npm run build`, which `npm test` runs first).
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

const BAD_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n    - name: app\n      securityContext:\n        privileged: true\n';
const GOOD_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: good\nspec:\n  containers:\n    - name: app\n      image: x\n';

before(() => {
  assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-cli-'));
  fs.mkdirSync(path.join(dir, 'm/sub'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'm/node_modules'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'm/.git'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'm/bad.yaml'), BAD_POD);
  fs.writeFileSync(path.join(dir, 'm/sub/good.yml'), GOOD_POD);
  fs.writeFileSync(path.join(dir, 'm/sub/notes.txt'), BAD_POD);
  fs.writeFileSync(path.join(dir, 'm/node_modules/dep.yaml'), BAD_POD);
  fs.writeFileSync(path.join(dir, 'm/.git/x.yaml'), BAD_POD);
  fs.writeFileSync(path.join(dir, 'good.yaml'), GOOD_POD);
});

test('text output: path:line:col: severity ruleId message, exit 1 on an error finding', () => {
  const r = run(['check', '--level', 'baseline', 'm/bad.yaml']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, 'm/bad.yaml:9:21: error privileged privileged (container "app" must not set securityContext.privileged=true)\n');
  assert.match(r.stderr, /1 problem \(1 error, 0 warnings, 0 info, 0 hints\) in 1 file/);
});

test('text output: a line break or terminal escape in a file name or a container name is escaped, one finding a line', () => {
  const name = 'odd\nname.yaml';
  fs.writeFileSync(path.join(dir, name), BAD_POD.replace('name: app', 'name: "a\\e[31mpp\\u2028"'));
  const r = run(['check', '--level', 'baseline', name]);
  fs.rmSync(path.join(dir, name));
  assert.equal(r.code, 1);
  assert.equal(r.stdout, 'odd\\nname.yaml:9:21: error privileged privileged (container "a\\u001b[31mpp\\u2028" must not set securityContext.privileged=true)\n');
});

test('default policy: baseline violations are errors, restricted-only ones warnings', () => {
  const r = run(['check', 'm/bad.yaml']);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.includes('m/bad.yaml:9:21: error privileged privileged (container "app" must not set securityContext.privileged=true)'));
  assert.ok(lines.includes('m/bad.yaml:8:7: warning runAsNonRoot runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)'));
  assert.ok(lines.filter((l) => / error /.test(l)).length === 1);
});

test('exit 0 when only warnings remain; no colour codes when stdout is not a terminal', () => {
  const r = run(['check', 'good.yaml']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^good\.yaml:\d+:\d+: warning /m);
  assert.doesNotMatch(r.stdout, /\x1b\[/);
});

test('folders are searched recursively for yaml/yml/json, skipping node_modules and .git', () => {
  const r = run(['check', '--format', 'json', 'm']);
  const files = [...new Set(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file))].sort();
  assert.deepEqual(files, [path.join('m', 'bad.yaml'), path.join('m', 'sub', 'good.yml')]);
});

test('JSON output follows the contract with 0-based ranges and the object', () => {
  const r = run(['check', '--format', 'json', '--level', 'baseline', 'm/bad.yaml']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.findings.length, 1);
  const f = out.findings[0];
  assert.equal(f.file, 'm/bad.yaml');
  assert.equal(f.ruleId, 'privileged');
  assert.equal(f.severity, 'error');
  assert.equal(f.message, 'privileged (container "app" must not set securityContext.privileged=true)');
  assert.deepEqual(f.range, { start: { line: 8, character: 20 }, end: { line: 8, character: 24 } });
  assert.deepEqual(f.object, { kind: 'Pod', name: 'bad', namespace: null });
  assert.equal(f.policy, 'baseline:latest');
});

test('SARIF 2.1.0 output has the shape code scanning requires', () => {
  const r = run(['check', '--format', 'sarif', 'm/bad.yaml']);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  const run0 = log.runs[0];
  assert.equal(run0.tool.driver.name, 'podsec');
  const rules = run0.tool.driver.rules;
  assert.ok(rules.length >= 19);
  for (const rule of rules) {
    assert.equal(typeof rule.id, 'string');
    assert.ok(rule.shortDescription.text && rule.help.text, rule.id);
    // Every check is documented; findings about the file itself (unusedDirective, internalError, ...) need not be.
    if (!rule.properties.tags.includes('syntax')) assert.ok(rule.helpUri, rule.id);
  }
  assert.ok(run0.results.length >= 2);
  for (const res of run0.results) {
    assert.ok(['error', 'warning', 'note'].includes(res.level));
    assert.equal(rules[res.ruleIndex].id, res.ruleId);
    assert.equal(typeof res.message.text, 'string');
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'm/bad.yaml');
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
  }
  const priv = run0.results.find((x: { ruleId: string }) => x.ruleId === 'privileged');
  assert.deepEqual(priv.locations[0].physicalLocation.region, { startLine: 9, startColumn: 21, endLine: 9, endColumn: 25 });
});

test('"-" reads standard input', () => {
  const r = run(['check', '--level', 'baseline', '-'], BAD_POD);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '<stdin>:9:21: error privileged privileged (container "app" must not set securityContext.privileged=true)\n');
});

test('usage errors exit 2 and name the problem', () => {
  for (const args of [['check', '--level', 'strict'], ['check', '--version', '1.30'], ['check', '--format', 'xml'], ['check', '--bogus'], ['lint']]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^podsec: /);
  }
});

test('an unreadable input exits 2, names it on stderr, and the other inputs are still checked', () => {
  const r = run(['check', '--level', 'baseline', 'missing.yaml', 'm/bad.yaml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /podsec: missing\.yaml: no such file or directory/);
  assert.match(r.stdout, /m\/bad\.yaml:9:21: error privileged/);
});

test('--version v1.N selects the rules of that policy version', () => {
  // restricted v1.0 has no allowPrivilegeEscalation requirement; latest does.
  const old = JSON.parse(run(['check', '--format', 'json', '--level', 'restricted', '--version', 'v1.0', 'good.yaml']).stdout);
  const now = JSON.parse(run(['check', '--format', 'json', '--level', 'restricted', 'good.yaml']).stdout);
  assert.ok(!old.findings.some((f: { ruleId: string }) => f.ruleId === 'allowPrivilegeEscalation'));
  assert.ok(old.findings.every((f: { policy: string }) => f.policy === 'restricted:v1.0'));
  assert.ok(now.findings.length >= old.findings.length);
});

test('--help prints usage and exits 0', () => {
  const r = run(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: podsec check/);
});

// `podsec check`/`podsec fix` and `.podsec.yaml` on inputs the other CLI and config tests do not try: odd flag
// values, repeated flags, paths that look like options, folders named like files, symbolic links, one file under two
// spellings, standard input beside files, 5,000 files, and configs in YAML 1.1, JSON, with globs written the way
// people write them. The cases that were marked todo each found a bug, since fixed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { isIgnored, parseConfig } from '../../../server/src/engine/config';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      securityContext:\n        privileged: true\n';
const FINDING = ':9:21: error privileged privileged (container "c" must not set securityContext.privileged=true)';

let dir: string;
let cli: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'podsec-unseen-cli-'));
  cli = path.join(dir, 'cli.js');
  await esbuild.build({
    entryPoints: [path.resolve('server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', logLevel: 'warning', define: { PODSEC_VERSION: '"9.8.7"' },
  });
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fresh folder of files under the run's temp dir. */
function folder(name: string, files: Record<string, string>): string {
  const root = path.join(dir, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  fs.mkdirSync(root, { recursive: true });
  return root;
}

function podsec(cwd: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd, input: options.input ?? '', encoding: 'utf8', timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', PODSEC_CHECK_WORKERS: '1', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `check --level baseline`: only the Pod Security finding of POD, nothing from the hardening rules. */
const check = (cwd: string, ...args: string[]) => podsec(cwd, ['check', '--no-config', '--level', 'baseline', ...args]);
const firstLine = (s: string) => s.split('\n')[0];

describe('podsec flags with odd values', () => {
  let cwd: string;
  before(() => { cwd = folder('flags', { 'pod.yaml': POD }); });

  test('a missing, empty, wrongly cased or malformed value is a usage error that quotes what was given', () => {
    const cases: [string[], string][] = [
      [['check', '--level'], 'podsec: --level must be privileged, baseline or restricted (got "")'],
      [['check', '--level='], 'podsec: --level must be privileged, baseline or restricted (got "")'],
      [['check', '--level', 'Restricted', 'pod.yaml'], 'podsec: --level must be privileged, baseline or restricted (got "Restricted")'],
      // A value that is the next option is taken as the value, and judged as one.
      [['check', '--level', '--format', 'json'], 'podsec: --level must be privileged, baseline or restricted (got "--format")'],
      [['check', '--format'], 'podsec: --format must be text, json or sarif (got "")'],
      [['check', '--format=JSON', 'pod.yaml'], 'podsec: --format must be text, json or sarif (got "JSON")'],
      [['check', '--version', '1.30', 'pod.yaml'], 'podsec: --version must be "latest" or "v1.N" (got "1.30")'],
      [['check', '--version', 'v1.030', 'pod.yaml'], 'podsec: --version must be "latest" or "v1.N" (got "v1.030")'],
      [['check', '--version', 'v2.0', 'pod.yaml'], 'podsec: --version must be "latest" or "v1.N" (got "v2.0")'],
      [['check', '--config'], 'podsec: --config needs a file'],
      [['check', '--config=', 'pod.yaml'], 'podsec: --config needs a file'],
      [['check', '--dry-run', 'pod.yaml'], 'podsec: --dry-run is an option of podsec fix'],
      [['fix', '--format', 'json', 'pod.yaml'], 'podsec: --format is an option of podsec check'],
      [['check', '-x', 'pod.yaml'], 'podsec: unknown option -x'],
      [['CHECK', 'pod.yaml'], 'podsec: unknown command "CHECK"'],
    ];
    for (const [args, message] of cases) {
      const r = podsec(cwd, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.equal(firstLine(r.stderr), message, args.join(' '));
      assert.match(r.stderr, /\n\nUsage: podsec check/, 'the usage follows the message');
    }
  });

  test('a repeated flag: the last one wins', () => {
    const level = podsec(cwd, ['check', '--no-config', '--level', 'privileged', '--level', 'baseline', 'pod.yaml']);
    assert.equal(level.code, 1);
    assert.equal(level.stdout, `pod.yaml${FINDING}\n`);
    const format = check(cwd, '--format', 'text', '--format', 'json', 'pod.yaml');
    assert.deepEqual(JSON.parse(format.stdout).findings.map((f: { ruleId: string }) => f.ruleId), ['privileged']);
  });

  test('a version above the newest known is accepted and printed as written', () => {
    const r = check(cwd, '--version', 'v1.99', '--format', 'json', 'pod.yaml');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).findings[0].policy, 'baseline:v1.99');
  });

  test('-v and --version-info print the version; -h anywhere prints the usage', () => {
    for (const args of [['-v'], ['--version-info']]) assert.deepEqual(podsec(cwd, args), { code: 0, stdout: '9.8.7\n', stderr: '' });
    const help = podsec(cwd, ['check', 'pod.yaml', '-h']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: podsec check/);
  });

  test('podsec --version prints the version, as most commands do', () => {
    assert.deepEqual(podsec(cwd, ['--version']), { code: 0, stdout: '9.8.7\n', stderr: '' });
  });

  test('a switch given a value is not silently turned on', () => {
    for (const flag of ['--color=false', '--no-color=yes', '--no-config=false']) {
      const r = podsec(cwd, ['check', flag, 'pod.yaml']);
      assert.equal(r.code, 2, `${flag}: ${r.stdout}`);
      assert.match(r.stderr, /takes no value|does not take a value/, flag);
    }
    const r = podsec(cwd, ['fix', '--dry-run=no', '--no-config', 'pod.yaml']);
    assert.equal(r.code, 2, r.stdout);
  });

  test('"--" ends the options: what follows is a path even when it starts with "-"', () => {
    fs.writeFileSync(path.join(cwd, '-a.yaml'), POD);
    const r = check(cwd, '--', '-a.yaml');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, `-a.yaml${FINDING}\n`);
  });

  test('--color forces colour even with NO_COLOR set; without it, output that is not a terminal has none', () => {
    const forced = podsec(cwd, ['check', '--no-config', '--level', 'baseline', '--color', 'pod.yaml']);
    assert.equal(forced.stdout, 'pod.yaml:9:21: \u001b[31merror\u001b[0m \u001b[2mprivileged\u001b[0m privileged (container "c" must not set securityContext.privileged=true)\n');
    const plain = podsec(cwd, ['check', '--no-config', '--level', 'baseline', 'pod.yaml'], { env: { NO_COLOR: '' } });
    assert.equal(plain.stdout, `pod.yaml${FINDING}\n`);
  });
});

describe('podsec paths: names, folders, links, standard input', () => {
  test('a name with spaces and non-ASCII letters, and ./ before a name that starts with "-"', () => {
    const cwd = folder('names', { 'sp ace ü.yaml': POD, '-dash.yaml': POD });
    const r = check(cwd, 'sp ace ü.yaml', './-dash.yaml');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, `sp ace ü.yaml${FINDING}\n./-dash.yaml${FINDING}\n`);
    const sarif = JSON.parse(check(cwd, '--format', 'sarif', 'sp ace ü.yaml').stdout);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'sp%20ace%20%C3%BC.yaml');
  });

  test('a folder named x.yaml is searched, not read as a file', () => {
    const cwd = folder('dir-named-yaml', { 'x.yaml/sub/in.yaml': POD });
    const r = check(cwd, 'x.yaml');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, `x.yaml/sub/in.yaml${FINDING}\n`);
  });

  test('an empty folder: exit 0, no finding in every format, SARIF still a complete run', () => {
    const cwd = folder('empty-parent', {});
    fs.mkdirSync(path.join(cwd, 'empty'));
    const text = check(cwd, 'empty');
    assert.deepEqual(text, { code: 0, stdout: '', stderr: '0 problems (0 errors, 0 warnings, 0 info, 0 hints) in 0 files\n' });
    assert.deepEqual(JSON.parse(check(cwd, '--format', 'json', 'empty').stdout), { findings: [] });
    const sarif = JSON.parse(check(cwd, '--format', 'sarif', 'empty').stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    assert.deepEqual(sarif.runs[0].results, []);
    assert.ok(sarif.runs[0].tool.driver.rules.length > 0);
  });

  test('standard input beside a file: both checked, each under its own name', () => {
    const cwd = folder('stdin-and-file', { 'pod.yaml': POD });
    const r = spawnSync(process.execPath, [cli, 'check', '--no-config', '--level', 'baseline', '-', 'pod.yaml'], {
      cwd, input: POD, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, `<stdin>${FINDING}\npod.yaml${FINDING}\n`);
    assert.match(r.stderr, /in 2 files\n$/);
  });

  test('symbolic links to manifests and to folders inside a checked folder are followed', () => {
    const cwd = folder('links', { 'real/r.yaml': POD, 'other/o.yaml': POD });
    fs.mkdirSync(path.join(cwd, 'links'));
    fs.symlinkSync('../other/o.yaml', path.join(cwd, 'links', 'linked.yaml'));
    fs.symlinkSync('../real', path.join(cwd, 'links', 'dirlink'));
    const r = check(cwd, 'links');
    assert.equal(r.code, 1, `a violating manifest behind a link must fail the run; stderr: ${r.stderr}`);
    assert.match(r.stdout, /^links\/dirlink\/r\.yaml:9:21: error privileged /m);
    assert.match(r.stdout, /^links\/linked\.yaml:9:21: error privileged /m);
    // A link back up is walked once; a link named like a manifest that points nowhere is an unreadable input.
    fs.symlinkSync('..', path.join(cwd, 'links', 'up'));
    fs.symlinkSync('../missing.yaml', path.join(cwd, 'links', 'dangling.yaml'));
    const again = check(cwd, 'links');
    assert.equal(again.code, 2, again.stderr);
    assert.match(again.stderr, /^podsec: links\/dangling\.yaml: symbolic link to nothing readable \(no such file or directory\)$/m);
    // A link to a folder outside both the current folder and the checked one is not walked.
    const far = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-far-'));
    fs.writeFileSync(path.join(far, 'far.yaml'), POD);
    fs.symlinkSync(far, path.join(cwd, 'links', 'far'));
    // Through `up` the same two files are reached again: each is checked once.
    assert.equal(again.stdout.split('\n').filter(Boolean).length, 2, again.stdout);
  });

  test('one file reached under two spellings is checked once', () => {
    const cwd = folder('two-spellings', { 'pod.yaml': POD });
    for (const args of [['./pod.yaml', '.'], ['pod.yaml', path.join(cwd, 'pod.yaml')]]) {
      const r = check(cwd, ...args);
      assert.equal(r.stdout.split('\n').filter(Boolean).length, 1, `${args.join(' ')}:\n${r.stdout}`);
      assert.match(r.stderr, /in 1 file\n$/);
    }
  });

  test('podsec fix --dry-run on a read-only file prints the diff and leaves the file as it was', () => {
    const cwd = folder('read-only', { 'ro.yaml': POD });
    const file = path.join(cwd, 'ro.yaml');
    fs.chmodSync(file, 0o444);
    const r = podsec(cwd, ['fix', '--dry-run', '--no-config', '--level', 'baseline', 'ro.yaml']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '--- a/ro.yaml\n+++ b/ro.yaml\n@@ -6,4 +6,4 @@\n   containers:\n     - name: c\n       securityContext:\n-        privileged: true\n+        privileged: false\n');
    assert.equal(fs.readFileSync(file, 'utf8'), POD);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  test('5,000 small files in 50 folders: every violation once, in path order, well within a minute', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) files[`d${String(i % 50).padStart(2, '0')}/p${String(i).padStart(4, '0')}.yaml`] = POD.replace('name: p', `name: p${i}`).replace('privileged: true', `privileged: ${i % 100 === 0}`);
    const cwd = folder('many', files);
    const started = Date.now();
    const r = podsec(cwd, ['check', '--no-config', '--level', 'baseline', '--format', 'json', '.']);
    const seconds = (Date.now() - started) / 1000;
    assert.equal(r.code, 1, r.stderr);
    const found = (JSON.parse(r.stdout).findings as { file: string }[]).map((f) => f.file);
    // Every hundredth file violates; i % 50 puts them all in d00.
    const expected = Array.from({ length: 50 }, (_, k) => `d00/p${String(k * 100).padStart(4, '0')}.yaml`);
    assert.deepEqual(found, expected);
    assert.ok(seconds < 60, `took ${seconds} s`);
  });
});

describe('.podsec.yaml as people write it', () => {
  const SETTINGS_OFF = 'rules:\n  privileged: off\n';

  test('a JSON config (given with --config) and an empty one both work; the nearest file wins, even when empty', () => {
    const cwd = folder('cfg-forms', {
      '.podsec.yaml': SETTINGS_OFF,
      'a/.podsec.yaml': '',
      'a/b/pod.yaml': POD,
      'c.json': '{"rules": {"privileged": "off"}, "policy": {"enforce": "baseline"}}',
      'pod.yaml': POD,
    });
    const root = podsec(cwd, ['check', '--level', 'baseline', 'pod.yaml']);
    assert.deepEqual([root.code, root.stdout], [0, ''], 'the root config turns privileged off');
    const nearestEmpty = podsec(cwd, ['check', '--level', 'baseline', 'a/b/pod.yaml']);
    assert.deepEqual([nearestEmpty.code, nearestEmpty.stdout], [1, `a/b/pod.yaml${FINDING}\n`], 'configs are not merged: the empty one applies');
    const json = podsec(cwd, ['check', '--level', 'baseline', '--config', 'c.json', 'a/b/pod.yaml']);
    assert.deepEqual([json.code, json.stdout], [0, '']);
  });

  test('a folder named .podsec.yaml is passed over by the lookup; named with --config it is a usage error', () => {
    const cwd = folder('cfg-folder', { '.podsec.yaml': SETTINGS_OFF, 'd/.podsec.yaml/keep': '', 'd/pod.yaml': POD });
    const found = podsec(cwd, ['check', '--level', 'baseline', 'd/pod.yaml']);
    assert.deepEqual([found.code, found.stdout], [0, '']);
    const named = podsec(cwd, ['check', '--config', 'd/.podsec.yaml', 'd/pod.yaml']);
    assert.deepEqual(named, { code: 2, stdout: '', stderr: 'podsec: d/.podsec.yaml: cannot read the configuration file: is a folder\n' });
  });

  test('mistakes in a CRLF config with a byte order mark: every one at its line and column, exit 2', () => {
    const cwd = folder('cfg-mistakes', {
      '.podsec.yaml': '\ufeffrules:\r\n  Privileged: off\r\n  hostPorts: Error\r\ncategories:\r\n  syntax: off\r\nrulez: {}\r\n',
      'pod.yaml': POD,
    });
    const r = podsec(cwd, ['check', 'pod.yaml']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, [
      'podsec: .podsec.yaml:2:3: invalid configuration: Unknown rule "Privileged" (did you mean "privileged"?)',
      'podsec: .podsec.yaml:3:14: invalid configuration: rules.hostPorts must be one of off, info, warning, error (got Error)',
      'podsec: .podsec.yaml:5:3: invalid configuration: Unknown category "syntax" (expected one of pss, hardening, network, rbac)',
      'podsec: .podsec.yaml:6:1: invalid configuration: Unknown key "rulez" (did you mean "rules"?)',
      '',
    ].join('\n'));
  });

  test('two YAML documents in the config: one problem at the second, nothing read', () => {
    const { config, problems } = parseConfig('rules: {privileged: off}\n---\nrules: {hostPorts: off}\n');
    assert.deepEqual(config, {});
    assert.deepEqual(problems.map((p) => [p.span.start, p.message]), [[25, 'Source contains multiple documents; please use YAML.parseAllDocuments()']]);
  });

  test('a merge key is no YAML 1.2: it is reported as the unknown rule "<<", never applied silently', () => {
    const { config, problems } = parseConfig('rules:\n  <<: {privileged: off}\n  hostPorts: off\n');
    assert.deepEqual(config.rules, { hostPorts: 'off' });
    assert.deepEqual(problems.map((p) => p.message), ['Unknown rule "<<"']);
  });

  test('a config that declares %YAML 1.1, where `off` is false: the message does not contradict itself', () => {
    const { config, problems } = parseConfig('%YAML 1.1\n---\nrules:\n  privileged: off\n');
    const contradictions = problems.filter((p) => /one of off\b.*\(got off\)/.test(p.message));
    assert.deepEqual(contradictions, []);
    assert.ok(config.rules?.privileged === 'off' || problems.length === 1, 'either read as "off" or reported with a way out');
  });

  test('categories.pss set to a severity is reported, since only off has an effect', () => {
    const { problems } = parseConfig('categories:\n  pss: error\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].span.start, 'categories:\n  pss: '.length);
  });

  test('ignore globs: **, trailing /, a leading / and names at any depth', () => {
    const ignored = (p: string, glob: string) => isIgnored(p, { ignore: [glob] });
    assert.equal(ignored('charts/x/templates/d.yaml', 'charts/**/templates/**'), true);
    assert.equal(ignored('deploy/legacy/a.yaml', 'deploy/legacy/'), true);
    assert.equal(ignored('deploy/legacy/a.yaml', '**/legacy'), true);
    assert.equal(ignored('x/sub/a.yaml', '/sub'), false);
    assert.equal(ignored('A.YAML', 'a.yaml'), false, 'case-sensitive, like git on Linux');
    assert.equal(ignored('sub/a.yaml', ' sub/a.yaml '), true, 'surrounding spaces are trimmed');
  });

  test('an ignore glob that starts with ./ matches what it names', () => {
    assert.equal(isIgnored('vendor/a.yaml', { ignore: ['./vendor/**'] }), true);
    assert.equal(isIgnored('a.yaml', { ignore: ['./a.yaml'] }), true);
  });

  test('an ignore glob written with Windows separators matches, or is reported', () => {
    const glob = 'deploy\\legacy\\*.yaml';
    const reported = parseConfig(`ignore:\n  - '${glob}'\n`).problems.length > 0;
    assert.ok(reported || isIgnored('deploy/legacy/a.yaml', { ignore: [glob] }));
  });
});

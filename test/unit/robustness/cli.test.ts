// `podsec check` on hostile files: a sensible exit status, the expected finding (or none), never a stack trace.
// The CLI is bundled from the current sources into a temporary folder (as `npm run build` bundles dist/cli.js), so
// this test never runs a stale build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { PRIVILEGED_POD, seededBytes } from './helpers';

let dir: string;
let cli: string;

function laughs(): string {
  let s = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (const [prev, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) s += `${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]\n`;
  return s;
}

const FILES: Record<string, string | Buffer> = {
  'big.yaml': `${PRIVILEGED_POD}---\n`.repeat(Math.ceil(20_000_000 / (PRIVILEGED_POD.length + 4))),
  'deep.yaml': '['.repeat(100_000) + ']'.repeat(100_000),
  'laughs.yaml': laughs(),
  'random.yaml': seededBytes(100_000, 3),
  'binary.yaml': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), seededBytes(10_000, 4)]),
  'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PRIVILEGED_POD, 'utf16le')]),
  'utf16-no-bom.yaml': Buffer.from(PRIVILEGED_POD, 'utf16le'),
  'empty.yaml': '',
  'comments.yaml': '# nothing\n# here\n',
  'compose.yml': 'services:\n  web:\n    image: nginx\n    privileged: true\n',
  'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x" . }}\nspec:\n  template:\n    spec:\n      {{- toYaml .Values.pod | nindent 6 }}\n',
};

/** Exit status and JSON rule ids of `podsec check --format json <file>`. */
const EXPECTED: Record<string, { code: number; ids: string[] }> = {
  'big.yaml': { code: 0, ids: ['fileTooLarge'] },
  'deep.yaml': { code: 0, ids: ['yamlTooDeep'] },
  'laughs.yaml': { code: 1, ids: ['yamlAliasLimit'] },
  'random.yaml': { code: 0, ids: ['binaryFile'] },
  'binary.yaml': { code: 0, ids: ['binaryFile'] },
  'utf16-no-bom.yaml': { code: 0, ids: ['binaryFile'] },
  'empty.yaml': { code: 0, ids: [] },
  'comments.yaml': { code: 0, ids: [] },
  'compose.yml': { code: 0, ids: [] },
  'chart/templates/deployment.yaml': { code: 0, ids: [] },
};

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertNoStackTrace(out: string, what: string): void {
  assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+\)?\n|RangeError|TypeError|Maximum call stack/, `${what}: ${out.slice(0, 500)}`);
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-robust-'));
  cli = path.join(dir, 'cli.js');
  await esbuild.build({
    entryPoints: [path.resolve('server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', logLevel: 'warning', define: { PODSEC_VERSION: '"test"' },
  });
  for (const [name, content] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'in', name)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'in', name), content);
  }
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`podsec check ${name}: exit ${expected.code}, ${expected.ids.join(', ') || 'no findings'}, no stack trace`, () => {
    const r = run(['check', '--no-config', '--format', 'json', `in/${name}`]);
    assertNoStackTrace(r.stdout + r.stderr, name);
    assert.equal(r.code, expected.code, r.stderr);
    const ids = (JSON.parse(r.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    assert.deepEqual(ids, expected.ids);
  });
}

test('podsec check on a UTF-16 file with a BOM reports the finding on the right line and column', () => {
  const r = run(['check', '--no-config', '--level', 'baseline', 'in/utf16.yaml']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, 'in/utf16.yaml:10:21: error privileged privileged (container "c" must not set securityContext.privileged=true)\n');
});

test('podsec check over the whole folder of hostile files: every file reported, exit 1 for the errors among them', () => {
  const r = run(['check', '--no-config', 'in']);
  assertNoStackTrace(r.stdout + r.stderr, 'folder');
  assert.equal(r.code, 1);
  for (const id of ['fileTooLarge', 'yamlTooDeep', 'yamlAliasLimit', 'binaryFile', 'privileged']) assert.match(r.stdout, new RegExp(` ${id} `), id);
  assert.match(r.stderr, /in 11 files/);
});

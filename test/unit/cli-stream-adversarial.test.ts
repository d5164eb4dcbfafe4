// Adversarial checks of the streaming `podsec check` (stream-check.ts: each file linted as soon as it is read, and
// linted again when what it read from other files changed) against the algorithm it replaced (every file parsed,
// the index built from all of them, then every file linted): stdout, stderr and the exit code must be the same bytes.
// The cross-file facts come in every order: declared after the files that read them, in files read late on purpose
// (a kind spelled with a YAML escape does not look like a Namespace to the reading order), duplicated across files
// whose path order differs from their input order, in odd spellings and under odd names.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseArgs } from '../../server/src/cli/args';
import { runCheck } from '../../server/src/cli/check';
import { formatJson } from '../../server/src/cli/format-json';
import { formatSarif } from '../../server/src/cli/format-sarif';
import { formatText, summaryLine } from '../../server/src/cli/format-text';
import type { InputProblem } from '../../server/src/cli/inputs';
import type { FileFinding } from '../../server/src/cli/report';
import { lintOptionsFor, prepareRun } from '../../server/src/cli/run-inputs';
import { LineIndex, lintParsed } from '../../server/src/engine';

interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

/** `podsec check` as the CLI runs it in one thread (the streaming check), in process. */
function streamed(argv: string[]): Outcome {
  const args = parseArgs(['check', ...argv]);
  if (args.command !== 'check') throw new Error(`not a check: ${argv.join(' ')}`);
  let stdout = '';
  let stderr = '';
  const code = runCheck(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false, version: '9.9.9' });
  if (typeof code !== 'number') throw new Error('the check ran in workers');
  return { stdout, stderr, code };
}

/** The reference: prepareRun (every file parsed and indexed first), lintParsed per file, the CLI's report. */
function reference(argv: string[]): Outcome {
  const args = parseArgs(['check', ...argv]);
  if (args.command !== 'check') throw new Error(`not a check: ${argv.join(' ')}`);
  const run = prepareRun(args);
  if ('broken' in run) return { stdout: '', stderr: run.broken.map((m) => `podsec: ${m}\n`).join(''), code: 2 };
  let stdout = '';
  let stderr = run.notes.map((n) => `podsec: ${n}\n`).join('');
  const findings: FileFinding[] = [];
  const ruleErrors: InputProblem[] = [];
  for (const { input, parsed } of run.inputs) {
    const lines = new LineIndex(input.text);
    const options = lintOptionsFor(run, input, (ruleId, error) => {
      ruleErrors.push({ display: input.display, message: `rule ${ruleId} failed: ${(error as Error)?.message ?? error}` });
    });
    for (const f of lintParsed(parsed, options)) findings.push({ ...f, file: input.display, range: { start: lines.positionAt(f.span.start), end: lines.positionAt(f.span.end) } });
  }
  for (const p of [...run.problems, ...ruleErrors]) stderr += `podsec: ${p.display}: ${p.message}\n`;
  if (args.format === 'json') stdout = formatJson(findings);
  else if (args.format === 'sarif') stdout = formatSarif(findings, '9.9.9');
  else {
    stdout = formatText(findings, args.color ?? false);
    stderr += `${summaryLine(findings, run.inputs.length)}\n`;
  }
  return { stdout, stderr, code: run.problems.length ? 2 : findings.some((f) => f.severity === 'error') ? 1 : 0 };
}

let root: string;
let cases = 0;
let savedWorkers: string | undefined;

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-stream-adv-'));
  // One thread whatever the machine: the streaming check is what is under test here.
  savedWorkers = process.env.PODSEC_CHECK_WORKERS;
  process.env.PODSEC_CHECK_WORKERS = '1';
});

after(() => {
  if (savedWorkers === undefined) delete process.env.PODSEC_CHECK_WORKERS;
  else process.env.PODSEC_CHECK_WORKERS = savedWorkers;
  fs.rmSync(root, { recursive: true, force: true });
});

/** A fresh folder holding `files` (relative names; folders are made). */
function workspace(files: Record<string, string>): string {
  const dir = path.join(root, String(cases++));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs `fn` with `dir` as the current folder (paths then show as the user typed them). */
function inDir<T>(dir: string, fn: () => T): T {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return fn();
  } finally {
    process.chdir(cwd);
  }
}

const OUTPUT_VARIANTS = [[], ['--format', 'json'], ['--format', 'sarif'], ['--level', 'restricted'], ['--version', 'v1.20', '--format', 'json']];

/** Streaming and reference agree on every output variant; returns the streamed text output for further checks. */
function assertSame(dir: string, argv: string[]): Outcome {
  return inDir(dir, () => {
    for (const variant of OUTPUT_VARIANTS) {
      const args = [...variant, ...argv];
      assert.deepEqual(streamed(args), reference(args), `podsec check ${args.join(' ')} (in ${dir})`);
    }
    return streamed(argv);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Manifests. A kind written with a YAML escape ("Namesp\x61ce") is that kind for the parser, but the reading order
// (which looks at the raw text) does not see it: such files are read with the rest, in path order, after the files
// that read their facts, so those must be linted again.

const LATE_NAMESPACE = 'Namesp\\x61ce';
const LATE_SERVICE_ACCOUNT = 'Service\\x41ccount';
const LATE_NETWORK_POLICY = 'NetworkPolic\\x79';
const LATE_LIMIT_RANGE = 'LimitRang\\x65';

const q = (s: string) => JSON.stringify(s);
const nsLine = (ns: string | undefined, indent = '  ') => (ns === undefined ? '' : `${indent}namespace: ${q(ns)}\n`);

function namespace(name: string, enforce: string, kind = 'Namespace'): string {
  return `apiVersion: v1\nkind: "${kind}"\nmetadata:\n  name: ${q(name)}\n  labels:\n    pod-security.kubernetes.io/enforce: ${enforce}\n`;
}

/** A pod that violates restricted (not baseline) unless told to be privileged (violates baseline). */
function pod(name: string, ns: string | undefined, options: { sa?: string; privileged?: boolean } = {}): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${q(name)}\n${nsLine(ns)}spec:\n${options.sa ? `  serviceAccountName: ${options.sa}\n` : ''}  containers:\n    - name: app\n      image: nginx:1.25\n${options.privileged ? '      securityContext: {privileged: true}\n' : ''}`;
}

function deployment(name: string, ns: string | undefined): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${nsLine(ns)}spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.25\n`;
}

/** With the late kind, the field's name is escaped too: "automountServiceAccountToken" would place the file early. */
function serviceAccount(name: string, ns: string | undefined, automount: boolean | undefined, kind = 'ServiceAccount'): string {
  const field = kind === 'ServiceAccount' ? 'automountServiceAccountToken' : '"automountService\\x41ccountToken"';
  return `apiVersion: v1\nkind: "${kind}"\nmetadata:\n  name: ${name}\n${nsLine(ns)}${automount === undefined ? '' : `${field}: ${automount}\n`}`;
}

function networkPolicy(ns: string | undefined, types: string, kind = 'NetworkPolicy'): string {
  return `apiVersion: networking.k8s.io/v1\nkind: "${kind}"\nmetadata:\n  name: deny\n${nsLine(ns)}spec:\n  podSelector: {}\n  policyTypes: [${types}]\n`;
}

function limitRange(ns: string | undefined, kind = 'LimitRange'): string {
  return `apiVersion: v1\nkind: "${kind}"\nmetadata:\n  name: limits\n${nsLine(ns)}`;
}

const docs = (...d: string[]) => d.join('---\n');
const lines = (o: Outcome, pattern: RegExp) => o.stdout.split('\n').filter((l) => pattern.test(l));

// ---------------------------------------------------------------------------------------------------------------

test('a Namespace read after the pods of its namespace still decides their policy', () => {
  const dir = workspace({
    'a/pod.yaml': pod('web', 'team-a'),
    'a/later-in-file.yaml': docs(pod('early', 'team-b'), namespace('team-b', 'restricted')),
    'z/ns.yaml': namespace('team-a', 'restricted', LATE_NAMESPACE),
  });
  const out = assertSame(dir, ['.']);
  assert.equal(lines(out, /^a\/pod\.yaml:.* error runAsNonRoot /).length, 1, out.stdout);
  assert.equal(lines(out, /^a\/later-in-file\.yaml:.* error runAsNonRoot /).length, 1, out.stdout);
  // The late Namespace is where its namespace-wide findings go, not the first pod.
  assert.equal(lines(out, /networkPolicyDefaultDeny namespace "team-a"/).map((l) => l.split(':')[0]).join(), 'z/ns.yaml');
  assert.equal(out.code, 1);
});

test('the first Namespace in path order wins, whatever the input order and the order of the folder walk', () => {
  // Path order: B.yaml < a-b.yaml < a.b.yaml < a/b.yaml < a0.yaml; the folder walk reads a/b.yaml first.
  const files = {
    'a0.yaml': namespace('team-a', 'privileged'),
    'a/b.yaml': namespace('team-a', 'privileged'),
    'a.b.yaml': namespace('team-a', 'baseline', LATE_NAMESPACE),
    'a-b.yaml': namespace('team-a', 'privileged'),
    'B.yaml': namespace('team-a', 'restricted', LATE_NAMESPACE),
    'p.yaml': pod('web', 'team-a'),
  };
  const dir = workspace(files);
  for (const argv of [['.'], ['a0.yaml', 'a/b.yaml', 'p.yaml', 'a.b.yaml', 'a-b.yaml', 'B.yaml'], ['p.yaml', ...Object.keys(files).reverse()]]) {
    const out = assertSame(dir, argv);
    assert.equal(lines(out, /^p\.yaml:.* error runAsNonRoot /).length, 1, out.stdout);
    assert.equal(lines(out, /limitRange namespace "team-a"/).map((l) => l.split(':')[0]).join(), 'B.yaml');
  }
});

test('Namespaces in every spelling, beside syntax errors and templates, and the word Namespace in comments only', () => {
  const dir = workspace({
    'flow.yaml': '{apiVersion: v1, kind: Namespace, metadata: {name: flow, labels: {pod-security.kubernetes.io/enforce: restricted}}}\n',
    'json.json': JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'json', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } }, null, 2),
    'quoted.yaml': `apiVersion: "v1"\n"kind": 'Namespace' # a comment\nmetadata:\n  name: quoted\n  labels: {"pod-security.kubernetes.io/enforce": "restricted"}\n`,
    'list.yaml': `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Namespace\n    metadata: {name: listed, labels: {pod-security.kubernetes.io/enforce: restricted}}\n  - ${pod('in-list', 'listed').replace(/\n(?=.)/g, '\n    ')}`,
    'merged.yaml': `x: &labels {pod-security.kubernetes.io/enforce: restricted}\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: merged\n  labels:\n    <<: *labels\n`,
    'broken.yaml': docs('foo: [unclosed\n', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n  namespace: flow\n', namespace('broken', 'restricted', LATE_NAMESPACE), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name:\n'),
    'not-v1.yaml': namespace('not-v1', 'restricted').replace('apiVersion: v1', 'apiVersion: v2'),
    'comments.yaml': `# kind: Namespace -- only a comment\n${pod('commented', 'comments')}`,
    'pods.yaml': docs(...['flow', 'json', 'quoted', 'listed', 'merged', 'broken', 'not-v1', 'comments'].map((ns) => pod(`in-${ns}`, ns))),
  });
  const out = assertSame(dir, ['.']);
  // Every declared Namespace applies restricted; not-v1 and comments are not Namespaces (defaults: warnings).
  const restricted = lines(out, /^pods\.yaml:.* error runAsNonRoot /);
  assert.equal(restricted.length, 6, out.stdout);
  assert.equal(lines(out, /^list\.yaml:.* error runAsNonRoot /).length, 1, out.stdout);
});

test('ServiceAccounts, NetworkPolicies and LimitRanges declared in files read after the workloads', () => {
  const dir = workspace({
    'a-pods.yaml': docs(pod('web', 'team-a', { sa: 'web' }), pod('api', 'team-a', { sa: 'api' }), deployment('worker', 'team-b')),
    // Two ServiceAccounts named api: the first in path order (m0) wins over m1, whatever is read first.
    'm1.yaml': serviceAccount('api', 'team-a', true, LATE_SERVICE_ACCOUNT),
    'm0.yaml': serviceAccount('api', 'team-a', false, LATE_SERVICE_ACCOUNT),
    'n/sa.yaml': serviceAccount('web', 'team-a', false, LATE_SERVICE_ACCOUNT),
    'n/np.yaml': docs(networkPolicy('team-a', 'Ingress, Egress', LATE_NETWORK_POLICY), networkPolicy('team-b', 'Ingress', LATE_NETWORK_POLICY)),
    'z/ns.yaml': docs(namespace('team-b', 'baseline', LATE_NAMESPACE), limitRange('team-b', LATE_LIMIT_RANGE)),
  });
  for (const argv of [['.'], ['z/ns.yaml', 'n', 'm1.yaml', 'm0.yaml', 'a-pods.yaml']]) {
    const out = assertSame(dir, argv);
    assert.deepEqual(lines(out, /automountServiceAccountToken|networkPolicyDefaultDeny|limitRange /).map((l) => l.replace(/:\d+:\d+:/, ':')).sort(), [
      'a-pods.yaml: info automountServiceAccountToken pod should set automountServiceAccountToken=false (service account "default" is not among the inputs)',
      'z/ns.yaml: warning networkPolicyDefaultDeny namespace "team-b" has workloads but no default-deny NetworkPolicy for Egress (empty podSelector)',
    ]);
  }
});

test('a suppression comment that becomes unused once a later file declares the NetworkPolicy is reported as unused', () => {
  const suppressed = `apiVersion: v1\nkind: Pod\nmetadata:\n  # podsec-disable-next-line networkPolicyDefaultDeny -- until the policy lands\n  name: web\n  namespace: team-c\nspec:\n  automountServiceAccountToken: false\n  containers:\n    - name: app\n      image: nginx:1.25\n`;
  const withPolicy = workspace({ 'a.yaml': suppressed, 'z.yaml': networkPolicy('team-c', 'Ingress, Egress', LATE_NETWORK_POLICY) });
  const out = assertSame(withPolicy, ['.']);
  assert.equal(lines(out, /^a\.yaml:4:\d+: hint unusedDirective /).length, 1, out.stdout);
  const withoutPolicy = workspace({ 'a.yaml': suppressed, 'z.yaml': networkPolicy('team-c', 'Ingress', LATE_NETWORK_POLICY) });
  assert.equal(lines(assertSame(withoutPolicy, ['.']), /unusedDirective|networkPolicyDefaultDeny/).length, 0);
  // A file-wide directive in the Namespace file, the Namespace's findings arriving from a later file's workloads.
  const fileWide = workspace({ 'a.yaml': `# podsec-disable-file limitRange\n${namespace('team-d', 'baseline')}`, 'b.yaml': deployment('w', 'team-d') });
  const out2 = assertSame(fileWide, ['.']);
  assert.equal(lines(out2, /limitRange|unusedDirective/).length, 0, out2.stdout);
});

test('the first workload of a namespace without a Namespace manifest carries its findings, in path order', () => {
  const dir = workspace({
    'z.yaml': pod('zz', 'team-e'),
    'b/a.yaml': pod('ba', 'team-e'),
    'a-b.yaml': docs(deployment('ab', 'team-e'), deployment('ab2', 'team-e')),
    'A.yaml': serviceAccount('x', 'team-e', true),
  });
  // The same file named twice is one input, under the spelling given first ("./z.yaml" is dropped).
  for (const [argv, first] of [[['.'], 'a-b.yaml:4'], [['z.yaml', 'b/a.yaml', 'a-b.yaml'], 'a-b.yaml:4'], [['z.yaml', 'a-b.yaml', 'b', './z.yaml'], 'a-b.yaml:4'], [['./z.yaml', 'z.yaml'], './z.yaml:4']] as const) {
    const out = assertSame(dir, [...argv]);
    assert.deepEqual(lines(out, /networkPolicyDefaultDeny/).map((l) => l.split(':').slice(0, 2).join(':')), [first], out.stdout);
  }
  // A Namespace read last (in path order) takes the findings over from the first workload.
  const later = workspace({ 'a.yaml': pod('a', 'team-e'), 'z.yaml': namespace('team-e', 'baseline', LATE_NAMESPACE) });
  assert.deepEqual(lines(assertSame(later, ['.']), /networkPolicyDefaultDeny/).map((l) => l.split(':')[0]), ['z.yaml']);
});

test('objects without a namespace: the default namespace, from .podsec.yaml (found or given) or built in', () => {
  const files = {
    'a.yaml': docs(pod('web', undefined), pod('web2', 'team-f', { sa: 'web' })),
    'k/sa.yaml': docs(serviceAccount('default', undefined, false, LATE_SERVICE_ACCOUNT), serviceAccount('web', undefined, false, LATE_SERVICE_ACCOUNT)),
    'k/lr.yaml': limitRange(undefined, LATE_LIMIT_RANGE),
    'z.yaml': docs(namespace('team-f', 'restricted', LATE_NAMESPACE), namespace('default', 'privileged', LATE_NAMESPACE)),
  };
  const found = workspace({ ...files, '.podsec.yaml': 'defaultNamespace: team-f\nrules:\n  limitRange: error\n' });
  const out = assertSame(found, ['.']);
  // Both pods are in team-f (restricted); the ServiceAccounts without a namespace are there too.
  assert.equal(lines(out, /^a\.yaml:.* error runAsNonRoot /).length, 2, out.stdout);
  assert.equal(lines(out, /automountServiceAccountToken/).length, 0, out.stdout);
  assert.equal(lines(out, /limitRange/).length, 0, out.stdout);
  const builtIn = workspace(files);
  assertSame(builtIn, ['--no-config', '.']);
  const given = workspace({ ...files, 'conf/podsec.yaml': 'defaultNamespace: team-g\n' });
  assertSame(given, ['--config', 'conf/podsec.yaml', '.']);
});

test('namespace names that are also names of object properties, empty, non-ASCII or very long', () => {
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'ünï-ç', 'n'.repeat(253), ''];
  const files: Record<string, string> = {};
  names.forEach((ns, i) => {
    files[`p${i}.yaml`] = docs(pod(`p${i}`, ns, { sa: 'constructor' }), deployment(`d${i}`, ns));
    files[`z${i}.yaml`] = docs(namespace(ns, 'restricted', i % 2 ? LATE_NAMESPACE : 'Namespace'), serviceAccount('constructor', ns, false), limitRange(ns));
  });
  files['labels.yaml'] = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: odd-labels\n  labels: {__proto__: x, constructor: y, pod-security.kubernetes.io/enforce: restricted}\n`;
  files['odd.yaml'] = pod('odd', 'odd-labels');
  const out = assertSame(workspace(files), ['.']);
  // Every named Namespace applies restricted to its Pod and Deployment; '' names no namespace (they are in "default").
  for (let i = 0; i < names.length; i++) assert.equal(lines(out, new RegExp(`^p${i}\\.yaml:.* error runAsNonRoot `)).length, names[i] ? 2 : 0, `${names[i]}\n${out.stdout}`);
  assert.equal(lines(out, /^odd\.yaml:.* error runAsNonRoot /).length, 1, out.stdout);
});

test('each kind of cross-file fact, alone, arriving after a file that read it, changes that file\'s findings', () => {
  const settled = (ns: string) => namespace(ns, 'baseline');
  const cases: { name: string; files: Record<string, string>; expect: RegExp; count: number }[] = [
    // Pod Security rules only: the Namespace's labels are all the pod reads.
    { name: 'labels', files: { '.podsec.yaml': 'categories:\n  network: off\n  hardening: off\n', 'a.yaml': pod('web', 'x'), 'z.yaml': namespace('x', 'restricted', LATE_NAMESPACE) }, expect: /^a\.yaml:.* error runAsNonRoot /, count: 1 },
    // Same labels, but the Namespace first in path order (where its findings go) is another file.
    { name: 'namespace', files: { 'z.yaml': docs(settled('x'), deployment('w', 'x')), 'a.yaml': namespace('x', 'baseline', LATE_NAMESPACE) }, expect: /networkPolicyDefaultDeny namespace "x"/, count: 1 },
    { name: 'serviceAccount', files: { 'n.yaml': settled('x'), 'a.yaml': pod('web', 'x', { sa: 'web' }), 'z.yaml': serviceAccount('web', 'x', false, LATE_SERVICE_ACCOUNT) }, expect: /automountServiceAccountToken/, count: 0 },
    { name: 'networkPolicies', files: { 'n.yaml': docs(settled('x'), deployment('w', 'x')), 'z.yaml': networkPolicy('x', 'Ingress, Egress', LATE_NETWORK_POLICY) }, expect: /networkPolicyDefaultDeny/, count: 0 },
    { name: 'limitRanges', files: { 'n.yaml': docs(settled('x'), deployment('w', 'x')), 'z.yaml': limitRange('x', LATE_LIMIT_RANGE) }, expect: /limitRange /, count: 0 },
    { name: 'workloads', files: { 'n.yaml': settled('x'), 'z.yaml': deployment('w', 'x') }, expect: /^n\.yaml:.* limitRange namespace "x" has workloads/, count: 1 },
  ];
  for (const c of cases) {
    const out = assertSame(workspace(c.files), ['.']);
    assert.equal(lines(out, c.expect).length, c.count, `${c.name}\n${out.stdout}`);
  }
});

test('inputs: the same file twice, a folder and a file in it, a missing path, ignore globs, an empty and a UTF-16 file', () => {
  const dir = workspace({
    'a.yaml': docs(namespace('team-h', 'restricted'), pod('a', 'team-h')),
    'sub/b.yaml': pod('b', 'team-h'),
    'sub/skip/c.yaml': namespace('team-h', 'privileged'),
    'empty.yaml': '',
    '.podsec.yaml': 'ignore:\n  - "sub/skip/**"\n',
  });
  fs.writeFileSync(path.join(dir, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pod('u', 'team-h'), 'utf16le')]));
  for (const argv of [['a.yaml', './a.yaml', 'sub'], ['.', 'a.yaml', 'sub/b.yaml'], ['sub', 'missing.yaml', '.'], ['sub/skip/c.yaml', '.'], ['utf16.yaml', 'empty.yaml', 'a.yaml']]) {
    const out = assertSame(dir, argv);
    assert.equal(out.code, argv.includes('missing.yaml') ? 2 : 1, out.stderr);
  }
});

test('a workspace of 300 files in many namespaces (generated, fixed seed)', () => {
  let seed = 12345;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) {
    const ns = `ns-${next(25)}`;
    const name = `${['a', 'b/', 'B', 'a-', 'a.', 'z/'][next(6)]}${i}.yaml`;
    const kind = next(10);
    const late = next(2) === 0;
    files[name] = kind < 2 ? namespace(ns, ['restricted', 'baseline', 'privileged'][next(3)], late ? LATE_NAMESPACE : 'Namespace')
      : kind < 3 ? serviceAccount(['default', 'web'][next(2)], next(4) ? ns : undefined, next(2) === 0, late ? LATE_SERVICE_ACCOUNT : 'ServiceAccount')
      : kind < 4 ? networkPolicy(ns, ['Ingress', 'Egress', 'Ingress, Egress'][next(3)], late ? LATE_NETWORK_POLICY : 'NetworkPolicy')
      : kind < 5 ? limitRange(ns, late ? LATE_LIMIT_RANGE : 'LimitRange')
      : docs(pod(`p${i}`, next(5) ? ns : undefined, { sa: ['default', 'web'][next(2)], privileged: next(3) === 0 }), deployment(`d${i}`, ns));
  }
  const dir = workspace(files);
  inDir(dir, () => {
    for (const argv of [['.'], Object.keys(files), ['--format', 'json', ...Object.keys(files).reverse()]]) assert.deepEqual(streamed(argv), reference(argv));
  });
});

// Random workspaces: small, so that the same namespaces and names meet often.
const NAMES = ['team-a', 'team-b', 'default', '__proto__', ''];
const nsArb = fc.option(fc.constantFrom(...NAMES), { nil: undefined });
const kindArb = (kind: string, late: string) => fc.boolean().map((b) => (b ? late : kind));
const documentArb = fc.oneof(
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('restricted', 'baseline', 'privileged', 'bogus'), kindArb('Namespace', LATE_NAMESPACE)).map(([ns, level, kind]) => namespace(ns, level, kind)),
  fc.tuple(nsArb, fc.constantFrom('web', 'api'), fc.constantFrom('default', 'web'), fc.boolean()).map(([ns, name, sa, privileged]) => pod(name, ns, { sa, privileged })),
  fc.tuple(nsArb, fc.constantFrom('web', 'api')).map(([ns, name]) => deployment(name, ns)),
  fc.tuple(nsArb, fc.constantFrom('default', 'web'), fc.option(fc.boolean(), { nil: undefined }), kindArb('ServiceAccount', LATE_SERVICE_ACCOUNT)).map(([ns, name, automount, kind]) => serviceAccount(name, ns, automount, kind)),
  fc.tuple(nsArb, fc.constantFrom('Ingress', 'Egress', 'Ingress, Egress'), kindArb('NetworkPolicy', LATE_NETWORK_POLICY)).map(([ns, types, kind]) => networkPolicy(ns, types, kind)),
  fc.tuple(nsArb, kindArb('LimitRange', LATE_LIMIT_RANGE)).map(([ns, kind]) => limitRange(ns, kind)),
  fc.constantFrom('foo: [unclosed\n', '# kind: Namespace\nx: 1\n', ''),
);
const fileArb = fc.tuple(fc.constantFrom('', '# podsec-disable-file limitRange\n', '# podsec-disable-file networkPolicyDefaultDeny\n'), fc.array(documentArb, { minLength: 1, maxLength: 3 }))
  .map(([head, d]) => head + docs(...d));
const caseArb = fc.record({
  files: fc.uniqueArray(fc.tuple(fc.constantFrom('a.yaml', 'a-b.yaml', 'b/a.yaml', 'B.yaml', 'a.b.yaml', 'z/0.yml', 'x.json'), fileArb), { minLength: 1, maxLength: 6, selector: ([n]) => n }),
  config: fc.constantFrom(undefined, 'defaultNamespace: team-a\n', 'defaultNamespace: team-b\nrules:\n  networkPolicyDefaultDeny: error\n', 'ignore:\n  - "b/**"\n'),
  order: fc.constantFrom('folder', 'given', 'reversed', 'twice'),
  output: fc.constantFrom<string[]>([], ['--format', 'json'], ['--level', 'baseline'], ['--format', 'sarif']),
});

test('random workspaces: streaming and reference give the same bytes and exit code (fixed seed)', () => {
  fc.assert(fc.property(caseArb, ({ files, config, order, output }) => {
    const dir = workspace(Object.fromEntries(config ? [...files, ['.podsec.yaml', config]] : files));
    const names = files.map(([n]) => n);
    const paths = order === 'folder' ? ['.'] : order === 'given' ? names : order === 'reversed' ? [...names].reverse() : [...names, `./${names[0]}`];
    const argv = [...output, ...(config ? [] : ['--no-config']), ...paths];
    inDir(dir, () => assert.deepEqual(streamed(argv), reference(argv), `podsec check ${argv.join(' ')} (in ${dir})`));
    fs.rmSync(dir, { recursive: true, force: true });
  }), { numRuns: 250, seed: 20240611 });
});

// ---------------------------------------------------------------------------------------------------------------
// Through the built CLI: one thread (streaming) against PODSEC_CHECK_WORKERS=2 (the non-streaming worker path).

const CLI = path.resolve('dist/cli.js');

function cli(dir: string, argv: string[], workers: string, input = ''): Outcome {
  const r = spawnSync(process.execPath, [CLI, 'check', ...argv], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PODSEC_CHECK_WORKERS: workers }, timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

test('the built CLI gives the same bytes in one thread as in workers, with standard input among the inputs', () => {
  assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  const dir = workspace({
    'a.yaml': pod('web', 'team-i', { sa: 'web' }),
    'b/c.yaml': serviceAccount('web', 'team-i', false, LATE_SERVICE_ACCOUNT),
    'z.yaml': namespace('team-j', 'restricted', LATE_NAMESPACE),
  });
  const stdinNamespace = namespace('team-i', 'restricted');
  const stdinPod = pod('from-stdin', 'team-j');
  for (const [argv, input] of [[['-', '.'], stdinNamespace], [['.', '-'], stdinPod], [['--format', 'sarif', 'z.yaml', '-', 'a.yaml'], stdinPod]] as const) {
    const one = cli(dir, [...argv], '1', input);
    assert.deepEqual(cli(dir, [...argv], '2', input), one, `podsec check ${argv.join(' ')}`);
    assert.equal(one.code, 1, one.stderr);
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Differences this file's exploration found (fixed: each input has its own index key, and remembered answers are
// keyed by JSON, as names may hold newlines and NUL characters).

test('a file named "<stdin>" and standard input are two inputs, each with its own index name', () => {
  assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  const dir = workspace({ '<stdin>': namespace('team-k', 'restricted'), 'pod.yaml': pod('web', 'team-k') });
  const argv = ['--no-config', '-', '<stdin>', 'pod.yaml'];
  const input = serviceAccount('default', 'other', true);
  assert.deepEqual(cli(dir, argv, '1', input), cli(dir, argv, '2', input));
});

test('names with a newline do not share the index\'s remembered answers', () => {
  const sa = (ns: string, name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ${q(ns)}\nspec:\n  serviceAccountName: ${q(name)}\n  containers:\n    - name: c\n      image: x\n`;
  const dir = workspace({
    'p2.yaml': sa('a', 'b\nc'),
    'p3.yaml': sa('a', 'other'),
    's.yaml': serviceAccount('c', 'a\nb', false),
    'z1.yaml': sa('a\nb', 'c'),
  });
  inDir(dir, () => assert.deepEqual(streamed(['--no-config', '.']), reference(['--no-config', '.'])));
});

test('names with a NUL character do not share the re-check\'s remembered answers', () => {
  const sa = (ns: string, name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ${q(ns)}\nspec:\n  serviceAccountName: ${q(name)}\n  containers:\n    - name: c\n      image: x\n`;
  const dir = workspace({
    'a-x.yaml': sa('a\0b', 'c'),
    'b-y.yaml': docs(serviceAccount('zz', 'a', undefined), sa('a', 'b\0c')),
    'c-s.yaml': serviceAccount('"b\\0c"', 'a', false),
  });
  inDir(dir, () => assert.deepEqual(streamed(['--no-config', '.']), reference(['--no-config', '.'])));
});

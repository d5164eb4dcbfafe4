// The editor and the CLI run the same engine, so after any sequence of editor actions the server's diagnostics for
// each open document must be what `podsec check` reports for the same workspace state: the files on disk with the
// open documents' texts written over them. Each scenario drives the bundled server over JSON-RPC, then copies the
// workspace, writes the open texts into the copy, runs `node dist/cli.js check --format json .` in it and compares
// rule id, range, severity and message of every finding (diagnostics published for the current version only).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { at, FileChangeType, tempWorkspace, TestClient, waitFor } from './client';

const CLI = path.resolve('dist/cli.js');
const SEVERITIES = ['', 'error', 'warning', 'info', 'hint'];

interface CliFinding {
  file: string;
  ruleId: string;
  severity: string;
  message: string;
  note?: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** An offset as an LSP position: `\r\n`, `\n` and a lone `\r` each end a line (as the server's documents count them). */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < offset) continue; // the \n ends the line
    if (c === 10 || c === 13) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

/** `rule severity l:c-l:c message`, the part of a finding both sides must agree on. */
const line = (rule: unknown, severity: string, range: CliFinding['range'], message: string) => `${String(rule)} ${severity} ${at(range)} ${message}`;
const fromDiagnostic = (d: Diagnostic) => line(d.code, SEVERITIES[d.severity ?? 0], d.range, typeof d.message === 'string' ? d.message : d.message.value);
const fromCli = (f: CliFinding) => line(f.ruleId, f.severity, f.range, f.note ? `${f.message}\n${f.note}` : f.message);

/** A workspace folder on disk, a server started on it, and the editor's open documents. */
class Session {
  readonly open = new Map<string, { text: string; version: number }>();
  private constructor(readonly root: string, readonly client: TestClient) {}

  static async start(files: Record<string, string>, settings?: Record<string, unknown>): Promise<Session> {
    const root = tempWorkspace(files);
    const client = await TestClient.start({ root, settings });
    await waitFor(() => client.progressEnds.length > 0, 'the indexing progress to end');
    const s = new Session(root, client);
    sessions.push(s);
    return s;
  }

  text(rel: string): string {
    const doc = this.open.get(rel);
    if (!doc) throw new Error(`${rel} is not open`);
    return doc.text;
  }

  async openDoc(rel: string, text = fs.readFileSync(path.join(this.root, rel), 'utf8')): Promise<void> {
    this.open.set(rel, { text, version: 1 });
    await this.client.open(this.client.uri(rel), text);
  }

  async close(rel: string): Promise<void> {
    this.open.delete(rel);
    await this.client.close(this.client.uri(rel));
  }

  /** One edit, as an editor sends it: the smallest range that turns the current text into `next`. */
  async setText(rel: string, next: string): Promise<void> {
    const old = this.text(rel);
    let start = 0;
    while (start < old.length && start < next.length && old[start] === next[start]) start++;
    let end = 0;
    while (end < old.length - start && end < next.length - start && old[old.length - 1 - end] === next[next.length - 1 - end]) end++;
    // No LSP position lies between the \r and \n of a line break: widen the range over the whole pair.
    const splitsPair = (text: string, at: number) => text[at - 1] === '\r' && text[at] === '\n';
    if (start > 0 && (splitsPair(old, start) || splitsPair(next, start))) start--;
    if (end > 0 && (splitsPair(old, old.length - end) || splitsPair(next, next.length - end))) end--;
    const range = { start: positionAt(old, start), end: positionAt(old, old.length - end) };
    const version = await this.client.change(this.client.uri(rel), [{ range, text: next.slice(start, next.length - end) }]);
    this.open.set(rel, { text: next, version });
  }

  /** Replaces the n-th occurrence of `from` in the open text. */
  async replace(rel: string, from: string, to: string, occurrence = 0): Promise<void> {
    const text = this.text(rel);
    let i = -1;
    for (let n = 0; n <= occurrence; n++) {
      i = text.indexOf(from, i + 1);
      if (i < 0) throw new Error(`"${from}" not found in ${rel}`);
    }
    await this.setText(rel, text.slice(0, i) + to + text.slice(i + from.length));
  }

  /** Types `typed` one character per change at the offset just after `anchor`, without waiting between keys. */
  async type(rel: string, anchor: string, typed: string): Promise<void> {
    let offset = this.text(rel).indexOf(anchor);
    if (offset < 0) throw new Error(`"${anchor}" not found in ${rel}`);
    offset += anchor.length;
    for (const ch of typed) {
      const text = this.text(rel);
      await this.setText(rel, text.slice(0, offset) + ch + text.slice(offset));
      offset++;
    }
  }

  /** Deletes `count` characters one at a time before the end of `anchor` (backspace). */
  async backspace(rel: string, anchor: string, count: number): Promise<void> {
    let offset = this.text(rel).indexOf(anchor);
    if (offset < 0) throw new Error(`"${anchor}" not found in ${rel}`);
    offset += anchor.length;
    for (let k = 0; k < count; k++) {
      const text = this.text(rel);
      await this.setText(rel, text.slice(0, offset - 1) + text.slice(offset));
      offset--;
    }
  }

  /** A file written (or deleted, with `undefined`) on disk, and the watcher's event for it. */
  async disk(rel: string, text: string | undefined): Promise<void> {
    const file = path.join(this.root, rel);
    const existed = fs.existsSync(file);
    if (text === undefined) fs.rmSync(file);
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    await this.client.fileChanged(file, text === undefined ? FileChangeType.Deleted : existed ? FileChangeType.Changed : FileChangeType.Created);
  }

  /** What `podsec check` says about each open document, for the workspace as the editor holds it now. */
  cli(): Map<string, string[]> {
    const copy = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'podsec-cli-'));
    try {
      fs.cpSync(this.root, copy, { recursive: true });
      for (const [rel, { text }] of this.open) {
        fs.mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
        fs.writeFileSync(path.join(copy, rel), text);
      }
      const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '.'], { cwd: copy, encoding: 'utf8' });
      assert.ok(run.status === 0 || run.status === 1, `podsec check exited with ${run.status}: ${run.stderr}`);
      const findings = (JSON.parse(run.stdout) as { findings: CliFinding[] }).findings;
      const out = new Map<string, string[]>();
      for (const rel of this.open.keys()) if (path.basename(rel) !== '.podsec.yaml') out.set(rel, []);
      for (const f of findings) out.get(f.file.split(path.sep).join('/'))?.push(fromCli(f));
      for (const list of out.values()) list.sort();
      return out;
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }

  /** The server's current diagnostics of each open document (undefined while a document's version is unanswered). */
  server(only?: string[]): Map<string, string[] | undefined> {
    const out = new Map<string, string[] | undefined>();
    for (const [rel, { version }] of this.open) {
      if (path.basename(rel) === '.podsec.yaml' || (only && !only.includes(rel))) continue;
      const p = this.client.latest(this.client.uri(rel));
      out.set(rel, p && p.version === version ? p.diagnostics.map(fromDiagnostic).sort() : undefined);
    }
    return out;
  }

  /**
   * The oracle: the server settles on the CLI's findings for every open document, and stays there (a late,
   * stale publication would undo it).
   */
  async sameAsCli(what: string, only?: string[]): Promise<void> {
    const expected = this.cli();
    if (only) for (const rel of [...expected.keys()]) if (!only.includes(rel)) expected.delete(rel);
    const same = () => JSON.stringify([...this.server(only)]) === JSON.stringify([...expected]);
    try {
      await waitFor(same, what, 6_000);
    } catch {
      assert.deepEqual(Object.fromEntries(this.server(only)), Object.fromEntries(expected), `${what}: server (actual) vs CLI (expected)`);
    }
    await this.client.hover(this.client.uri([...this.open.keys()][0]), 0, 0); // a round trip: queued events handled
    await new Promise((r) => setTimeout(r, 250));
    assert.deepEqual(Object.fromEntries(this.server(only)), Object.fromEntries(expected), `${what}: still the CLI's findings a moment later`);
  }
}

const sessions: Session[] = [];
after(async () => {
  for (const s of sessions) {
    await s.client.stop();
    fs.rmSync(s.root, { recursive: true, force: true });
  }
});

// Manifests. A pod that breaks baseline (privileged) and restricted (runAsNonRoot etc.), so every mode shows.
function pod(name: string, namespace?: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${namespace === undefined ? '' : `  namespace: ${namespace}\n`}spec:
  containers:
    - name: app
      image: nginx:1.25
      securityContext:
        privileged: true
${extra}`;
}

function ns(name: string, labels: Record<string, string> = {}): string {
  const entries = Object.entries(labels);
  const block = entries.length ? `  labels:\n${entries.map(([k, v]) => `    pod-security.kubernetes.io/${k}: ${v}\n`).join('')}` : '';
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${block}`;
}

describe('editor vs CLI: Namespaces in other files decide the policy', () => {
  test('add, relabel, rename and remove a Namespace in one open file', async () => {
    const s = await Session.start({ 'apps/a.yaml': pod('a', 'prod'), 'apps/b.yaml': pod('b', 'prod'), 'ns.yaml': '' });
    await s.openDoc('apps/a.yaml');
    await s.openDoc('apps/b.yaml');
    await s.openDoc('ns.yaml');
    await s.sameAsCli('no Namespace');
    await s.setText('ns.yaml', ns('prod', { enforce: 'restricted' }));
    await s.sameAsCli('Namespace added');
    await s.replace('ns.yaml', 'enforce: restricted', 'enforce: privileged');
    await s.sameAsCli('enforce privileged');
    await s.replace('ns.yaml', 'name: prod', 'name: staging');
    await s.sameAsCli('renamed');
    await s.replace('ns.yaml', 'name: staging', 'name: prod');
    await s.sameAsCli('renamed back');
    await s.setText('ns.yaml', '');
    await s.sameAsCli('removed');
  });

  test('a Namespace declared in two files: the first in path order wins', async () => {
    const s = await Session.start({ 'b/ns.yaml': ns('prod', { enforce: 'privileged', warn: 'privileged' }), 'apps/a.yaml': pod('a', 'prod') });
    await s.openDoc('apps/a.yaml');
    await s.sameAsCli('one Namespace');
    await s.disk('a/ns.yaml', ns('prod', { enforce: 'restricted' }));
    await s.sameAsCli('an earlier file declares it too');
    await s.openDoc('a/ns.yaml');
    await s.replace('a/ns.yaml', 'name: prod', 'name: other');
    await s.sameAsCli('the earlier one renamed');
    await s.replace('a/ns.yaml', 'name: other', 'name: prod');
    await s.sameAsCli('back');
    await s.close('a/ns.yaml');
    await s.sameAsCli('closed');
  });

  test('the same Namespace twice in one open file: the first document wins, then it is deleted', async () => {
    const text = `${ns('prod', { enforce: 'privileged', warn: 'privileged' })}---\n${ns('prod', { enforce: 'restricted' })}---\n${pod('a', 'prod')}`;
    const s = await Session.start({ 'all.yaml': text, 'b.yaml': pod('b', 'prod') });
    await s.openDoc('all.yaml');
    await s.openDoc('b.yaml');
    await s.sameAsCli('two declarations');
    await s.setText('all.yaml', text.slice(text.indexOf('---\n') + 4));
    await s.sameAsCli('first deleted');
    await s.setText('all.yaml', text);
    await s.sameAsCli('restored');
  });

  test('opening a dirty buffer whose Namespace differs from disk, after pods of the same file', async () => {
    const disk = `${pod('a', 'prod')}---\n${ns('prod', { enforce: 'restricted' })}`;
    const s = await Session.start({ 'all.yaml': disk });
    await s.openDoc('all.yaml', disk.replace('enforce: restricted', 'enforce: privileged'));
    await s.sameAsCli('dirty open');
  });

  test('typing a namespace field character by character', async () => {
    const s = await Session.start({ 'ns.yaml': ns('prod', { enforce: 'restricted' }), 'app.yaml': pod('a') });
    await s.openDoc('app.yaml');
    await s.sameAsCli('no namespace');
    await s.type('app.yaml', '  name: a\n', '  namespace: p');
    await s.sameAsCli('namespace p');
    await s.type('app.yaml', 'namespace: p', 'rod');
    await s.sameAsCli('namespace prod');
    await s.backspace('app.yaml', 'namespace: prod', 4);
    await s.sameAsCli('namespace erased');
  });

  test('a Namespace in a JSON file, edited', async () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } }, null, 2);
    const s = await Session.start({ 'ns.json': json, 'app.yaml': pod('a', 'prod') });
    await s.openDoc('app.yaml');
    await s.sameAsCli('json namespace');
    await s.client.open(s.client.uri('ns.json'), json, 'json');
    s.open.set('ns.json', { text: json, version: 1 });
    await s.replace('ns.json', '"restricted"', '"baseline"');
    await s.sameAsCli('json edited');
  });

  test('a closed file renamed on disk changes which Namespace comes first', async () => {
    const s = await Session.start({ 'b.yaml': ns('prod', { enforce: 'restricted' }), 'c.yaml': ns('prod', { enforce: 'privileged', warn: 'privileged' }), 'app.yaml': pod('a', 'prod') });
    await s.openDoc('app.yaml');
    await s.sameAsCli('b first');
    fs.renameSync(path.join(s.root, 'c.yaml'), path.join(s.root, 'a.yaml'));
    await s.client.fileChanged(path.join(s.root, 'c.yaml'), FileChangeType.Deleted);
    await s.client.fileChanged(path.join(s.root, 'a.yaml'), FileChangeType.Created);
    await s.sameAsCli('renamed to a.yaml');
  });

  test('an open, unsaved file renamed (closed under its old name, opened under the new one)', async () => {
    const s = await Session.start({ 'b.yaml': ns('prod', { enforce: 'restricted' }), 'app.yaml': pod('a', 'prod') });
    await s.openDoc('app.yaml');
    await s.openDoc('b.yaml');
    await s.replace('b.yaml', 'restricted', 'baseline');
    await s.sameAsCli('edited');
    const text = s.text('b.yaml');
    fs.renameSync(path.join(s.root, 'b.yaml'), path.join(s.root, 'z.yaml'));
    await s.close('b.yaml');
    await s.openDoc('z.yaml', text);
    await s.client.fileChanged(path.join(s.root, 'b.yaml'), FileChangeType.Deleted);
    await s.client.fileChanged(path.join(s.root, 'z.yaml'), FileChangeType.Created);
    await s.sameAsCli('renamed');
  });
});

describe('editor vs CLI: documents split, merged, moved and broken while typing', () => {
  test('moving a workload between documents and splitting/merging with ---', async () => {
    const text = `${ns('team', { enforce: 'baseline' })}---\n${pod('a', 'team')}---\n${pod('b', 'team')}`;
    const s = await Session.start({ 'x.yaml': text, 'y.yaml': pod('c', 'team') });
    await s.openDoc('x.yaml');
    await s.openDoc('y.yaml');
    await s.sameAsCli('start');
    await s.replace('x.yaml', '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a');
    await s.sameAsCli('merged first two');
    await s.replace('x.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a', '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a');
    await s.sameAsCli('split again');
    await s.setText('x.yaml', `${pod('b', 'team')}---\n${ns('team', { enforce: 'baseline' })}---\n${pod('a', 'team')}`);
    await s.sameAsCli('reordered');
  });

  test('typing --- character by character between and inside documents', async () => {
    const text = `${ns('prod', { enforce: 'restricted' })}${pod('a', 'prod')}`;
    const s = await Session.start({ 'all.yaml': text, 'b.yaml': pod('b', 'prod') });
    await s.openDoc('all.yaml');
    await s.openDoc('b.yaml');
    await s.sameAsCli('one document with duplicate keys');
    await s.type('all.yaml', 'enforce: restricted\n', '---\n');
    await s.sameAsCli('split');
    await s.backspace('all.yaml', 'enforce: restricted\n---\n', 4);
    await s.sameAsCli('merged again');
    await s.type('all.yaml', 'kind: Pod\n', '---\n');
    await s.sameAsCli('split inside the pod');
  });

  test('typing an unterminated quote and a flow collection in a namespace value', async () => {
    const text = `${pod('a', 'prod')}---\n${ns('prod', { enforce: 'restricted' })}---\n${pod('b', 'prod')}`;
    const s = await Session.start({ 'all.yaml': text, 'other.yaml': pod('o', 'prod') });
    await s.openDoc('all.yaml');
    await s.openDoc('other.yaml');
    await s.sameAsCli('start');
    await s.replace('all.yaml', 'namespace: prod', 'namespace: "prod');
    await s.sameAsCli('open quote');
    await s.replace('all.yaml', 'namespace: "prod', 'namespace: [prod');
    await s.sameAsCli('open bracket');
    await s.replace('all.yaml', 'namespace: [prod', 'namespace: prod');
    await s.sameAsCli('fixed');
    await s.replace('all.yaml', 'name: prod', "name: 'prod");
    await s.sameAsCli('Namespace name quote open');
    await s.replace('all.yaml', "name: 'prod", "name: 'prod'");
    await s.sameAsCli('closed');
  });

  test('a List with two items of the same name and kind', async () => {
    const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: same, namespace: team}
    spec: {containers: [{name: a, image: nginx}]}
  - apiVersion: v1
    kind: Pod
    metadata: {name: same, namespace: team}
    spec: {containers: [{name: b, image: nginx}]}
`;
    const s = await Session.start({ 'list.yaml': list, 'z.yaml': pod('z', 'team') });
    await s.openDoc('list.yaml');
    await s.openDoc('z.yaml');
    await s.sameAsCli('list');
    await s.setText('list.yaml', `${pod('first', 'team')}---\n${list}`);
    await s.sameAsCli('a pod before the list');
  });

  test('CRLF text, and lone CR line ends typed into it', async () => {
    const crlf = `${ns('prod', { enforce: 'restricted' })}---\n${pod('a', 'prod')}---\n${pod('b', 'prod')}`.replace(/\n/g, '\r\n');
    const s = await Session.start({ 'all.yaml': crlf, 'x.yaml': pod('x', 'prod') });
    await s.openDoc('all.yaml');
    await s.openDoc('x.yaml');
    await s.sameAsCli('crlf');
    await s.replace('all.yaml', '---\r\napiVersion: v1\r\nkind: Pod', '---\rapiVersion: v1\r\nkind: Pod');
    await s.sameAsCli('lone CR after ---');
    await s.replace('all.yaml', 'name: a\r\n', 'name: a\r');
    await s.sameAsCli('lone CR in a mapping');
    await s.replace('all.yaml', 'enforce: restricted\r\n', 'enforce: restricted\r');
    await s.sameAsCli('lone CR before ---');
    await s.replace('x.yaml', 'name: x\n', 'name: x\r');
    await s.sameAsCli('lone CR in x');
  });

  test('undo: returning to an earlier text leaves nothing stale', async () => {
    const s = await Session.start({ 'ns.yaml': ns('prod', { enforce: 'restricted' }), 'app.yaml': pod('a', 'prod') });
    await s.openDoc('app.yaml');
    await s.openDoc('ns.yaml');
    const original = { app: s.text('app.yaml'), ns: s.text('ns.yaml') };
    await s.sameAsCli('start');
    await s.replace('ns.yaml', 'name: prod', 'name: dev');
    await s.replace('app.yaml', 'privileged: true', 'privileged: false');
    await s.replace('app.yaml', 'namespace: prod', 'namespace: dev');
    await s.setText('app.yaml', `${s.text('app.yaml')}---\n${ns('extra', {})}`);
    await s.setText('ns.yaml', original.ns);
    await s.setText('app.yaml', original.app);
    await s.sameAsCli('undone');
  });

  test('rapid bursts across two files', async () => {
    const s = await Session.start({ 'ns.yaml': ns('prod', { enforce: 'restricted' }), 'app.yaml': pod('a', 'prod') });
    await s.openDoc('app.yaml');
    await s.openDoc('ns.yaml');
    await s.sameAsCli('start');
    const levels = ['privileged', 'baseline', 'restricted', 'baseline'];
    for (let k = 0; k < 20; k++) {
      await s.replace('ns.yaml', /enforce: (\w+)/.exec(s.text('ns.yaml'))![0], `enforce: ${levels[k % 4]}`);
      await s.replace('app.yaml', /privileged: (\w+)/.exec(s.text('app.yaml'))![0], `privileged: ${k % 2 === 0}`);
      await s.replace('app.yaml', /namespace: (\w+)/.exec(s.text('app.yaml'))![0], `namespace: ${k % 3 === 0 ? 'prod' : 'dev'}`);
    }
    await s.sameAsCli('after the burst');
  });
});

describe('editor vs CLI: hardening facts in other files', () => {
  test('namespace-wide findings move to the first workload in path order', async () => {
    const s = await Session.start({ 'm.yaml': pod('m', 'team'), 'z.yaml': pod('z', 'team') });
    await s.openDoc('m.yaml');
    await s.openDoc('z.yaml');
    await s.sameAsCli('m first');
    await s.disk('a.yaml', pod('a', 'team'));
    await s.sameAsCli('a.yaml on disk comes first');
    await s.openDoc('a.yaml');
    await s.replace('a.yaml', 'namespace: team', 'namespace: other');
    await s.sameAsCli('a.yaml moved to another namespace');
    await s.replace('m.yaml', 'name: m', 'name: m2');
    await s.sameAsCli('renamed m');
    await s.replace('a.yaml', 'namespace: other', 'namespace: team');
    await s.sameAsCli('a back');
    await s.close('a.yaml');
    await s.sameAsCli('a closed (disk: team)');
    await s.disk('a.yaml', undefined);
    await s.sameAsCli('a deleted');
  });

  test('NetworkPolicy, LimitRange and ServiceAccount edits in another file', async () => {
    const policies = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny
  namespace: team
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;
    const sa = `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n  namespace: team\nautomountServiceAccountToken: false\n`;
    const s = await Session.start({ 'ns.yaml': ns('team', { enforce: 'baseline' }), 'p.yaml': policies, 'sa.yaml': sa, 'app.yaml': pod('a', 'team', '  serviceAccountName: runner\n') });
    await s.openDoc('app.yaml');
    await s.openDoc('ns.yaml');
    await s.openDoc('p.yaml');
    await s.openDoc('sa.yaml');
    await s.sameAsCli('start');
    await s.replace('p.yaml', 'policyTypes: [Ingress]', 'policyTypes: [Ingress, Egress]');
    await s.sameAsCli('default deny complete');
    await s.setText('p.yaml', `${s.text('p.yaml')}---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: lr\n  namespace: team\nspec:\n  limits: []\n`);
    await s.sameAsCli('limit range added');
    await s.replace('sa.yaml', 'name: runner', 'name: builder');
    await s.sameAsCli('sa renamed');
    await s.replace('p.yaml', 'namespace: team', 'namespace: else');
    await s.sameAsCli('network policy moved');
  });

  test('defaultNamespace in the config moves unnamed workloads between namespace-wide findings', async () => {
    const s = await Session.start({
      '.podsec.yaml': 'defaultNamespace: team\n',
      'ns.yaml': ns('team', { enforce: 'restricted' }),
      'a.yaml': pod('a'),
      'b.yaml': pod('b', 'team'),
      'c.yaml': pod('c', 'default'),
    });
    await s.openDoc('a.yaml');
    await s.openDoc('b.yaml');
    await s.openDoc('c.yaml');
    await s.openDoc('ns.yaml');
    await s.sameAsCli('team default');
    await s.disk('.podsec.yaml', 'defaultNamespace: default\n');
    await s.sameAsCli('default default');
    await s.replace('ns.yaml', 'name: team', 'name: default');
    await s.sameAsCli('Namespace default declared');
  });
});

describe('editor vs CLI: suppression comments', () => {
  test('suppression comments that become unused when a Namespace in another file changes', async () => {
    const app = pod('a', 'prod').replace('        privileged: true\n', '        # podsec-disable-next-line privileged\n        privileged: true\n');
    const s = await Session.start({ 'ns.yaml': ns('prod', { enforce: 'restricted' }), 'app.yaml': app });
    await s.openDoc('app.yaml');
    await s.openDoc('ns.yaml');
    await s.sameAsCli('used');
    await s.replace('ns.yaml', 'enforce: restricted', 'enforce: privileged\n    pod-security.kubernetes.io/warn: privileged');
    await s.sameAsCli('privileged: unused');
    await s.setText('app.yaml', `# podsec-disable-file\n${s.text('app.yaml')}`);
    await s.sameAsCli('disable-file');
    await s.replace('ns.yaml', 'enforce: privileged', 'enforce: baseline');
    await s.sameAsCli('baseline');
    await s.replace('app.yaml', '# podsec-disable-file\n', '');
    await s.sameAsCli('disable-file removed');
  });

  test('a document-level podsec-disable when a --- is typed above it and removed', async () => {
    const text = `# podsec-disable privileged\n${pod('a', 'x')}---\n${pod('b', 'x')}`;
    const s = await Session.start({ 'app.yaml': text });
    await s.openDoc('app.yaml');
    await s.sameAsCli('start');
    await s.replace('app.yaml', 'kind: Pod\nmetadata:\n  name: a', 'kind: Pod\n---\nmetadata:\n  name: a');
    await s.sameAsCli('split under the directive');
    await s.replace('app.yaml', 'kind: Pod\n---\nmetadata:\n  name: a', 'kind: Pod\nmetadata:\n  name: a');
    await s.replace('app.yaml', '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b');
    await s.sameAsCli('merged (duplicate keys)');
    await s.setText('app.yaml', `---\n${text}`);
    await s.sameAsCli('a --- above the directive');
  });

  test('a podsec-disable-file typed into a later document, and a podsec-disable-next-line that goes unused', async () => {
    const text = `${pod('a', 'prod')}---\n${pod('b', 'prod')}`;
    const s = await Session.start({ 'all.yaml': text, 'ns.yaml': ns('prod', { enforce: 'baseline' }) });
    await s.openDoc('all.yaml');
    await s.openDoc('ns.yaml');
    await s.type('all.yaml', '---\n', '# podsec-disable-file networkPolicyDefaultDeny, limitRange\n');
    await s.sameAsCli('disable-file in document 2');
    await s.type('ns.yaml', 'metadata:\n', '  # podsec-disable-next-line limitRange\n');
    await s.sameAsCli('disable-next-line on the Namespace');
    await s.setText('all.yaml', text);
    await s.sameAsCli('directive removed');
    await s.replace('ns.yaml', 'name: prod', 'name: dev');
    await s.sameAsCli('Namespace renamed: the pods are no longer its workloads');
  });
});

describe('editor vs CLI: .podsec.yaml', () => {
  test('.podsec.yaml created, edited and deleted while files are open', async () => {
    const s = await Session.start({ 'ns.yaml': ns('prod', { enforce: 'baseline' }), 'app.yaml': pod('a', 'prod'), 'other.yaml': pod('o') });
    await s.openDoc('app.yaml');
    await s.openDoc('other.yaml');
    await s.sameAsCli('no config');
    await s.disk('.podsec.yaml', 'policy:\n  enforce: restricted\nrules:\n  imageTag: off\n');
    await s.sameAsCli('config created');
    await s.disk('.podsec.yaml', 'categories:\n  hardening: off\nnamespaces:\n  default: {enforce: privileged, warn: privileged}\n');
    await s.sameAsCli('config changed');
    await s.disk('.podsec.yaml', 'defaultNamespace: prod\nignore: [app.yaml]\n');
    await s.sameAsCli('default namespace and ignore');
    await s.openDoc('.podsec.yaml');
    await s.replace('.podsec.yaml', 'ignore: [app.yaml]', 'ignore: [other.yaml]');
    await s.sameAsCli('config edited in the editor');
    await s.close('.podsec.yaml');
    await s.sameAsCli('config closed');
    await s.disk('.podsec.yaml', undefined);
    await s.sameAsCli('config deleted');
  });

  test('a .podsec.yaml typed character by character in the editor', async () => {
    const s = await Session.start({ '.podsec.yaml': '', 'app.yaml': pod('a'), 'ns.yaml': ns('default', { warn: 'baseline' }) });
    await s.openDoc('app.yaml');
    await s.openDoc('.podsec.yaml');
    await s.sameAsCli('empty config');
    await s.type('.podsec.yaml', '', 'rules:\n  privileged: info\n  imageTag: off\ndefaultNamespace: x\n');
    await s.sameAsCli('typed config');
    await s.backspace('.podsec.yaml', 'defaultNamespace: x\n', 'defaultNamespace: x\n'.length);
    await s.sameAsCli('line removed');
    await s.setText('.podsec.yaml', 'namespaces:\n  default: {enforce: restricted}\npolicy: {warn: privileged}\n');
    await s.sameAsCli('namespaces in config, Namespace manifest wins');
    await s.disk('ns.yaml', undefined);
    await s.sameAsCli('manifest deleted: config namespace applies');
  });
});

// Differences found by this oracle, each a minimal reproduction. The last two were bugs, since fixed. The first two
// are known gaps (todo): the server lets a file that .podsec.yaml ignores, or an open file under node_modules, lend
// its Namespace to other files, where podsec check over the folder never reads it.
describe('editor vs CLI: known differences', () => {
  test('a Namespace in a file that .podsec.yaml ignores decides the policy in the editor, not in the CLI', {
    todo: 'BUG: the workspace index reads files matched by the config\'s ignore globs (workspace-index.ts indexFolder/diskChanged, analysis.ts ignoredBy keeps facts); podsec check never reads them',
  }, async () => {
    const s = await Session.start({ '.podsec.yaml': 'ignore: [legacy]\n', 'legacy/ns.yaml': ns('prod', { enforce: 'restricted' }), 'app.yaml': pod('a', 'prod') });
    await s.openDoc('app.yaml');
    // CLI: prod is unknown (defaults: privileged is an error, restricted problems warnings; the namespace-wide
    // default-deny finding sits on the pod). Server: restricted enforced from the ignored file (all errors).
    await s.sameAsCli('a Namespace only in an ignored file');
  });

  test('an open document under node_modules lends its Namespace to the other files', {
    todo: 'BUG: analysis.ts hands every open document\'s facts to the index (updateOpen), also for files the index skips (node_modules, .git, files.exclude) and the CLI never reads',
  }, async () => {
    const s = await Session.start({ 'node_modules/pkg/ns.yaml': ns('prod', { enforce: 'restricted' }), 'app.yaml': pod('a', 'prod') });
    await s.openDoc('app.yaml');
    await s.sameAsCli('node_modules on disk is skipped, as by the CLI');
    await s.openDoc('node_modules/pkg/ns.yaml');
    await s.sameAsCli('node_modules file opened', ['app.yaml']);
  });

  test('a folder created (moved or copied in) is indexed: its Namespaces count at once', async () => {
    const s = await Session.start({ 'app.yaml': pod('a', 'prod') });
    await s.openDoc('app.yaml');
    await s.sameAsCli('no Namespace');
    fs.mkdirSync(path.join(s.root, 'team'));
    fs.writeFileSync(path.join(s.root, 'team/ns.yaml'), ns('prod', { enforce: 'restricted' }));
    await s.client.fileChanged(path.join(s.root, 'team'), FileChangeType.Created);
    await s.sameAsCli('a folder with a Namespace created');
  });

  test('a document edited, saved and closed before its check ran leaves no old facts in the index', async () => {
    const s = await Session.start({ 'ns.yaml': ns('prod', { enforce: 'restricted' }), 'app.yaml': pod('a', 'prod') });
    await s.openDoc('app.yaml');
    await s.sameAsCli('restricted');
    // Sent back to back: the first check of ns.yaml waits for its settings, and the close comes first.
    await s.openDoc('ns.yaml');
    await s.replace('ns.yaml', 'enforce: restricted', 'enforce: privileged');
    fs.writeFileSync(path.join(s.root, 'ns.yaml'), s.text('ns.yaml')); // saved (a client without file watching)
    await s.close('ns.yaml');
    await s.sameAsCli('privileged on disk');
  });
});

/** A small deterministic random generator (mulberry32), so that a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVELS = ['privileged', 'baseline', 'restricted', 'Restricted'];
const NAMES = ['team', 'prod', 'default'];
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

/** One random document of the kinds that other files read, or a workload. */
function randomDocument(r: () => number): string {
  const name = pick(r, NAMES);
  switch (Math.floor(r() * 8)) {
    case 0:
    case 1:
      return ns(name, { enforce: pick(r, LEVELS), ...(r() < 0.5 ? { warn: pick(r, LEVELS) } : {}) });
    case 2:
      return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: ${name}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`;
    case 3:
      return `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: lr\n  namespace: ${name}\nspec:\n  limits: []\n`;
    case 4:
      return `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n${r() < 0.3 ? '' : `  namespace: ${name}\n`}automountServiceAccountToken: false\n`;
    case 5:
      return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata: {}\n`;
    default:
      return pod(`p${Math.floor(r() * 3)}`, r() < 0.2 ? undefined : name, r() < 0.3 ? '  serviceAccountName: runner\n' : '');
  }
}

/** Random whole-document and in-document edits on a file held as its `---` documents. */
function randomEdit(r: () => number, docs: string[]): string[] {
  const out = docs.slice();
  const i = Math.floor(r() * Math.max(out.length, 1));
  switch (Math.floor(r() * 8)) {
    case 0:
      out.splice(Math.floor(r() * (out.length + 1)), 0, randomDocument(r));
      break;
    case 1:
      if (out.length) out.splice(i, 1);
      break;
    case 2:
      if (out.length > 1) out.splice(Math.floor(r() * out.length), 0, ...out.splice(i, 1));
      break;
    case 3:
      if (out.length) out[i] = out[i].replace(/namespace: \w+|name: (team|prod|default)\b/, (m) => `${m.split(':')[0]}: ${pick(r, NAMES)}`);
      break;
    case 4:
      if (out.length) out[i] = out[i].replace(/(enforce|warn): \w+/, (m) => `${m.split(':')[0]}: ${pick(r, LEVELS)}`);
      break;
    case 5:
      if (out.length) out[i] = out[i].includes('# podsec-disable') ? out[i].replace(/# podsec-disable[^\n]*\n/, '') : `# podsec-disable ${pick(r, ['privileged', 'networkPolicyDefaultDeny', 'runAsNonRoot', 'limitRange'])}\n${out[i]}`;
      break;
    case 6:
      if (out.length) out[i] = out[i].replace('privileged: true', 'privileged: false');
      break;
    default:
      out.push(randomDocument(r));
  }
  return out;
}

const join = (docs: string[]) => docs.join('---\n');

describe('editor vs CLI: random edit sequences over three files', () => {
  for (const seed of (process.env.PODSEC_ORACLE_SEEDS ?? '1,2,3').split(',').map(Number)) {
    test(`seed ${seed}`, async () => {
      const r = random(seed);
      const files: Record<string, string[]> = { 'a.yaml': [randomDocument(r), randomDocument(r)], 'b.yaml': [randomDocument(r)], 'c/d.yaml': [randomDocument(r), randomDocument(r)] };
      const s = await Session.start(Object.fromEntries(Object.entries(files).map(([f, d]) => [f, join(d)])));
      await s.openDoc('a.yaml');
      await s.openDoc('b.yaml');
      const log: string[] = [];
      for (let step = 0; step < Number(process.env.PODSEC_ORACLE_STEPS ?? 12); step++) {
        const file = pick(r, Object.keys(files));
        files[file] = randomEdit(r, files[file]);
        if (s.open.has(file)) await s.setText(file, join(files[file]));
        else await s.disk(file, join(files[file]));
        log.push(`${file}: ${JSON.stringify(join(files[file]))}`);
        if (r() < 0.1 && file !== 'a.yaml') {
          if (s.open.has(file)) {
            await s.client.forVersion(s.client.uri(file), s.open.get(file)!.version); // see 'known differences'
            fs.writeFileSync(path.join(s.root, file), join(files[file]));
            await s.close(file);
          } else await s.openDoc(file);
        }
        if (r() < 0.5) await s.sameAsCli(`seed ${seed} step ${step}:\n${log.join('\n')}`);
      }
      await s.sameAsCli(`seed ${seed} end:\n${log.join('\n')}`);
    });
  }
});

const CONFIGS = [
  undefined,
  'policy:\n  enforce: restricted\n',
  'defaultNamespace: team\n',
  'namespaces:\n  prod: {enforce: restricted, warn: baseline}\n  default: {enforce: privileged}\n',
  'rules:\n  networkPolicyDefaultDeny: error\n  privileged: info\ncategories:\n  hardening: off\n',
];
const NOISE = ['"', "'", '[', '{', ':', '- ', '\t', '#', '---\n', '...\n', '\n', '\r', '\r\n', ' ', 'x', '&a ', '*a'];

describe('editor vs CLI: random keystrokes, config changes and closes', () => {
  for (const seed of (process.env.PODSEC_ORACLE_SEEDS2 ?? '101,102').split(',').map(Number)) {
    test(`seed ${seed}`, async () => {
      const r = random(seed);
      const files: Record<string, string> = { 'a.yaml': join([randomDocument(r), randomDocument(r)]), 'b.yaml': join([randomDocument(r), randomDocument(r)]), 'c/d.yaml': join([randomDocument(r)]) };
      const s = await Session.start(files);
      await s.openDoc('a.yaml');
      await s.openDoc('b.yaml');
      const log: string[] = Object.entries(files).map(([f, t]) => `initially ${f}: ${JSON.stringify(t)}`);
      for (let step = 0; step < Number(process.env.PODSEC_ORACLE_STEPS ?? 12); step++) {
        const roll = r();
        if (roll < 0.1) {
          const config = pick(r, CONFIGS);
          if (config !== undefined || fs.existsSync(path.join(s.root, '.podsec.yaml'))) await s.disk('.podsec.yaml', config);
          log.push(`.podsec.yaml: ${JSON.stringify(config)}`);
        } else {
          const file = pick(r, Object.keys(files));
          const before = files[file];
          if (roll < 0.55) {
            // A keystroke at a random place: noise typed, or a character deleted.
            const at = Math.floor(r() * (before.length + 1));
            files[file] = r() < 0.6 ? before.slice(0, at) + pick(r, NOISE) + before.slice(at) : before.slice(0, at) + before.slice(at + 1);
          } else {
            files[file] = join(randomEdit(r, files[file].split(/^---\n/m)));
          }
          if (s.open.has(file)) await s.setText(file, files[file]);
          else await s.disk(file, files[file]);
          log.push(`${file}: ${JSON.stringify(files[file])}`);
          if (r() < 0.15 && file !== 'a.yaml') {
            if (s.open.has(file)) {
              // Closed once its last version is analysed: closing before that is a known bug (see 'known differences').
              await s.client.forVersion(s.client.uri(file), s.open.get(file)!.version);
              const save = r() < 0.5;
              if (save) fs.writeFileSync(path.join(s.root, file), files[file]);
              else files[file] = fs.readFileSync(path.join(s.root, file), 'utf8'); // closed without saving
              await s.close(file);
              log.push(`${file}: closed ${save ? 'after saving' : `without saving (disk: ${JSON.stringify(files[file])})`}`);
            } else {
              await s.openDoc(file);
              log.push(`${file}: opened`);
            }
          }
        }
        if (r() < 0.4) await s.sameAsCli(`seed ${seed} step ${step}:\n${log.join('\n')}`);
      }
      await s.sameAsCli(`seed ${seed} end:\n${log.join('\n')}`);
    });
  }
});

// Protocol sequences and texts the other adversarial tests do not send: hover and code actions at positions that do
// not exist, codeAction/resolve with forged data, one URI reopened under other language ids, a 3 MB edit, requests
// for documents never opened, files deleted on disk while open, Unicode line separators (LSP does not break lines
// there, YAML 1.1 does), and one file open under two spellings of its URI. The last two each found a bug, since
// fixed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  CodeAction, CodeActionRequest, CodeActionResolveRequest, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, HoverRequest,
} from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { brief, FileChangeType, pss, rangeIn, TestClient, tempWorkspace, waitFor } from './client';
import { deployment, namespace, POD } from './fixtures';

const privileged = (p: PublishDiagnosticsParams) => p.diagnostics.find((d) => d.code === 'privileged');

describe('adversarial requests and texts not covered elsewhere', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ resolveCodeActions: true });
  });
  after(() => client.stop());

  test('hover at positions that do not exist answers null; a real position still answers', async () => {
    const uri = client.uri('hover-odd.yaml');
    await client.open(uri, POD);
    await client.forVersion(uri, 1);
    for (const [line, character] of [[0, 999], [999, 0], [-1, -1], [1.5, 2.5], [2 ** 31, 2 ** 31], [Number.MAX_SAFE_INTEGER, 0]]) {
      assert.equal(await client.hover(uri, line, character), null, `${line}:${character}`);
    }
    const malformed = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 'x', character: null } } as never);
    assert.equal(malformed, null);
    const line = POD.split('\n').findIndex((l) => l.includes('privileged: true'));
    assert.match(JSON.stringify((await client.hover(uri, line, 10))?.contents), /privileged/i);
    await client.close(uri);
  });

  test('code actions for ranges past the end or reversed: the fixes of the diagnostics sent, and the rewrite of the Pod', async () => {
    const uri = client.uri('actions-odd.yaml');
    await client.open(uri, POD);
    const published = await client.forVersion(uri, 1);
    const diagnostic = privileged(published)!;
    const ranges = [
      { start: { line: 999, character: 0 }, end: { line: 1000, character: 5 } },
      { start: { line: -5, character: 0 }, end: { line: 0, character: -5 } },
      { start: { line: 20, character: 0 }, end: { line: 0, character: 0 } },
    ];
    for (const range of ranges) {
      const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('Set privileged: false'), `${JSON.stringify(range)}: ${titles.join(', ')}`);
      const fix = actions.find((a) => a.title === 'Set privileged: false')!;
      assert.deepEqual(fix.edit?.documentChanges, [{ textDocument: { uri, version: 1 }, edits: [{ range: rangeIn(POD, 'privileged: true', 'true'), newText: 'false' }] }]);
    }
    await client.close(uri);
  });

  test('codeAction/resolve with forged or stale data returns the action without an edit, and logs no failure', async () => {
    const uri = client.uri('forged.yaml');
    await client.open(uri, POD);
    await client.forVersion(uri, 1);
    const data = (extra: object) => ({ podsec: 'fixAll', uri, version: 1, ...extra });
    const forged: unknown[] = [
      { title: 'a', data: data({ scope: 'rule', ruleId: '__proto__' }) },
      { title: 'b', data: data({ scope: 'rule', ruleId: 'constructor' }) },
      { title: 'c', data: data({ scope: 'rule', ruleId: 'noSuchRule' }) },
      { title: 'd', data: data({ scope: 'workload', workload: 5 }) },
      { title: 'e', data: data({ scope: 'workload', workload: { documentIndex: 7, start: -3, kind: 'Pod', name: 'web' } }) },
      { title: 'f', data: data({ scope: 'workload', workload: { documentIndex: 0, start: 1e9, kind: 'Pod', name: 'web', namespace: { a: 1 } } }) },
      { title: 'g', data: data({ scope: 'workload', workload: { documentIndex: 0, start: 0, kind: 'Deployment', name: 'nope' } }) },
      { title: 'h', data: data({ scope: 'workload', workload: { documentIndex: 'a', start: 'b', kind: 7, name: null } }) },
      { title: 'i', data: data({ scope: 'nonsense' }) },
      { title: 'j', data: data({ scope: 'file', version: 99 }) },
      { title: 'k', data: data({ scope: 'file', version: '1' }) },
      { title: 'l', data: { ...data({ scope: 'file' }), uri: 'file:///nowhere/never-opened.yaml' } },
      { title: 'm', data: { ...data({ scope: 'file' }), uri: 'untitled:Untitled-1' } },
      { title: 'n', data: null },
      { title: 'o' },
    ];
    for (const action of forged) {
      const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, action as CodeAction);
      assert.deepEqual(resolved, action, JSON.stringify(action));
    }
    // The genuine one, for comparison: it gets the edit of every fix of the file.
    const real = await client.connection.sendRequest(CodeActionResolveRequest.type, { title: 'Fix all', data: data({ scope: 'file' }) } as CodeAction);
    const edits = real.edit?.documentChanges?.[0];
    assert.ok(edits && 'edits' in edits && edits.edits.some((e) => 'newText' in e && e.newText.includes('privileged: false')), JSON.stringify(real));
    assert.deepEqual(client.logs.filter((l) => /failed/i.test(l)), []);
    await client.close(uri);
  });

  test('one URI closed and reopened under other language ids in a burst: the last open is what is published', async () => {
    const uri = client.uri('reopened.yaml');
    const fixed = POD.replace('privileged: true', 'privileged: false');
    const texts: [string, string][] = [['yaml', POD], ['json', fixed], ['plaintext', POD], ['helm', fixed], ['dockercompose', POD]];
    for (const [i, [languageId, text]] of texts.entries()) {
      await client.open(uri, text, languageId, 10 + i);
      await client.close(uri);
    }
    await client.open(uri, POD, 'yaml', 42);
    const last = await client.forVersion(uri, 42);
    assert.deepEqual(privileged(last)?.range, rangeIn(POD, 'privileged: true', 'true'));
    await client.close(uri);
    // Closing clears what was published for it.
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined, 'the diagnostics cleared on close');
  });

  test('a 3 MB edit in one change, then its removal: each version is answered with the finding moved and moved back', async () => {
    const uri = client.uri('big-edit.yaml');
    await client.open(uri, POD);
    await client.forVersion(uri, 1);
    const lines = 40_000;
    const block = `# ${'x'.repeat(78)}\n`.repeat(lines);
    const at = { line: 0, character: 0 };
    const grown = await client.change(uri, [{ range: { start: at, end: at }, text: block }]);
    const started = Date.now();
    const big = await client.forVersion(uri, grown);
    assert.ok(Date.now() - started < 5_000, `${Date.now() - started} ms`);
    const range = rangeIn(POD, 'privileged: true', 'true');
    assert.deepEqual(privileged(big)?.range, { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } });
    const shrunk = await client.change(uri, [{ range: { start: at, end: { line: lines, character: 0 } }, text: '' }]);
    assert.deepEqual(privileged(await client.forVersion(uri, shrunk))?.range, range);
    await client.close(uri);
  });

  test('requests and notifications for a document never opened: null, [], silence, and the server keeps answering', async () => {
    const ghost = client.uri('never-opened.yaml');
    assert.equal(await client.hover(ghost, 0, 0), null);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: ghost }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    assert.deepEqual(actions, []);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: POD }] });
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: ghost } });
    const uri = client.uri('after-ghost.yaml');
    await client.open(uri, POD);
    assert.ok(privileged(await client.forVersion(uri, 1)));
    assert.equal(client.published.filter((p) => p.uri === ghost && p.diagnostics.length > 0).length, 0, 'nothing published for the ghost');
    await client.close(uri);
  });

  test('LS, PS and NEL inside a quoted value (text there) and ending a comment are no line breaks for LSP: the finding after them is on the same line, at UTF-16 columns', async () => {
    const uri = client.uri('line-separator-in-value.yaml');
    const text = POD.replace('    - name: app\n', '    - name: "a\u2028p\u2029p\u0085"\n').replace('        privileged: true\n', '        privileged: true # note\u2028\n');
    await client.open(uri, text);
    const p = await client.forVersion(uri, 1);
    assert.deepEqual(privileged(p)?.range, rangeIn(text, 'privileged: true', 'true'));
    assert.equal(privileged(p)?.message, 'privileged (container "a\u2028p\u2029p\u0085" must not set securityContext.privileged=true)');
    await client.close(uri);
  });

  test('a comment ended by U+2028 does not hide `privileged: true` (go-yaml, which kubectl uses, breaks the line there)', async () => {
    const uri = client.uri('line-separator-comment.yaml');
    const text = POD.replace('      securityContext:\n        privileged: true\n', '      securityContext: # note\u2028        privileged: true\n');
    await client.open(uri, text);
    const p = await client.forVersion(uri, 1);
    assert.deepEqual(privileged(p)?.range, rangeIn(text, 'privileged: true', 'true'));
    await client.close(uri);
  });
});

describe('files on disk and URIs that change under open documents', () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = tempWorkspace({ 'ns.yaml': namespace('prod', { enforce: 'restricted' }), 'app.yaml': deployment('prod') });
    client = await TestClient.start({ root });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** The severity of the Deployment's explicit `runAsNonRoot: false` (1 error: restricted enforced; 2 warning). */
  const severity = (uri: string) => client.latest(uri)?.diagnostics.find((d) => d.code === 'runAsNonRoot')?.severity;

  test('the Namespace file deleted on disk: the open workload falls back to the default policy; the open file deleted: its text still counts', async () => {
    const app = client.uri('app.yaml');
    await client.open(app, deployment('prod'));
    await waitFor(() => severity(app) === 1, 'restricted enforced from ns.yaml');
    fs.rmSync(path.join(root, 'ns.yaml'));
    await client.fileChanged(path.join(root, 'ns.yaml'), FileChangeType.Deleted);
    await waitFor(() => severity(app) === 2, 'the default policy after ns.yaml is deleted');
    // The open document's own file deleted on disk: the editor's text is still what is checked.
    fs.rmSync(path.join(root, 'app.yaml'));
    await client.fileChanged(path.join(root, 'app.yaml'), FileChangeType.Deleted);
    const version = await client.change(app, [{ text: `${deployment('prod')}# edited\n` }]);
    const p = await client.forVersion(app, version);
    assert.deepEqual(pss(p.diagnostics).map((d) => d.code), ['runAsNonRoot']);
    // A Namespace written back on disk is read again.
    fs.writeFileSync(path.join(root, 'ns.yaml'), namespace('prod', { enforce: 'restricted' }));
    await client.fileChanged(path.join(root, 'ns.yaml'), FileChangeType.Created);
    await waitFor(() => severity(app) === 1, 'restricted enforced again');
    await client.close(app);
  });

  test('one file open under two spellings of its URI: closing one leaves the other\'s Namespace in force', async () => {
    const app = client.uri('app2.yaml');
    await client.open(app, deployment('staging'));
    await waitFor(() => severity(app) === 2, 'the default policy');
    const plain = client.uri('ns2.yaml');
    const encoded = plain.replace('ns2.yaml', '%6Es2.yaml');
    await client.open(plain, namespace('staging', { enforce: 'restricted' }));
    await waitFor(() => severity(app) === 1, 'restricted from the open Namespace');
    await client.open(encoded, 'a: 1\n');
    await waitFor(() => severity(app) === 2, 'the other spelling speaks for the file while it is open');
    await client.close(encoded);
    await client.change(plain, [{ text: `${namespace('staging', { enforce: 'restricted' })}# touched\n` }]);
    await waitFor(() => severity(app) === 1, () => `restricted again from the open Namespace; last: ${brief(client.latest(app)?.diagnostics ?? []).join(', ')}`, 3_000);
  });
});

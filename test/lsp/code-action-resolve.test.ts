// Lazy code actions over real JSON-RPC: a client that resolves `edit` (as VS Code and Neovim do) gets the fix-alls
// without their edits and `codeAction/resolve` fills them in, the same edits an eager client gets inline; an action
// resolved after the text changed comes back without an edit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeAction, CodeActionRequest, CodeActionResolveRequest, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: a
      image: nginx:1.25
      securityContext:
        privileged: true
    - name: b
      image: nginx:1.25
      securityContext:
        privileged: true
`;

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function actions(client: TestClient, uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } }) as Promise<CodeAction[]>;
}

describe('code actions resolved lazily', () => {
  let lazy: TestClient;
  let eager: TestClient;
  before(async () => {
    [lazy, eager] = await Promise.all([TestClient.start({ resolveCodeActions: true }), TestClient.start()]);
  });
  after(() => Promise.all([lazy.stop(), eager.stop()]));

  async function opened(client: TestClient): Promise<{ uri: string; privileged: Diagnostic }> {
    const uri = client.uri('pod.yaml');
    await client.open(uri, TEXT);
    const p = await client.forVersion(uri, 1);
    return { uri, privileged: p.diagnostics.find((d) => d.code === 'privileged')! };
  }

  test('resolveProvider is announced only to clients that resolve edits', () => {
    assert.equal((lazy.initializeResult.capabilities.codeActionProvider as { resolveProvider: boolean }).resolveProvider, true);
    assert.equal((eager.initializeResult.capabilities.codeActionProvider as { resolveProvider: boolean }).resolveProvider, false);
  });

  test('the fix-alls come without an edit and resolve to the edit an eager client gets inline; cheap fixes stay inline', async () => {
    const [l, e] = await Promise.all([opened(lazy), opened(eager)]);
    const lazyActions = await actions(lazy, l.uri, l.privileged.range, [l.privileged]);
    const eagerActions = await actions(eager, e.uri, e.privileged.range, [e.privileged]);
    assert.deepEqual(lazyActions.map((a) => a.title), eagerActions.map((a) => a.title));
    const byTitle = (list: CodeAction[], title: string) => list.find((a) => a.title === title)!;
    for (const title of ['Fix all privileged problems', 'Make Pod/web restricted-compliant']) {
      const unresolved = byTitle(lazyActions, title);
      assert.equal(unresolved.edit, undefined, title);
      assert.ok(unresolved.data, title);
      const resolved = await lazy.connection.sendRequest(CodeActionResolveRequest.type, unresolved);
      assert.deepEqual(resolved.edit, byTitle(eagerActions, title).edit, title);
    }
    const preferred = byTitle(lazyActions, 'Set privileged: false');
    assert.deepEqual(preferred.edit, byTitle(eagerActions, 'Set privileged: false').edit, 'a diagnostic\'s own fix is inline');
    const [source] = await actions(lazy, l.uri, START, [], ['source.fixAll']);
    const [eagerSource] = await actions(eager, e.uri, START, [], ['source.fixAll']);
    assert.equal(source.edit, undefined);
    assert.deepEqual((await lazy.connection.sendRequest(CodeActionResolveRequest.type, source)).edit, eagerSource.edit);
  });

  test('an action resolved after the text changed gets no edit', async () => {
    const uri = lazy.uri('pod.yaml');
    const p = lazy.latest(uri)!;
    const [stale] = (await actions(lazy, uri, START, [], ['source.fixAll']));
    await lazy.change(uri, [{ range: START, text: '# changed\n' }]);
    await lazy.forVersion(uri, p.version! + 1);
    const resolved = await lazy.connection.sendRequest(CodeActionResolveRequest.type, stale);
    assert.equal(resolved.edit, undefined);
  });
});

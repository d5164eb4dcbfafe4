// Code actions over real JSON-RPC: the fixed order per diagnostic, isPreferred, source.fixAll.podsec, and applying
// the returned WorkspaceEdit gives the golden text, which the server then re-checks clean.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionRequest, Diagnostic, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { pss, TestClient } from './client';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web   # the web pod
spec:
  containers:
    - name: app
      image: nginx
      securityContext:
        privileged: true
`;

const RESTRICTED = `${POD.replace('privileged: true', 'privileged: false')}        allowPrivilegeEscalation: false
        capabilities:
          drop:
            - ALL
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
`;

describe('code actions', () => {
  let client: TestClient;
  const uri = () => client.uri('pod.yaml');

  before(async () => {
    client = await TestClient.start({ settings: { fix: { nonRootUserId: 2000 } } });
  });
  after(() => client.stop());

  function request(range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri() }, range, context: { diagnostics, only } }) as Promise<CodeAction[]>;
  }

  function apply(text: string, action: CodeAction, version: number): string {
    const [change] = action.edit!.documentChanges! as TextDocumentEdit[];
    assert.deepEqual(change.textDocument, { uri: uri(), version });
    return TextDocument.applyEdits(TextDocument.create(uri(), 'yaml', version, text), change.edits as TextEdit[]);
  }

  test('a privileged diagnostic: preferred fix first, then disable line, disable document, documentation', async () => {
    await client.open(uri(), POD, 'yaml', 1);
    const published = await client.forVersion(uri(), 1);
    const diagnostic = pss(published.diagnostics).find((d) => d.code === 'privileged')!;
    const actions = await request(diagnostic.range, [diagnostic], ['quickfix']);
    assert.deepEqual(actions.map((a) => `${a.title}${a.isPreferred ? ' *' : ''}`), [
      'Set privileged: false *',
      'Disable privileged for this line',
      'Disable privileged for this document',
      'Show documentation for privileged',
    ]);
    assert.equal(apply(POD, actions[0], 1), POD.replace('privileged: true', 'privileged: false'));
    assert.equal(apply(POD, actions[1], 1), POD.replace('        privileged: true', '        # podsec-disable-next-line privileged\n        privileged: true'));
    assert.equal(actions[3].command?.command, 'podsec.showDocumentation');
    await client.close(uri());
  });

  test('source.fixAll.podsec fixes everything that has a preferred fix; the server then reports nothing', async () => {
    await client.open(uri(), POD, 'yaml', 1);
    await client.forVersion(uri(), 1);
    const [fixAll, ...rest] = await request({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.deepEqual(rest, []);
    assert.equal(fixAll.kind, 'source.fixAll.podsec');
    const fixed = apply(POD, fixAll, 1);
    assert.equal(fixed, RESTRICTED);
    await client.change(uri(), [{ text: fixed }]);
    const after = await client.forVersion(uri(), 2);
    assert.deepEqual(pss(after.diagnostics), []);
    await client.close(uri());
  });

  test('runAsUser uses the podsec.fix.nonRootUserId setting and is not preferred', async () => {
    const text = RESTRICTED.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    runAsUser: 0\n');
    await client.open(uri(), text, 'yaml', 1);
    const published = await client.forVersion(uri(), 1);
    const diagnostic = pss(published.diagnostics).find((d) => d.code === 'runAsUser')!;
    const [fix] = await request(diagnostic.range, [diagnostic]);
    assert.match(fix.title, /^Set runAsUser: 2000 /);
    assert.equal(fix.isPreferred, undefined);
    assert.equal(apply(text, fix, 1), text.replace('runAsUser: 0', 'runAsUser: 2000'));
    await client.close(uri());
  });
});

// Requests a well-behaved editor does not send: an initialize with malformed capabilities and workspace folders, code
// actions whose context holds malformed diagnostics or is missing, and requests after `shutdown`, which the protocol
// says must fail with InvalidRequest.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  CodeAction, CodeActionRequest, createProtocolConnection, DidOpenTextDocumentNotification, ErrorCodes, ExitNotification, InitializedNotification,
  InitializeRequest, PublishDiagnosticsNotification, PublishDiagnosticsParams, ResponseError, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { rangeIn, SERVER, TestClient, waitFor } from './client';
import { POD } from './fixtures';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('adversarial requests', () => {
  test('initialize with malformed capabilities, workspace folders and root: the server still checks documents', async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const published: PublishDiagnosticsParams[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => { published.push(p); });
    connection.listen();
    try {
      await connection.sendRequest(InitializeRequest.type, {
        processId: null,
        rootUri: 7,
        workspaceFolders: [null, { uri: 5, name: 'x' }],
        initializationOptions: 'not an object',
        // `properties` is missing from resolveSupport.
        capabilities: { textDocument: { codeAction: { resolveSupport: {} } } },
      } as never);
      await connection.sendNotification(InitializedNotification.type, {});
      const uri = 'file:///nowhere/pod.yaml';
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } });
      const p = await waitFor(() => published.find((x) => x.uri === uri && x.version === 1), 'diagnostics');
      assert.ok(p.diagnostics.some((d) => d.code === 'privileged'));
    } finally {
      connection.dispose();
      proc.kill();
    }
  });

  test('malformed diagnostics in a code action request do not cost the well-formed one its fixes', async () => {
    const client = await TestClient.start();
    try {
      const uri = client.uri('pod.yaml');
      await client.open(uri, POD);
      const privileged = (await client.forVersion(uri, 1)).diagnostics.find((d) => d.code === 'privileged')!;
      const diagnostics = [null, 5, { message: 'no range' }, { message: 'bad range', range: { start: { line: 'a' }, end: {} } }, privileged];
      const actions = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: privileged.range, context: { diagnostics, only: ['quickfix', 7] },
      } as never) as CodeAction[];
      const fix = actions.find((a) => a.title === 'Set privileged: false');
      assert.ok(fix, actions.map((a) => a.title).join(', '));
      assert.deepEqual(fix.edit?.documentChanges, [{ textDocument: { uri, version: 1 }, edits: [{ range: rangeIn(POD, 'privileged: true', 'true'), newText: 'false' }] }]);
      // Without a context, the actions that need no diagnostics are still offered.
      const bare = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: privileged.range } as never) as CodeAction[];
      assert.deepEqual(bare.map((a) => a.title), ['Make Pod/web restricted-compliant']);
      assert.ok(!client.logs.some((l) => l.includes('Code actions failed')), client.logs.join('\n'));
    } finally {
      await client.stop();
    }
  });

  test('after shutdown, requests fail with InvalidRequest and nothing more is published; exit then ends the process', async () => {
    const client = await TestClient.start();
    const uri = client.uri('pod.yaml');
    await client.open(uri, POD);
    await client.forVersion(uri, 1);
    await client.connection.sendRequest(ShutdownRequest.type);
    const error = await client.hover(uri, 13, 10).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ResponseError, String(error));
    assert.equal(error.code, ErrorCodes.InvalidRequest);
    const published = client.published.length;
    await client.change(uri, [{ text: POD.replace('privileged: true', 'privileged: false') }]);
    // A request is answered after the change is handled: by then a check would have been scheduled.
    await client.hover(uri, 0, 0).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(client.published.length, published, 'no publication after shutdown');
    await client.connection.sendNotification(ExitNotification.type);
    await waitFor(() => !isRunning(client.pid!), 'the server process to end');
    await client.stop();
  });
});

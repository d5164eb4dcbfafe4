// The stdio encoder: a publication's diagnostics serialised one by one (and remembered) give exactly the bytes
// JSON.stringify gives for the whole message; other messages are JSON.stringify's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosticsJsonEncoder } from '../../../server/src/lsp/transport';

const options = { charset: 'utf-8' as const };

async function encoded(message: object, encoder = diagnosticsJsonEncoder()): Promise<string> {
  return Buffer.from(await encoder.encode(message as never, options)).toString('utf8');
}

test('a publication is written as JSON.stringify writes it, with the same diagnostic objects serialised once', async () => {
  const d1 = { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } }, severity: 1, source: 'podsec', code: 'privileged', message: 'privileged (container "ä" must not…)\nnote', data: { ruleId: 'privileged' } };
  const d2 = { ...d1, message: 'second', tags: [1], codeDescription: { href: 'https://x.example/#b' } };
  const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a%20b.yaml', version: 7, diagnostics: [d1, d2] } };
  const encoder = diagnosticsJsonEncoder();
  assert.equal(await encoded(message, encoder), JSON.stringify(message));
  // Remembered by object: the same objects give the same text again, in any order.
  const again = { ...message, params: { ...message.params, version: 8, diagnostics: [d2, d1, d2] } };
  assert.equal(await encoded(again, encoder), JSON.stringify(again));
});

test('other messages, empty publications and a publication without a version are JSON.stringify\'s', async () => {
  const messages = [
    { jsonrpc: '2.0', id: 3, result: { contents: { kind: 'markdown', value: 'x' } } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [] } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', version: undefined, diagnostics: [{ message: 'm' }] } },
  ];
  for (const m of messages) assert.equal(await encoded(m), JSON.stringify(m));
});

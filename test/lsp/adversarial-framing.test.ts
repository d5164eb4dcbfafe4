// The byte stream itself, over stdio: a message whose header has no Content-Length leaves the stream out of step
// for good, so the server exits (a client then starts a fresh one) instead of staying alive and deaf; an initialize
// with `capabilities: null` is answered like one with no capabilities.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { SERVER } from './client';

function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe('adversarial framing', () => {
  test('a header without Content-Length: the server says why on stderr and exits with 1', async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => proc.kill(), 10_000);
    proc.stdin.write('Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}');
    const [code] = await once(proc, 'exit');
    clearTimeout(timer);
    assert.equal(code, 1);
    assert.match(stderr, /message stream is broken \(Header must provide a Content-Length property/);
  });

  test('initialize with capabilities: null is answered, as with no capabilities', async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      let out = '';
      const answered = new Promise<string>((resolve) => {
        proc.stdout.on('data', (d) => {
          out += d;
          if (out.includes('"id":1')) resolve(out);
        });
      });
      proc.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: null } }));
      const text = await Promise.race([answered, new Promise<string>((_, reject) => setTimeout(() => reject(new Error(`no answer: ${out}`)), 10_000))]);
      assert.match(text, /"result":\{"capabilities":\{/);
      assert.doesNotMatch(text, /"error"/);
    } finally {
      proc.kill();
    }
  });
});

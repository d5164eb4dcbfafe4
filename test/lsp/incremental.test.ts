// Incremental sync and bursts over real JSON-RPC: changes are applied as ranges, several changes in one
// notification and CRLF text included; a burst of 1,000 edits sent without waiting ends with the diagnostics of the
// last version, never goes back to an older one, and leaves the server's memory near its steady level.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

/** A multi-document manifest: a workload per document, some of them breaking baseline. */
function manifest(documents: number, eol = '\n'): string {
  const docs: string[] = [];
  for (let i = 0; i < documents; i++) {
    docs.push([
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: app-${i}`, 'spec:', '  template:', '    spec:',
      '      containers:', `        - name: c${i}`, '          image: nginx:1.25', '          securityContext:',
      `            privileged: ${i % 3 === 0}`, '',
    ].join(eol));
  }
  return docs.join(`---${eol}`);
}

const fingerprint = (p: PublishDiagnosticsParams) => JSON.stringify(p.diagnostics);

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

describe('incremental sync', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  test('incremental sync is advertised', () => {
    assert.deepEqual(client.initializeResult.capabilities.textDocumentSync, { openClose: true, change: 2 });
  });

  test('several range changes in one notification, on CRLF text, give what opening the final text gives', async () => {
    const text = manifest(6, '\r\n');
    const uri = client.uri('crlf.yaml');
    await client.open(uri, text);
    await client.forVersion(uri, 1);
    // Line 11 is document 0's `privileged: true`; document 1 starts at line 13, its name on 16, its container's on 21.
    // Each change applies to the text the changes before it left.
    const version = await client.change(uri, [
      { range: { start: { line: 11, character: 24 }, end: { line: 11, character: 28 } }, text: 'false' },
      { range: { start: { line: 16, character: 13 }, end: { line: 16, character: 13 } }, text: '\r\n  labels: {a: b}' },
      { range: { start: { line: 22, character: 16 }, end: { line: 22, character: 18 } }, text: 'renamed-c1' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\r\n' },
    ]);
    const changed = await client.forVersion(uri, version);
    const expected = `# edited\r\n${text}`
      .replace('privileged: true', 'privileged: false')
      .replace('name: app-1\r\n', 'name: app-1\r\n  labels: {a: b}\r\n')
      .replace('- name: c1\r\n', '- name: renamed-c1\r\n');
    const fresh = client.uri('crlf-fresh.yaml');
    await client.open(fresh, expected);
    assert.equal(fingerprint(changed), fingerprint(await client.forVersion(fresh, 1)));
    assert.ok(!changed.diagnostics.some((d) => d.code === 'privileged' && d.range.start.line === 12), 'the first document is fixed');
    assert.ok(changed.diagnostics.some((d) => String(d.message).includes('"renamed-c1"') && d.range.start.line === 23), 'the renamed container, one line down');
  });

  test('1,000 edits sent without waiting: versions only go up, the last one is published, memory stays near its steady level', async () => {
    const text = manifest(60);
    const uri = client.uri('burst.yaml');
    const line = text.split('\n').findIndex((l) => l.includes('image: nginx'));
    const type = (k: number) => (k % 2 === 0
      ? { range: { start: { line, character: 18 }, end: { line, character: 18 } }, text: 'x' }
      : { range: { start: { line, character: 18 }, end: { line, character: 19 } }, text: '' });
    await client.open(uri, text);
    const opened = await client.forVersion(uri, 1);
    // Warm up, then take the steady memory use.
    let version = 1;
    for (let k = 0; k < 20; k++) version = await client.change(uri, [type(k)]);
    await client.forVersion(uri, version);
    const steady = rssKb(client.pid!);
    const firstOfBurst = client.published.length;
    const sends: Promise<number>[] = [];
    for (let k = 0; k < 1000; k++) sends.push(client.change(uri, [type(k)]));
    const versions = await Promise.all(sends);
    const last = versions[versions.length - 1];
    const final = await client.forVersion(uri, last);
    const published = client.published.slice(firstOfBurst).filter((p) => p.uri === uri).map((p) => p.version!);
    for (let i = 1; i < published.length; i++) assert.ok(published[i] > published[i - 1], `published versions go up: ${published.join(', ')}`);
    assert.equal(published[published.length - 1], last);
    assert.ok(published.length < 100, `most superseded versions are skipped (${published.length} published for 1,000 edits)`);
    assert.equal(fingerprint(final), fingerprint(opened), 'an even number of edits restores the text');
    const after = rssKb(client.pid!);
    assert.ok(after < 2 * steady, `RSS ${Math.round(after / 1024)} MB after the burst, ${Math.round(steady / 1024)} MB before`);
  });
});

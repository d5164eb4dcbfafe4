// Text sync under inputs a well-behaved editor does not send: ranges past the last line, negative, fractional or
// reversed positions, CRLF and surrogate pairs split across changes, full-text changes mixed with range changes,
// malformed changes, a document opened twice and new text under a version already used. After each, the server's
// text must be what the client's is (its diagnostics equal those of the same text opened in a fresh server), every
// range must lie in the text, and the last publication must be for the current version.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TestClient, waitFor } from './client';
import { deployment, POD } from './fixtures';

type Position = { line: number; character: number };

/** Line starts as LSP counts lines (CRLF, LF and a lone CR each end one). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') starts.push(++i + 1);
    else if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  return starts;
}

/** The offset of a position, clamped as editors clamp it (past the end: the end; past a line's end: its end). */
function offsetAt(text: string, position: Position): number {
  const p = { line: Math.floor(position.line), character: Math.floor(position.character) };
  const starts = lineStarts(text);
  if (p.line >= starts.length) return text.length;
  if (p.line < 0) return 0;
  let end = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  while (end > starts[p.line] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.min(starts[p.line] + Math.max(p.character, 0), end);
}

/** What the client's text becomes after the changes, each applied to the text the previous ones left. */
function applied(text: string, changes: TextDocumentContentChangeEvent[]): string {
  for (const change of changes) {
    if (!('range' in change)) {
      text = change.text;
      continue;
    }
    const [a, b] = [offsetAt(text, change.range.start), offsetAt(text, change.range.end)].sort((x, y) => x - y);
    text = text.slice(0, a) + change.text + text.slice(b);
  }
  return text;
}

function outside(text: string, diagnostics: Diagnostic[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return diagnostics.flatMap((d) => [d.range.start, d.range.end]
    .filter((p) => !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.line >= lines.length || p.character < 0 || p.character > lines[p.line].length)
    .map((p) => `${d.code} at ${JSON.stringify(p)}`));
}

const fingerprint = (p: PublishDiagnosticsParams) => JSON.stringify(p.diagnostics);

describe('adversarial text sync', () => {
  let client: TestClient;
  /** A second server that only ever has the expected text open, under the same name. */
  let reference: TestClient;
  before(async () => {
    [client, reference] = await Promise.all([TestClient.start(), TestClient.start()]);
  });
  after(() => Promise.all([client.stop(), reference.stop()]));

  async function expectText(uri: string, version: number, text: string, what: string): Promise<void> {
    const got = await client.forVersion(uri, version);
    assert.deepEqual(outside(text, got.diagnostics), [], `${what}: ranges inside the text`);
    await reference.open(uri, text);
    const want = await reference.forVersion(uri, 1);
    await reference.close(uri);
    assert.equal(fingerprint(got), fingerprint(want), `${what}: the server's text is the client's (${JSON.stringify(text.slice(-60))})`);
  }

  test('a range past the last line, then an edit on the line it added: the text is not garbled', async () => {
    const uri = client.uri('past-end.yaml');
    let text = POD;
    await client.open(uri, text);
    await client.forVersion(uri, 1);
    const lines = lineStarts(text).length;
    // Both ends past the end, one line apart, inserting one line break.
    const pastEnd = [{ range: { start: { line: lines + 2, character: 0 }, end: { line: lines + 3, character: 0 } }, text: '\n' }];
    text = applied(text, pastEnd);
    await expectText(uri, await client.change(uri, pastEnd), text, 'after the change past the end');
    // The line that change added: the library's line table had a hole there, and this edit copied the text.
    const onNewLine = [{ range: { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } }, text: '# tail' }];
    text = applied(text, onNewLine);
    assert.equal(text, `${POD}\n# tail`);
    await expectText(uri, await client.change(uri, onNewLine), text, 'after an edit on the added line');
    await client.close(uri); // its workloads count in other documents' cross-file findings
  });

  test('negative, fractional and reversed positions, split CRLF and surrogate pairs, full text between range changes', async () => {
    const uri = client.uri('odd-ranges.yaml');
    let text = POD.replace(/\n/g, '\r\n');
    await client.open(uri, text);
    await client.forVersion(uri, 1);
    const privileged = lineStarts(text).findIndex((s) => text.startsWith('        privileged', s));
    const batches: TextDocumentContentChangeEvent[][] = [
      [{ range: { start: { line: -3, character: 4 }, end: { line: -1, character: -2 } }, text: '# negative\r\n' }],
      [{ range: { start: { line: privileged + 1, character: 999 }, end: { line: privileged + 1, character: 0 } }, text: '' }],
      [{ range: { start: { line: 3.7, character: 2.5 }, end: { line: 3.2, character: 2.9 } }, text: 'x' }],
      // `\r` and `\n` of one line break sent as two changes, then a surrogate pair in two halves.
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a\r' },
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }],
      [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '# \ud83d' },
        { range: { start: { line: 2, character: 3 }, end: { line: 2, character: 3 } }, text: '\ude00 emoji\r\n' }],
      [{ text: POD }, { range: { start: { line: 500, character: 0 }, end: { line: 501, character: 0 } }, text: '\n' },
        { range: { start: { line: 19, character: 0 }, end: { line: 19, character: 0 } }, text: 'x: 😀\n' }],
    ];
    for (const [i, changes] of batches.entries()) {
      text = applied(text, changes);
      await expectText(uri, await client.change(uri, changes), text, `batch ${i}`);
    }
    // The privileged finding sits after the emoji line, at UTF-16 columns.
    const last = client.latest(uri)!;
    const d = last.diagnostics.find((x) => x.code === 'privileged')!;
    const starts = lineStarts(text);
    assert.equal(text.slice(starts[d.range.start.line] + d.range.start.character, starts[d.range.end.line] + d.range.end.character), 'true');
    await client.close(uri); // its workloads count in other documents' cross-file findings
  });

  test('random edits at random (often impossible) places keep the server and the client on the same text', async () => {
    const uri = client.uri('random.yaml');
    let text = POD + deployment('team');
    await client.open(uri, text);
    await client.forVersion(uri, 1);
    let seed = 5; // with the library's line table unguarded, this sequence garbles the text in round 3
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const below = (n: number) => Math.floor(random() * n);
    const pieces = ['x', '', '\n', '\r', '\r\n', '😀', '\ud83d', '\ude00', 'privileged: true\n', '---\n', '\t', 'a\r\nb'];
    const position = (lines: number): Position => {
      const r = random();
      if (r < 0.15) return { line: lines + below(2), character: below(10) };
      if (r < 0.15) return { line: -1 - below(3), character: below(5) };
      if (r < 0.25) return { line: below(lines), character: 200 };
      return { line: below(lines), character: below(30) };
    };
    for (let round = 0; round < 40; round++) {
      let version = 0;
      for (let message = 0; message < 4; message++) {
        const changes = Array.from({ length: 1 + below(3) }, () => {
          const change = random() < 0.03
            ? { text: POD }
            : { range: { start: position(lineStarts(text).length), end: position(lineStarts(text).length) }, text: pieces[below(pieces.length)] };
          text = applied(text, [change]);
          return change;
        });
        version = await client.change(uri, changes);
      }
      await expectText(uri, version, text, `round ${round}`);
    }
    await client.close(uri); // its workloads count in other documents' cross-file findings
  });

  test('malformed changes are skipped, the well-formed ones applied, and the version still moves', async () => {
    const uri = client.uri('malformed.yaml');
    await client.open(uri, POD);
    await client.forVersion(uri, 1);
    const line = lineStarts(POD).findIndex((s) => POD.startsWith('        privileged', s));
    const good = { range: { start: { line, character: 20 }, end: { line, character: 24 } }, text: 'false' };
    const changes = [null, { text: 5 }, { range: { start: { line: 'a' } }, text: 'x' }, good, { range: { start: { line: 0, character: null }, end: { line: 0, character: 1 } }, text: 'y' }];
    const version = await client.change(uri, changes as unknown as TextDocumentContentChangeEvent[]);
    await expectText(uri, version, POD.replace('privileged: true', 'privileged: false'), 'after malformed changes');
    await waitFor(() => client.logs.some((l) => l.includes(`Ignored 4 malformed change(s) of ${uri}`)), 'the skipped changes are logged');
    await client.close(uri); // its workloads count in other documents' cross-file findings
  });

  test('a document opened twice with one version, and new text under a version already used, are checked again', async () => {
    const uri = client.uri('reused-version.yaml');
    const fixed = POD.replace('privileged: true', 'privileged: false');
    await client.open(uri, POD, 'yaml', 3);
    await client.forVersion(uri, 3);
    const hasPrivileged = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'privileged');
    assert.ok(hasPrivileged(client.latest(uri)!));
    await client.open(uri, fixed, 'yaml', 3);
    await client.diagnostics(uri, (p) => p.version === 3 && !hasPrivileged(p), 'the second open\'s diagnostics');
    await expectText(uri, 3, fixed, 'after the second open');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: POD }] });
    await client.diagnostics(uri, (p) => p.version === 3 && hasPrivileged(p), 'the diagnostics of the text sent under version 3 again');
    await expectText(uri, 3, POD, 'after new text under the same version');
    // Hover answers from the current text too: `privileged` is where the new text has it.
    const line = lineStarts(POD).findIndex((s) => POD.startsWith('        privileged', s));
    const hover = await client.hover(uri, line, 10);
    assert.match(JSON.stringify(hover?.contents), /privileged/i);
    await client.close(uri); // its workloads count in other documents' cross-file findings
  });
});

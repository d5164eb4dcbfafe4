/**
 * The server's analysis of an open document, edit after edit, against lintParsed over the whole text with the same
 * options (the settings' config, the workspace index under the file's key, the default namespace): the same
 * findings, and the same diagnostics as converting those findings afresh, although the server keeps each
 * unchanged document's diagnostics and moves them down or up when lines are added or removed above them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { factsOfText } from '../../../server/src/engine/incremental';
import { analyse, Analysis, lintWhole } from '../../../server/src/lsp/analysis';
import { toDiagnostics } from '../../../server/src/lsp/convert';
import { effectiveSettings } from '../../../server/src/lsp/settings';
import { WorkspaceIndex } from '../../../server/src/lsp/workspace-index';
import { CORPUS } from '../fuzz/corpus';
import { joinDocuments, NAMESPACE_PROD, pod, SERVICE_ACCOUNT } from './helpers';

const URI = 'file:///w/open.yaml';
const FILE = '/w/open.yaml';

/** An edit as an editor sends it: replace a range (line, character) with text. */
const editArb = fc.record({
  line: fc.nat({ max: 120 }),
  character: fc.nat({ max: 40 }),
  length: fc.nat({ max: 6 }),
  text: fc.constantFrom('x', '', '\n', '\r\n', '  ', '---\n', 'true', '"', '\n- name: extra\n'),
});

test('property: findings and diagnostics after each edit equal a fresh whole-file lint and conversion', async () => {
  const index = new WorkspaceIndex();
  index.updateOpen('file:///w/other.yaml', factsOfText(joinDocuments(NAMESPACE_PROD, SERVICE_ACCOUNT), '/w/other.yaml'));
  const effective = effectiveSettings({ warn: 'baseline', rules: { resources: 'off', imageTag: 'error' } });
  fc.assert(fc.property(fc.array(fc.nat({ max: CORPUS.length - 1 }), { minLength: 2, maxLength: 4 }), fc.array(editArb, { minLength: 1, maxLength: 8 }), (docs, edits) => {
    const doc = TextDocument.create(URI, 'yaml', 1, joinDocuments(pod('a'), ...docs.map((d) => CORPUS[d]), pod('b', 'default')));
    let previous: Analysis | undefined;
    let version = 1;
    const check = () => {
      const analysis = analyse({ live: doc, settings: { effective }, index, onRuleError: () => {}, previous });
      const whole = lintWhole(doc.getText(), effective, index, FILE);
      assert.deepStrictEqual(analysis.state!.findings, whole);
      assert.deepStrictEqual(analysis.diagnostics, toDiagnostics(whole, doc));
      previous = analysis;
    };
    check();
    for (const e of edits) {
      const line = e.line % doc.lineCount;
      const start = { line, character: e.character };
      const end = doc.positionAt(doc.offsetAt(start) + e.length);
      TextDocument.update(doc, [{ range: { start, end }, text: e.text }], ++version);
      check();
    }
    // Closing forgets the document's facts; the other file's stay.
    void index.closed(URI);
  }), { numRuns: 40 });
});

test('opening a file: the index\'s facts decide the order of work, never the findings', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-open-'));
  try {
    // Pods before the Namespace that sets their policy: linted before the file's facts are known, they read them stale.
    const text = joinDocuments(pod('a'), pod('b', 'team'), pod('c'), NAMESPACE_PROD);
    const file = path.join(dir, 'open.yaml');
    fs.writeFileSync(file, text);
    const uri = `file://${file}`;
    const effective = effectiveSettings({});
    const open = (index: WorkspaceIndex) => analyse({ live: TextDocument.create(uri, 'yaml', 1, text), settings: { effective }, index, onRuleError: () => {} });

    // Not read yet (a file outside the workspace): parsed whole first, so each document is linted once.
    const unknown = new WorkspaceIndex();
    assert.equal(unknown.hasRead(uri), false);
    const first = open(unknown);
    assert.deepEqual(first.lint!.stats, { units: 4, reused: 0, linted: 4, checked: 0, relinted: 0 });
    assert.deepStrictEqual(first.state!.findings, lintWhole(text, effective, unknown, file));

    // Read from disk already: each document is linted as it is parsed; the facts it read were already right.
    const known = new WorkspaceIndex();
    await known.indexFolder(dir, { maxFileSize: 1_000_000, isExcluded: () => false });
    assert.equal(known.hasRead(uri), true);
    const again = open(known);
    assert.deepEqual(again.lint!.stats, { units: 4, reused: 0, linted: 4, checked: 0, relinted: 0 });
    assert.deepStrictEqual(again.state!.findings, first.state!.findings);
    assert.deepStrictEqual(again.diagnostics, first.diagnostics);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

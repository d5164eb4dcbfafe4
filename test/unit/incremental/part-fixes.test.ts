/**
 * Code actions computed document by document (the server's parts) give what they give on the whole file: the same
 * actions in the same order, the same edits for a diagnostic's own fixes and suppression comments, and fix-alls that
 * turn the text into the same fixed text. The engine's fixAllInParts gives fixAll's text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { fixAll, fixAllInParts, NamespaceIndex, parseManifest, PolicyResolver } from '../../../server/src/engine';
import { slicesOf } from '../../../server/src/engine/incremental';
import { analyse } from '../../../server/src/lsp/analysis';
import { provideCodeActions } from '../../../server/src/lsp/code-actions';
import type { DocumentState } from '../../../server/src/lsp/document-state';
import { effectiveSettings } from '../../../server/src/lsp/settings';
import { WorkspaceIndex } from '../../../server/src/lsp/workspace-index';
import { manifestArb } from '../fixes/manifest-gen';
import { CORPUS } from '../fuzz/corpus';
import { joinDocuments, NAMESPACE_PROD, pod } from './helpers';

const URI = 'file:///w/parts.yaml';
const SETTINGS = { nonRootUserId: 1000 };

/** The server's state for a text (in parts), and the same findings on the whole parse (one part). */
function states(text: string): { parts: DocumentState; whole: DocumentState; diagnostics: Diagnostic[] } {
  const live = TextDocument.create(URI, 'yaml', 3, text);
  const analysis = analyse({ live, settings: { effective: effectiveSettings({}) }, index: new WorkspaceIndex(), onRuleError: () => {} });
  const parts = analysis.state!;
  const whole: DocumentState = { uri: URI, version: 3, document: parts.document, parsed: parseManifest(text), findings: parts.findings, policyFor: parts.policyFor };
  return { parts, whole, diagnostics: analysis.diagnostics };
}

function apply(text: string, action: CodeAction): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  return TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 3, text), change.edits as TextEdit[]);
}

/** Actions with their edits, except fix-alls, which are compared by the text they give. */
function comparable(text: string, actions: CodeAction[]): unknown[] {
  return actions.map((a) => {
    const fixAllLike = /^(Fix all|Make )/.test(a.title) || a.kind === 'source.fixAll.podsec';
    return { title: a.title, kind: a.kind, isPreferred: a.isPreferred, command: a.command, result: a.edit && (fixAllLike ? apply(text, a) : a.edit) };
  });
}

function assertSameActions(text: string): void {
  const { parts, whole, diagnostics } = states(text);
  assert.ok(parts.parts!.length > 1 || slicesOf(text).length === 1);
  for (const d of diagnostics) {
    const params = { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } };
    assert.deepEqual(comparable(text, provideCodeActions(params, parts, SETTINGS)), comparable(text, provideCodeActions(params, whole, SETTINGS)), `${d.code} at ${JSON.stringify(d.range)}`);
  }
  const all = { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } };
  assert.deepEqual(comparable(text, provideCodeActions(all, parts, SETTINGS)), comparable(text, provideCodeActions(all, whole, SETTINGS)));
}

test('a multi-document file: every diagnostic\'s actions, and source.fixAll, per part as on the whole file', () => {
  assertSameActions(joinDocuments(NAMESPACE_PROD, pod('a'), CORPUS[0], pod('b', 'default'), CORPUS[1]));
});

test('property: generated multi-document manifests, in block, flow and CRLF styles', () => {
  fc.assert(fc.property(fc.array(manifestArb, { minLength: 2, maxLength: 3 }), (manifests) => {
    // JSON files hold one document each; a JSON document among YAML ones is rewritten on the whole-file path.
    assertSameActions(manifests.join('---\n'));
  }), { numRuns: 8 });
});

test('fixAllInParts gives fixAll\'s text, touching only the parts asked for', () => {
  const text = joinDocuments(pod('a'), CORPUS[0], pod('b'));
  const policy = new PolicyResolver({ level: 'restricted' }, new NamespaceIndex());
  const parts = slicesOf(text).map((s, i) => ({ ...s, documentBase: i }));
  const whole = fixAll(text, { lint: { policy } });
  const piecewise = fixAllInParts(text, parts, { lint: { policy } });
  assert.equal(piecewise.text, whole.text);
  assert.equal(piecewise.applied, whole.applied);
  const onlyFirst = fixAllInParts(text, parts, { lint: { policy }, worthFixing: (p) => p.documentBase === 0 });
  assert.ok(onlyFirst.text.endsWith(text.slice(parts[1].start)), 'the other parts are left as they are');
  assert.notEqual(onlyFirst.text, text);
});

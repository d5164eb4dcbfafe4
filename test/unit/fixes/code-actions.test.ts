/** provideCodeActions called directly with a DocumentState (no connection), as json-ls tests call their service. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionParams, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { lintParsed, NamespaceIndex, parseManifest, PolicyResolver } from '../../../server/src/engine';
import type { Level } from '../../../server/src/engine';
import { FIX_ALL_KIND, provideCodeActions, RESTRICT_WORKLOAD_KIND, SHOW_DOCUMENTATION_COMMAND } from '../../../server/src/lsp/code-actions';
import type { DocumentState } from '../../../server/src/lsp/document-state';
import { toDiagnostics } from '../../../server/src/lsp/convert';

const URI = 'file:///w/pod.yaml';
const SETTINGS = { nonRootUserId: 1000 };

function stateOf(text: string, level?: Level): { state: DocumentState; diagnostics: Diagnostic[] } {
  const parsed = parseManifest(text);
  const resolver = new PolicyResolver(level ? { level } : {}, new NamespaceIndex());
  const findings = lintParsed(parsed, { policy: resolver });
  const document = TextDocument.create(URI, 'yaml', 7, text);
  const state: DocumentState = { uri: URI, version: 7, document, parsed, findings, policyFor: (ns) => resolver.forObject({ namespace: ns }) };
  // Only the Pod Security diagnostics: the hardening rules add their own to the same manifests.
  return { state, diagnostics: toDiagnostics(findings.filter((f) => f.category === 'pss'), document) };
}

function params(diagnostics: Diagnostic[], only?: string[], range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }): CodeActionParams {
  return { textDocument: { uri: URI }, range, context: { diagnostics, only } };
}

function apply(text: string, action: CodeAction): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  assert.deepEqual(change.textDocument, { uri: URI, version: 7 });
  return TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 7, text), change.edits as TextEdit[]);
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: a
      securityContext:
        privileged: true
    - name: b
      securityContext:
        privileged: true
`;

test('per diagnostic, in a fixed order: fix (preferred), fix all of the rule, disable line, disable document, docs', () => {
  const { state, diagnostics } = stateOf(POD, 'baseline');
  const actions = provideCodeActions(params([diagnostics[0]]), state, SETTINGS);
  assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
    ['Set privileged: false', 'quickfix', true],
    ['Fix all privileged problems', 'quickfix', false],
    ['Disable privileged for this line', 'quickfix', false],
    ['Disable privileged for this document', 'quickfix', false],
    ['Show documentation for privileged', 'quickfix', false],
    ['Make Pod/web restricted-compliant', RESTRICT_WORKLOAD_KIND, false],
  ]);
  assert.equal(apply(POD, actions[0]), POD.replace('privileged: true', 'privileged: false'));
  assert.equal(apply(POD, actions[1]), POD.replace(/privileged: true/g, 'privileged: false'));
  assert.deepEqual(actions[4].command, { title: 'Show documentation for privileged', command: SHOW_DOCUMENTATION_COMMAND, arguments: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'] });
  assert.deepEqual(actions[0].diagnostics, [diagnostics[0]]);
});

test('"Fix all <rule>" is only offered when more than one finding of the rule can be fixed', () => {
  const one = POD.replace(/    - name: b\n[\s\S]*$/, '');
  const { state, diagnostics } = stateOf(one, 'baseline');
  const titles = provideCodeActions(params(diagnostics, ['quickfix']), state, SETTINGS).map((a) => a.title);
  assert.ok(!titles.some((t) => t.startsWith('Fix all')), titles.join(' | '));
});

test('rule-level actions appear once when several diagnostics of a rule are in range', () => {
  const { state, diagnostics } = stateOf(POD, 'baseline');
  const titles = provideCodeActions(params(diagnostics, ['quickfix']), state, SETTINGS).map((a) => a.title);
  assert.deepEqual(titles, [
    'Set privileged: false',
    'Fix all privileged problems',
    'Disable privileged for this line',
    'Disable privileged for this document',
    'Show documentation for privileged',
    'Set privileged: false',
    'Disable privileged for this line',
  ]);
});

test('source.fixAll.podsec only when asked for, with every preferred fix', () => {
  const { state, diagnostics } = stateOf(POD);
  assert.ok(!provideCodeActions(params(diagnostics), state, SETTINGS).some((a) => a.kind === FIX_ALL_KIND));
  for (const only of [['source.fixAll'], [FIX_ALL_KIND], ['source']]) {
    const actions = provideCodeActions(params([], only), state, SETTINGS);
    assert.deepEqual(actions.map((a) => a.kind), [FIX_ALL_KIND], JSON.stringify(only));
    const fixed = apply(POD, actions[0]);
    assert.deepEqual(stateOf(fixed).diagnostics.map((d) => d.code), []);
  }
  assert.deepEqual(provideCodeActions(params([], ['refactor']), state, SETTINGS).map((a) => a.kind), [RESTRICT_WORKLOAD_KIND]);
  const clean = stateOf(apply(POD, provideCodeActions(params([], [FIX_ALL_KIND]), state, SETTINGS)[0]));
  assert.deepEqual(provideCodeActions(params([], [FIX_ALL_KIND]), clean.state, SETTINGS), [], 'nothing to fix: no action');
});

test('a diagnostic that no longer matches a finding (stale range or another source) gets nothing', () => {
  const { state, diagnostics } = stateOf(POD, 'baseline');
  const moved = { ...diagnostics[0], range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } };
  const foreign: Diagnostic = { range: diagnostics[0].range, message: 'x', source: 'other' };
  assert.deepEqual(provideCodeActions(params([moved, foreign], ['quickfix']), state, SETTINGS), []);
});

test('runAsUser: the configured UID is used and the fix is not preferred', () => {
  const text = POD.replace(/privileged: true/g, 'runAsUser: 0');
  const { state, diagnostics } = stateOf(text, 'restricted');
  const d = diagnostics.find((x) => x.code === 'runAsUser')!;
  const [fix] = provideCodeActions(params([d], ['quickfix']), state, { nonRootUserId: 4242 });
  assert.match(fix.title, /^Set runAsUser: 4242/);
  assert.equal(fix.isPreferred, undefined);
  assert.equal(apply(text, fix), text.replace('runAsUser: 0', 'runAsUser: 4242'));
});

test('"Make <kind>/<name> restricted-compliant" for the workload under the cursor only', () => {
  const text = `${POD}---\n${POD.replace('name: web', 'name: api')}`;
  const { state } = stateOf(text, 'baseline');
  const second = { start: { line: 14, character: 0 }, end: { line: 14, character: 0 } };
  const actions = provideCodeActions(params([], undefined, second), state, SETTINGS);
  assert.deepEqual(actions.map((a) => a.title), ['Make Pod/api restricted-compliant']);
  const fixed = apply(text, actions[0]);
  assert.ok(fixed.startsWith(`${POD}---\n`));
  assert.deepEqual(stateOf(fixed, 'restricted').state.findings.filter((f) => f.documentIndex === 1 && f.category === 'pss'), []);
});

/**
 * The hardening fixes as code actions (provideCodeActions with a DocumentState, as code-actions.test.ts does): the
 * rule's fix first (isPreferred only for imagePullPolicy), then disable line / document and documentation; the
 * returned edit gives the golden output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { lintParsed, parseManifest } from '../../../server/src/engine';
import { provideCodeActions } from '../../../server/src/lsp/code-actions';
import type { DocumentState } from '../../../server/src/lsp/document-state';
import { toDiagnostics } from '../../../server/src/lsp/convert';
import { hardeningLint } from './hardening-helpers';

const URI = 'file:///w/nginx.yaml';
const FIXTURES = path.join(__dirname, '../../fixtures/fixes/hardening');
const INPUT = fs.readFileSync(path.join(FIXTURES, 'nginx-deployment.yaml'), 'utf8');

function actionsFor(ruleId: string): { actions: CodeAction[]; apply: (a: CodeAction) => string } {
  const parsed = parseManifest(INPUT);
  const lint = hardeningLint();
  const findings = lintParsed(parsed, lint);
  const document = TextDocument.create(URI, 'yaml', 3, INPUT);
  const state: DocumentState = { uri: URI, version: 3, document, parsed, findings, policyFor: (ns) => lint.policy.forObject({ namespace: ns }) };
  const diagnostics = toDiagnostics(findings.filter((f) => f.ruleId === ruleId), document);
  assert.equal(diagnostics.length, 1, ruleId);
  const actions = provideCodeActions({ textDocument: { uri: URI }, range: diagnostics[0].range, context: { diagnostics } }, state, { nonRootUserId: 1000 });
  const apply = (a: CodeAction) => {
    const change = a.edit!.documentChanges![0] as TextDocumentEdit;
    return TextDocument.applyEdits(document, change.edits as TextEdit[]);
  };
  return { actions: actions.filter((a) => !a.title.startsWith('Make ')), apply };
}

test('readOnlyRootFilesystem: the fix (not preferred) first, and its edit gives the golden nginx Deployment', () => {
  const { actions, apply } = actionsFor('readOnlyRootFilesystem');
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
    ['Set readOnlyRootFilesystem: true with writable emptyDir volumes for /tmp, /var/cache/nginx, /var/run', false],
    ['Disable readOnlyRootFilesystem for this line', false],
    ['Disable readOnlyRootFilesystem for this document', false],
    ['Show documentation for readOnlyRootFilesystem', false],
  ]);
  assert.equal(apply(actions[0]), fs.readFileSync(path.join(FIXTURES, 'nginx-deployment.read-only.yaml'), 'utf8'));
});

test('imagePullPolicy: the fix is preferred', () => {
  const { actions, apply } = actionsFor('imagePullPolicy');
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false])[0], ['Set imagePullPolicy: Always', true]);
  assert.equal(apply(actions[0]), INPUT.replace('image: nginx:1.14.2\n', 'image: nginx:1.14.2\n        imagePullPolicy: Always\n'));
});

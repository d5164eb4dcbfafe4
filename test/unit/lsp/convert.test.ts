// Findings -> Diagnostics: the one conversion point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileDiagnostic, toDiagnostic } from '../../../server/src/lsp/convert';
import type { Finding } from '../../../server/src/engine';

const doc = TextDocument.create('file:///x.yaml', 'yaml', 3, 'a: 1\n# ✓ 🙂\nprivileged: true\n');
const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'privileged', category: 'pss', severity: 'error', message: 'privileged (container "c" must not set securityContext.privileged=true)',
  span: { start: doc.getText().indexOf('true'), end: doc.getText().indexOf('true') + 4 }, documentIndex: 0, ...over,
});

test('a PSS finding: source, code, docs link, message, severity, data, UTF-16 range', () => {
  assert.deepEqual(toDiagnostic(finding({}), doc), {
    range: { start: { line: 2, character: 12 }, end: { line: 2, character: 16 } },
    severity: 1,
    source: 'podsec',
    code: 'privileged',
    codeDescription: { href: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    message: 'privileged (container "c" must not set securityContext.privileged=true)',
    data: { ruleId: 'privileged' },
  });
  // The emoji is two UTF-16 units: the end of line 1 is character 5, as editors count.
  const emoji = doc.getText().indexOf('🙂');
  assert.deepEqual(toDiagnostic(finding({ span: { start: emoji, end: emoji + 2 } }), doc).range, { start: { line: 1, character: 4 }, end: { line: 1, character: 6 } });
});

test('severities map one to one; a note goes on a second line; unnecessary becomes a tag', () => {
  const severities = (['error', 'warning', 'info', 'hint'] as const).map((severity) => toDiagnostic(finding({ severity }), doc).severity);
  assert.deepEqual(severities, [1, 2, 3, 4]);
  assert.equal(toDiagnostic(finding({ note: 'enforce applies to Pods' }), doc).message, `${finding({}).message}\nenforce applies to Pods`);
  assert.deepEqual(toDiagnostic(finding({ ruleId: 'unusedDirective', tags: ['unnecessary'], severity: 'hint' }), doc).tags, [1]);
  assert.equal(toDiagnostic(finding({}), doc).tags, undefined);
});

test('rules without PSS docs (syntax errors) get no docs link', () => {
  const d = toDiagnostic(finding({ ruleId: 'yamlSyntax', category: 'syntax' }), doc);
  assert.equal(d.code, 'yamlSyntax');
  assert.equal(d.codeDescription, undefined);
});

test('a file-level diagnostic sits at 0:0 as information, without a rule code', () => {
  assert.deepEqual(fileDiagnostic('not analysed'), {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'podsec', message: 'not analysed',
  });
});

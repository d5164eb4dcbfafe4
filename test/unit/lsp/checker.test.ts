// The checker in-process, with a fake connection: a throwing rule, a crashing analysis, re-checks and caching.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pssRule } from '../../../server/src/engine';
import type { DocumentSettings } from '../../../server/src/lsp/analysis';
import { Checker } from '../../../server/src/lsp/checker';
import { RuleErrorLog } from '../../../server/src/lsp/rule-errors';
import { effectiveSettings } from '../../../server/src/lsp/settings';
import { WorkspaceIndex } from '../../../server/src/lsp/workspace-index';
import { POD } from '../../lsp/fixtures';

function setup(index = new WorkspaceIndex()) {
  const published: PublishDiagnosticsParams[] = [];
  const errors: string[] = [];
  const docs = new Map<string, TextDocument>();
  const connection = {
    console: { error: (m: string) => errors.push(m) },
    sendDiagnostics: async (p: PublishDiagnosticsParams) => { published.push(p); },
    sendNotification: async () => {},
  } as unknown as Connection;
  const documents = { get: (uri: string) => docs.get(uri), all: () => [...docs.values()] } as unknown as TextDocuments<TextDocument>;
  const current = { settings: { effective: effectiveSettings({}) } as DocumentSettings };
  const checker = new Checker({
    connection, documents, index, ruleErrors: new RuleErrorLog((m) => errors.push(m)),
    settingsFor: async () => current.settings, isExcludedDocument: () => false,
  });
  const open = (uri: string, text: string, version = 1) => docs.set(uri, TextDocument.create(uri, 'yaml', version, text));
  return { published, errors, checker, open, current };
}

test('a rule that throws is logged once per document; the other rules\' findings are still published', async (t) => {
  const check = pssRule('privileged')!.versions[0];
  const original = check.check;
  t.after(() => { check.check = original; });
  check.check = () => { throw new Error('kaboom'); };
  const { published, errors, checker, open } = setup();
  open('file:///a.yaml', POD);
  await checker.check('file:///a.yaml');
  assert.deepEqual(published.at(-1)!.diagnostics.map((d) => d.code).filter((c) => c === 'privileged' || c === 'runAsNonRoot'), ['runAsNonRoot']);
  open('file:///a.yaml', `${POD}# edit\n`, 2);
  await checker.check('file:///a.yaml');
  open('file:///b.yaml', POD);
  await checker.check('file:///b.yaml');
  const logged = errors.filter((e) => e.includes('Rule privileged failed'));
  assert.equal(logged.length, 2, 'once for a.yaml (two versions), once for b.yaml');
  assert.match(logged[0], /on file:\/\/\/a\.yaml; its findings are missing, the other rules still ran\.\nError: kaboom/);
});

test('an analysis that crashes publishes one information diagnostic instead of taking the server down', async () => {
  const index = new WorkspaceIndex();
  index.updateOpen = () => { throw new Error('index exploded'); };
  const { published, errors, checker, open } = setup(index);
  open('file:///a.yaml', POD);
  await checker.check('file:///a.yaml');
  const [d] = published.at(-1)!.diagnostics;
  assert.equal(published.at(-1)!.diagnostics.length, 1);
  assert.equal(d.severity, 3);
  assert.match(String(d.message), /could not analyse this file \(internal error: index exploded\)/);
  assert.ok(errors.some((e) => e.includes('Analysis of file:///a.yaml failed')));
});

test('a result is reused for the same version, recomputed after invalidateAll (published again only when it changed), and a closed document is cleared', async () => {
  const { published, checker, open, current } = setup();
  open('file:///a.yaml', POD);
  const first = await checker.check('file:///a.yaml');
  assert.equal(await checker.check('file:///a.yaml'), first);
  assert.equal(published.length, 1);
  checker.invalidateAll();
  const second = await checker.check('file:///a.yaml');
  assert.notEqual(second, first);
  assert.equal(published.length, 1, 'the same diagnostics for the same version are not published twice');
  current.settings = { effective: effectiveSettings({ warn: 'baseline' }) };
  checker.invalidateAll();
  const third = await checker.check('file:///a.yaml');
  assert.notDeepEqual(third!.diagnostics, second!.diagnostics);
  assert.equal(published.length, 2);
  assert.equal(published[1].version, 1);
  checker.closed('file:///a.yaml');
  assert.deepEqual(published.at(-1), { uri: 'file:///a.yaml', diagnostics: [] });
});

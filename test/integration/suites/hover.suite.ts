/** Hover on a field that a rule inspects explains the rule: title, level, why it matters and how to fix it. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { capabilities_restricted } from '../../../server/src/engine/rules/pss/capabilities_restricted';
import { privileged } from '../../../server/src/engine/rules/pss/privileged';
import { WEB_FINDINGS, fileUri, hoverText, open, positionOf, waitForDiagnostics } from '../helpers';

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
}

export default function define(): void {
  describe('hover', () => {
    let doc: vscode.TextDocument;
    before(async () => {
      doc = (await open(fileUri('web.yaml'))).document;
      await waitForDiagnostics(doc.uri, WEB_FINDINGS);
    });

    it('explains the privileged rule on the `privileged` key', async () => {
      const text = await hoverAt(doc.uri, positionOf(doc, 'privileged: true', 3));
      assert.ok(text.includes(privileged.docs.title), `title in:\n${text}`);
      assert.match(text, /baseline/, 'the level');
      assert.ok(text.includes(privileged.docs.why), `why it matters, in:\n${text}`);
      assert.ok(text.includes(privileged.docs.fix), `how to fix, in:\n${text}`);
    });

    it('explains the restricted capabilities rule on the `capabilities` key', async () => {
      const text = await hoverAt(doc.uri, positionOf(doc, 'capabilities:', 3));
      assert.ok(text.includes(capabilities_restricted.docs.title), `title in:\n${text}`);
      assert.match(text, /restricted/);
      assert.ok(text.includes(capabilities_restricted.docs.fix), `how to fix, in:\n${text}`);
    });

    it('explains a Pod Security label of a Namespace', async () => {
      const ns = (await open(fileUri('namespaces.yaml'))).document;
      const text = await hoverAt(ns.uri, positionOf(ns, 'pod-security.kubernetes.io/enforce', 5));
      assert.match(text, /enforce/i);
      for (const level of ['privileged', 'baseline', 'restricted']) assert.match(text, new RegExp(level), `valid value ${level}`);
    });
  });
}

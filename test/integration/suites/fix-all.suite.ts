/** Fix-all: the source.fixAll.podsec action, the PodSec: Fix All command and editor.codeActionsOnSave. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  WEB_FINDINGS, codeActions, fixableFindings, fullRange, openNew, readFixture, waitFor, waitForDiagnostics,
} from '../helpers';

const FIX_ALL = 'source.fixAll.podsec';

async function fixAllAction(doc: vscode.TextDocument): Promise<vscode.CodeAction | undefined> {
  return (await codeActions(doc.uri, fullRange(doc), FIX_ALL)).find((a) => a.kind?.value === FIX_ALL);
}

export default function define(): void {
  describe('fix-all', () => {
    it('source.fixAll.podsec leaves no finding that has a preferred fix, and a second run changes nothing', async () => {
      const editor = await openNew('it/fix-all.yaml', readFixture('web.yaml'));
      const doc = editor.document;
      await waitForDiagnostics(doc.uri, WEB_FINDINGS);
      const before = await fixableFindings(doc.uri);
      assert.ok(before.length >= WEB_FINDINGS.length, `every finding has a preferred fix before: ${JSON.stringify(before)}`);
      const action = await fixAllAction(doc);
      assert.ok(action?.edit, 'a source.fixAll.podsec action with an edit');
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      await waitForDiagnostics(doc.uri, []);
      assert.deepStrictEqual(await fixableFindings(doc.uri), []);
      const fixed = doc.getText();
      const again = await fixAllAction(doc);
      const edits = again?.edit?.entries().flatMap(([, e]) => e.map((x) => `${JSON.stringify(x.range)} -> ${JSON.stringify(x.newText)}`)) ?? [];
      assert.deepStrictEqual(edits, [], 'a second fix-all has nothing left to change');
      assert.strictEqual(doc.getText(), fixed);
    });

    it('the PodSec: Fix All command fixes the active file', async () => {
      const editor = await openNew('it/fix-all-command.yaml', readFixture('web.yaml'));
      await waitForDiagnostics(editor.document.uri, WEB_FINDINGS);
      await vscode.commands.executeCommand('podsec.fixAll');
      await waitForDiagnostics(editor.document.uri, []);
      assert.ok(editor.document.isDirty, 'the fixes are edits in the editor, not yet saved');
      assert.deepStrictEqual(await fixableFindings(editor.document.uri), []);
    });

    it('editor.codeActionsOnSave with source.fixAll.podsec fixes the file when it is saved', async () => {
      const config = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
      await config.update('codeActionsOnSave', { [FIX_ALL]: 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
      try {
        const editor = await openNew('it/fix-on-save.yaml', readFixture('web.yaml'));
        await waitForDiagnostics(editor.document.uri, WEB_FINDINGS);
        // The workbench's Save (what Ctrl+S runs), an explicit save that runs the codeActionsOnSave participant.
        await vscode.commands.executeCommand('workbench.action.files.save');
        await waitFor(() => !editor.document.isDirty && editor.document.getText() !== readFixture('web.yaml'), 'the saved, fixed file');
        await waitForDiagnostics(editor.document.uri, []);
        assert.deepStrictEqual(await fixableFindings(editor.document.uri), []);
      } finally {
        await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      }
    });
  });
}

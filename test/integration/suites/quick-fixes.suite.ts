/** Quick fixes through vscode.executeCodeActionProvider: the edit, the golden result, the finding gone. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  WEB_FINDINGS, codeActions, codeOf, golden, openNew, podsecDiagnostics, readFixture, waitForDiagnostics,
} from '../helpers';

/**
 * The quick fixes offered at the range of the finding `rule` of `uri`. (The API's CodeActions do not carry their
 * diagnostics, so the fixtures keep this range free of other findings.)
 */
async function fixesFor(uri: vscode.Uri, rule: string): Promise<vscode.CodeAction[]> {
  const d = podsecDiagnostics(uri).find((x) => codeOf(x) === rule);
  assert.ok(d, `a ${rule} finding`);
  return codeActions(uri, d.range, vscode.CodeActionKind.QuickFix.value);
}

export default function define(): void {
  describe('quick fixes', () => {
    it('adds capabilities.drop: [ALL] with the preferred fix; saved, the file matches the golden file', async () => {
      const editor = await openNew('it/quick-fix.yaml', readFixture('web.yaml'));
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, WEB_FINDINGS);
      const fixes = await fixesFor(uri, 'capabilities_restricted');
      const fix = fixes.find((a) => a.isPreferred);
      assert.ok(fix?.edit, `a preferred fix with an edit among ${JSON.stringify(fixes.map((a) => a.title))}`);
      assert.strictEqual(fix.title, 'Add capabilities.drop: [ALL]');
      assert.strictEqual(fixes.filter((a) => a.isPreferred).length, 1, 'one preferred fix');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.strictEqual(editor.document.getText(), golden('web.drop-all.yaml'));
      await waitForDiagnostics(uri, WEB_FINDINGS.filter((f) => !f.startsWith('capabilities_restricted@')));
      assert.ok(await editor.document.save());
      assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), golden('web.drop-all.yaml'));
    });

    it('sets privileged: false', async () => {
      const editor = await openNew('it/privileged.yaml', readFixture('web.yaml'));
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, WEB_FINDINGS);
      const fix = (await fixesFor(uri, 'privileged')).find((a) => a.isPreferred);
      assert.ok(fix?.edit, 'a preferred privileged fix');
      assert.strictEqual(fix.title, 'Set privileged: false');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.strictEqual(editor.document.getText(), readFixture('web.yaml').replace('privileged: true', 'privileged: false'));
      await waitForDiagnostics(uri, WEB_FINDINGS.filter((f) => !f.startsWith('privileged@')));
    });

    it('offers to disable the rule for one line, and the directive silences it', async () => {
      const editor = await openNew('it/disable-line.yaml', readFixture('web.yaml'));
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, WEB_FINDINGS);
      const disable = (await fixesFor(uri, 'privileged')).find((a) => /disable/i.test(a.title) && /line/i.test(a.title));
      assert.ok(disable?.edit, 'a "Disable privileged for this line" action');
      assert.ok(await vscode.workspace.applyEdit(disable.edit));
      assert.match(editor.document.getText(), /\n {12}# podsec-disable-next-line privileged\b[^\n]*\n {12}privileged: true\n/);
      // The directive shifts every later line down by one.
      await waitForDiagnostics(uri, [
        'allowPrivilegeEscalation@24:11 error', 'runAsNonRoot@24:11 error', 'seccompProfile_restricted@24:11 error',
        'capabilities_restricted@27:13 error',
      ]);
    });
  });
}

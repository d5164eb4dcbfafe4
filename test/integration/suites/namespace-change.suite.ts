/** Changing the Namespace's label in another file changes the severities of an open file, without reloading. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { WEB_FINDINGS, fileUri, open, positionOf, waitForDiagnostics } from '../helpers';

async function setEnforce(from: string, to: string): Promise<void> {
  const ns = (await open(fileUri('namespaces.yaml'))).document;
  const at = positionOf(ns, `enforce: ${from}`, 'enforce: '.length);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(ns.uri, new vscode.Range(at, at.translate(0, from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await ns.save());
}

export default function define(): void {
  describe('namespace policy from another file', () => {
    after(() => setEnforce('baseline', 'restricted').catch(() => undefined));

    it('enforce restricted -> baseline: restricted violations become warnings, the baseline one stays an error', async () => {
      const web = fileUri('web.yaml');
      await open(web);
      await waitForDiagnostics(web, WEB_FINDINGS);
      await setEnforce('restricted', 'baseline');
      await open(web);
      await waitForDiagnostics(web, [
        'allowPrivilegeEscalation@24:11 warning', 'runAsNonRoot@24:11 warning', 'seccompProfile_restricted@24:11 warning',
        'privileged@25:25 error', 'capabilities_restricted@26:13 warning',
      ]);
      await setEnforce('baseline', 'restricted');
      await waitForDiagnostics(web, WEB_FINDINGS);
    });
  });
}

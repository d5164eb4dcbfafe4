/** The extension activates on YAML and publishes each violation where it is, with the namespace's severity. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, WEB_FINDINGS, codeOf, fileUri, open, openNew, readFixture, waitFor, waitForDiagnostics,
} from '../helpers';

export default function define(): void {
  describe('activation and diagnostics', () => {
    it('activates when a YAML file is opened', async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} is installed`);
      await open(fileUri('web.yaml'));
      await waitFor(() => ext.isActive, 'the extension to activate');
    });

    it('reports the restricted violations as errors, because the Namespace in another file enforces restricted', async () => {
      const uri = fileUri('web.yaml');
      const diags = await waitForDiagnostics(uri, WEB_FINDINGS);
      const privileged = diags.find((d) => codeOf(d) === 'privileged');
      assert.ok(privileged);
      // The admission controller's words first; later lines may explain how enforce treats a Deployment.
      assert.strictEqual(privileged.message.split('\n')[0], 'privileged (container "app" must not set securityContext.privileged=true)');
      // The exact source range: the value `true` of `privileged: true` (line 25, columns 25-28).
      assert.deepStrictEqual([privileged.range.start.line, privileged.range.start.character, privileged.range.end.line,
        privileged.range.end.character], [24, 24, 24, 28]);
      const capabilities = diags.find((d) => codeOf(d) === 'capabilities_restricted');
      assert.strictEqual(capabilities?.message.split('\n')[0],
        'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"])');
      for (const d of diags) {
        assert.strictEqual(d.source, 'podsec');
        const target = typeof d.code === 'object' ? d.code.target.toString() : '';
        assert.match(target, /^https:\/\/kubernetes\.io\/docs\/concepts\/security\/pod-security-standards\//, `${codeOf(d)} links its docs`);
      }
    });

    it('follows edits before the file is saved', async () => {
      const editor = await openNew('it/edit.yaml', readFixture('web.yaml'));
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, WEB_FINDINGS);
      const ok = await editor.edit((b) => {
        b.insert(new vscode.Position(0, 0), '# one more line above\n');
        const at = editor.document.getText().indexOf('privileged: true') + 'privileged: '.length;
        b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 4)), 'false');
      });
      assert.ok(ok, 'edit applied');
      assert.ok(editor.document.isDirty, 'the change is not saved');
      await waitForDiagnostics(uri, [
        'allowPrivilegeEscalation@25:11 error', 'runAsNonRoot@25:11 error', 'seccompProfile_restricted@25:11 error',
        'capabilities_restricted@27:13 error',
      ]);
    });
  });
}

/** Settings changed through workspace.getConfiguration().update apply at once, without reloading the window. */
import * as vscode from 'vscode';
import { openNew, waitForDiagnostics } from '../helpers';

/** Restricted-only violation (runAsNonRoot unset): a warning under the default policy (enforce baseline, warn restricted). */
function pod(namespace?: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: settings-probe\n${namespace ? `  namespace: ${namespace}\n` : ''}`
    + 'spec:\n  containers:\n    - name: app\n      image: busybox:1.36\n      securityContext:\n'
    + '        allowPrivilegeEscalation: false\n        capabilities:\n          drop: [ALL]\n'
    + '        seccompProfile:\n          type: RuntimeDefault\n';
}

export default function define(): void {
  describe('settings', () => {
    const config = () => vscode.workspace.getConfiguration('podsec');
    afterEach(async () => {
      await config().update('enforce', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('namespaces', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('podsec.enforce turns the default policy\'s warnings into errors, and back', async () => {
      const { document } = await openNew('it/settings-default.yaml', pod());
      await waitForDiagnostics(document.uri, ['runAsNonRoot@9:7 warning']);
      await config().update('enforce', 'restricted', vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(document.uri, ['runAsNonRoot@9:7 error']);
      await config().update('enforce', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(document.uri, ['runAsNonRoot@9:7 warning']);
    });

    it('podsec.namespaces gives a namespace without a manifest its labels', async () => {
      const { document } = await openNew('it/settings-namespace.yaml', pod('payments'));
      await waitForDiagnostics(document.uri, ['runAsNonRoot@10:7 warning']);
      await config().update('namespaces', { payments: { enforce: 'restricted' } }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(document.uri, ['runAsNonRoot@10:7 error']);
    });
  });
}

/** A YAML file that is not a Kubernetes manifest gets no PodSec diagnostics, even with `privileged: true`. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { fileUri, open, openNew, podsecDiagnostics, waitForDiagnostics } from '../helpers';

const PRIVILEGED_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: marker\n  namespace: shop\nspec:\n  containers:\n'
  + '    - name: app\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n';

export default function define(): void {
  describe('not Kubernetes', () => {
    it('a CI workflow with privileged: true shows no PodSec problem', async () => {
      const ci = fileUri('.github/workflows/ci.yaml');
      const doc = (await open(ci)).document;
      assert.match(doc.getText(), /privileged: true/);
      assert.strictEqual(doc.languageId, 'yaml');
      // The server handles documents in the order they are opened: once a manifest opened after the workflow has
      // its diagnostics, the workflow has been checked too.
      const marker = await openNew('it/marker-pod.yaml', PRIVILEGED_POD);
      await waitForDiagnostics(marker.document.uri, [
        'allowPrivilegeEscalation@10:7 error', 'capabilities_restricted@10:7 error', 'privileged@11:21 error',
        'runAsNonRoot@10:7 error', 'seccompProfile_restricted@10:7 error',
      ]);
      assert.deepStrictEqual(podsecDiagnostics(ci).map((d) => d.message), []);
      assert.deepStrictEqual(vscode.languages.getDiagnostics(ci).filter((d) => d.source === 'podsec'), []);
    });
  });
}

// The hardening rules see the whole workspace in the editor, as in the CLI: a ServiceAccount in another file (on
// disk, or open and edited) decides whether a pod in an open file must disable its token, and a change to that
// file re-checks the open documents.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { FileChangeType, rangeIn, tempWorkspace, TestClient, waitFor } from './client';

const SERVICE_ACCOUNT = (automount: boolean) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: runner
  namespace: ci
automountServiceAccountToken: ${automount}
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: job
  namespace: ci
spec:
  serviceAccountName: runner
  containers:
    - name: main
      image: busybox:1.36
`;

const automount = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'automountServiceAccountToken').map((d) => d.message);

describe('cross-file facts for the hardening rules', () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = tempWorkspace({ 'rbac/sa.yaml': SERVICE_ACCOUNT(false), 'apps/pod.yaml': POD });
    client = await TestClient.start({ root });
    await waitFor(() => client.progressEnds.length > 0, 'the indexing progress to end');
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a ServiceAccount on disk that disables the token: the pod needs no automountServiceAccountToken finding', async () => {
    const uri = client.uri('apps/pod.yaml');
    await client.open(uri, POD);
    assert.deepEqual(automount(await client.forVersion(uri, 1)), []);
  });

  test('the ServiceAccount file changes on disk: the open pod is re-checked', async () => {
    const uri = client.uri('apps/pod.yaml');
    fs.writeFileSync(path.join(root, 'rbac/sa.yaml'), SERVICE_ACCOUNT(true));
    await client.fileChanged(path.join(root, 'rbac/sa.yaml'), FileChangeType.Changed);
    const p = await client.diagnostics(uri, (x) => automount(x).length === 1, 'the automount finding');
    assert.deepEqual(automount(p), ['pod should set automountServiceAccountToken=false (service account "runner" does not disable it)']);
    assert.equal(p.version, 1, 'the same version, re-checked');
  });

  test('the ServiceAccount file opened and edited: its text wins, and the pod follows it', async () => {
    const pod = client.uri('apps/pod.yaml');
    const sa = client.uri('rbac/sa.yaml');
    const text = SERVICE_ACCOUNT(true);
    await client.open(sa, text);
    await client.change(sa, [{ range: rangeIn(text, 'automountServiceAccountToken: true', 'true'), text: 'false' }]);
    await client.diagnostics(pod, (x) => automount(x).length === 0, 'no automount finding');
    await client.change(sa, [{ range: rangeIn(text, 'name: runner', 'runner'), text: 'builder' }]);
    const p = await client.diagnostics(pod, (x) => automount(x).length === 1, 'the automount finding again');
    assert.deepEqual(automount(p), ['pod should set automountServiceAccountToken=false (service account "runner" is not among the inputs)']);
  });
});

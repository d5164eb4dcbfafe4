// Namespace awareness: Namespace manifests in other open files and on disk decide the severities of an open file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { at, brief, FileChangeType, pss, rangeIn, tempWorkspace, TestClient, waitFor } from './client';
import { deployment, namespace } from './fixtures';

/** `runAsNonRoot <severity>` of the single PSS diagnostic, once the last publication has exactly one. */
async function severityOf(client: TestClient, uri: string, expected: string): Promise<string> {
  const p = await client.diagnostics(uri, (x) => pss(x.diagnostics).length === 1 && brief(pss(x.diagnostics))[0].split(' ')[1] === expected, `runAsNonRoot ${expected}`);
  return brief(pss(p.diagnostics))[0].split(' ')[1];
}

describe('Namespaces in other open documents', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start(); });
  after(() => client.stop());

  test('opening, editing and closing a Namespace changes the severities of an open file', async () => {
    const app = client.uri('app.yaml');
    const text = deployment('prod');
    await client.open(app, text);
    const first = await client.forVersion(app, 1);
    assert.deepEqual(brief(pss(first.diagnostics)), [`runAsNonRoot warning ${at(rangeIn(text, 'runAsNonRoot: false', 'false'))}`]);

    const ns = client.uri('ns.yaml');
    const nsText = namespace('prod', { enforce: 'restricted' });
    await client.open(ns, nsText);
    assert.equal(await severityOf(client, app, 'error'), 'error');
    const enforced = pss(client.latest(app)!.diagnostics)[0];
    assert.equal(enforced.message, 'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false)\n'
      + 'enforce applies to Pods: this Deployment is admitted, but every Pod it creates would be rejected by PodSecurity "restricted:latest"');
    assert.equal(client.latest(app)!.version, 1, 'the open file is re-checked at its own version');

    // Edit the labels in place: enforce privileged, warn privileged, audit restricted -> information.
    await client.change(ns, [{ range: rangeIn(nsText, 'enforce: restricted', 'enforce: restricted'), text: 'enforce: privileged\n    pod-security.kubernetes.io/warn: privileged\n    pod-security.kubernetes.io/audit: restricted' }]);
    assert.equal(await severityOf(client, app, 'info'), 'info');

    // Closing the Namespace (it is not on disk) forgets it: back to the default policy.
    await client.close(ns);
    assert.equal(await severityOf(client, app, 'warning'), 'warning');
  });
});

describe('Namespaces on disk in the workspace', () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = tempWorkspace({
      'namespaces/prod.yaml': namespace('prod', { enforce: 'restricted' }),
      'node_modules/pkg/ns.yaml': namespace('vendored', { enforce: 'restricted' }),
      'generated/ns.yaml': namespace('generated', { enforce: 'restricted' }),
      'big/ns.yaml': `${namespace('big', { enforce: 'restricted' })}${'# padding\n'.repeat(200)}`,
    });
    client = await TestClient.start({ root, filesExclude: { generated: true }, settings: { maxFileSize: 1000 } });
    await waitFor(() => client.progressEnds.length > 0, 'the indexing progress to end');
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('index: a Namespace file on disk applies; node_modules, files.exclude and files over the size limit are skipped', async () => {
    const severities: Record<string, string> = {};
    for (const ns of ['prod', 'vendored', 'generated', 'big']) {
      const uri = client.uri(`apps/${ns}.yaml`);
      await client.open(uri, deployment(ns));
      const p = await client.forVersion(uri, 1);
      severities[ns] = brief(pss(p.diagnostics))[0].split(' ')[1];
    }
    assert.deepEqual(severities, { prod: 'error', vendored: 'warning', generated: 'warning', big: 'warning' });
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'), 'file watchers are registered dynamically');
  });

  test('file events: a changed Namespace on disk re-checks open documents; open text wins over disk', async () => {
    const app = client.uri('apps/events.yaml');
    await client.open(app, deployment('prod'));
    assert.equal(await severityOf(client, app, 'error'), 'error');

    const file = path.join(root, 'namespaces/prod.yaml');
    fs.writeFileSync(file, namespace('prod', { enforce: 'privileged', warn: 'privileged', audit: 'restricted' }));
    await client.fileChanged(file, FileChangeType.Changed);
    assert.equal(await severityOf(client, app, 'info'), 'info');

    // The same file opened with other labels: the editor's text wins, and disk events for it are ignored.
    const nsUri = client.uri('namespaces/prod.yaml');
    await client.open(nsUri, namespace('prod', { enforce: 'restricted' }));
    assert.equal(await severityOf(client, app, 'error'), 'error');
    fs.writeFileSync(file, namespace('prod', { enforce: 'privileged', warn: 'privileged', audit: 'privileged' }));
    await client.fileChanged(file, FileChangeType.Changed);
    await client.hover(app, 0, 0); // a round trip, so the event has been handled
    assert.equal(brief(pss(client.latest(app)!.diagnostics))[0].split(' ')[1], 'error');

    // Closing it: the disk version (all privileged: nothing checked) applies again.
    await client.close(nsUri);
    await client.diagnostics(app, (p) => pss(p.diagnostics).length === 0, 'no PSS diagnostics under an all-privileged namespace');

    fs.rmSync(file);
    await client.fileChanged(file, FileChangeType.Deleted);
    assert.equal(await severityOf(client, app, 'warning'), 'warning');
  });

  test('a files.exclude change re-indexes the folder', async () => {
    const app = client.uri('apps/generated-2.yaml');
    await client.open(app, deployment('generated'));
    assert.equal(await severityOf(client, app, 'warning'), 'warning');
    await client.setSettings({ maxFileSize: 1000 }, {});
    assert.equal(await severityOf(client, app, 'error'), 'error');
    await client.setSettings({ maxFileSize: 1000 }, { generated: true });
    assert.equal(await severityOf(client, app, 'warning'), 'warning');
  });

  test('a workspace folder added later is indexed; removing it forgets its Namespaces', async () => {
    const other = tempWorkspace({ 'ns.yaml': namespace('team-b', { enforce: 'restricted' }) });
    try {
      const app = client.uri('apps/team-b.yaml');
      await client.open(app, deployment('team-b'));
      assert.equal(await severityOf(client, app, 'warning'), 'warning');
      await client.addFolder(other);
      assert.equal(await severityOf(client, app, 'error'), 'error');
      await client.removeFolder(other);
      assert.equal(await severityOf(client, app, 'warning'), 'warning');
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

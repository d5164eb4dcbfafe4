// The workspace's .podsec.yaml through the server: its problems as diagnostics on the file, its policy and ignore
// globs, open-editor text winning over disk, and disk changes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { brief, FileChangeType, pss, tempWorkspace, TestClient, waitFor } from './client';
import { deployment } from './fixtures';

const severity = (client: TestClient, uri: string) => brief(pss(client.latest(uri)?.diagnostics ?? [])).map((b) => b.split(' ')[1]);

describe('.podsec.yaml', () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = tempWorkspace({ '.podsec.yaml': 'policy:\n  enforce: restricted\nignore: [vendor]\nbogus: 1\n' });
    client = await TestClient.start({ root });
    await waitFor(() => client.progressEnds.length > 0, 'the indexing progress to end');
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('mistakes are diagnostics on the file; its policy applies; ignored paths are not checked', async () => {
    const config = await client.diagnostics(client.uri('.podsec.yaml'), (p) => p.diagnostics.length > 0, 'config problems');
    assert.deepEqual(config.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity}`), ['3:0 1']);
    assert.match(String(config.diagnostics[0].message), /bogus/);
    const app = client.uri('app.yaml');
    await client.open(app, deployment('x'));
    await client.forVersion(app, 1);
    assert.deepEqual(severity(client, app), ['error']);
    const vendored = client.uri('vendor/app.yaml');
    await client.open(vendored, deployment('x'));
    assert.deepEqual((await client.forVersion(vendored, 1)).diagnostics, []);
  });

  test('the open editor\'s text wins; closing returns to disk; a disk change applies', async () => {
    const app = client.uri('app.yaml');
    const cfg = client.uri('.podsec.yaml');
    await client.open(cfg, 'policy:\n  enforce: baseline\n');
    await client.diagnostics(app, () => severity(client, app)[0] === 'warning', 'warning under the edited config');
    assert.deepEqual(client.latest(cfg)!.diagnostics, [], 'the fixed config has no problems');
    await client.close(cfg);
    await client.diagnostics(app, () => severity(client, app)[0] === 'error', 'error under the config on disk');
    fs.writeFileSync(path.join(root, '.podsec.yaml'), 'policy:\n  warn: privileged\n');
    await client.fileChanged(path.join(root, '.podsec.yaml'), FileChangeType.Changed);
    await client.diagnostics(app, () => severity(client, app).length === 0, 'no PSS diagnostics once warn is privileged');
  });
});

// The workspace's Namespace index: disk files, open documents winning over disk, folders; and the config seam.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { factsOfText } from '../../../server/src/engine/incremental';
import { excludeMatcher } from '../../../server/src/lsp/excludes';
import { WorkspaceConfigs } from '../../../server/src/lsp/workspace-config';
import { WorkspaceIndex } from '../../../server/src/lsp/workspace-index';
import { namespace } from '../../lsp/fixtures';

const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'podsec-index-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
  return path.join(root, rel);
};
const enforce = (index: WorkspaceIndex, ns: string) => index.namespaces.labels(ns)?.['pod-security.kubernetes.io/enforce'];

test('indexes Namespaces on disk, skipping excluded folders and large files; open text wins until closed', async () => {
  const file = write('ns/prod.yaml', namespace('prod', { enforce: 'restricted' }));
  write('skip/ns.yaml', namespace('skipped', { enforce: 'restricted' }));
  write('ns/big.yaml', `${namespace('big', { enforce: 'restricted' })}${'#\n'.repeat(500)}`);
  write('ns/app.json', '{"apiVersion": "v1", "kind": "ConfigMap"}');
  const index = new WorkspaceIndex();
  let reported = 0;
  assert.equal(await index.indexFolder(root, { isExcluded: excludeMatcher({ skip: true }), maxFileSize: 500 }, (n) => { reported = n; }), true);
  assert.deepEqual(index.namespaces.all().map((n) => n.name), ['prod']);
  assert.equal(reported, 2, 'prod.yaml and app.json are read; big.yaml is skipped by its size before reading');

  const uri = pathToFileURL(file).href;
  assert.equal(index.updateOpen(uri, factsOfText(namespace('prod', { enforce: 'baseline' }), file)), true);
  assert.equal(enforce(index, 'prod'), 'baseline');
  fs.writeFileSync(file, namespace('prod', { enforce: 'privileged' }));
  assert.equal(await index.diskChanged(file, 10_000), false, 'disk changes of an open file are ignored');
  assert.equal(enforce(index, 'prod'), 'baseline');
  assert.equal(await index.closed(uri, 10_000), true, 'closing falls back to the disk version');
  assert.equal(enforce(index, 'prod'), 'privileged');

  assert.equal(index.diskDeleted(file), true);
  assert.equal(index.namespaces.labels('prod'), undefined);
});

test('an open document outside the workspace is forgotten when closed; dropping a folder forgets its files', async () => {
  const index = new WorkspaceIndex();
  assert.equal(index.updateOpen('untitled:Untitled-1', factsOfText(namespace('scratch', { enforce: 'baseline' }), 'untitled:Untitled-1')), true);
  assert.equal(await index.closed('untitled:Untitled-1'), true);
  assert.equal(index.namespaces.labels('scratch'), undefined);

  const file = write('drop/ns.yaml', namespace('dropme', { enforce: 'baseline' }));
  assert.equal(await index.diskChanged(file, 10_000), true);
  assert.equal(index.dropFolder(path.join(root, 'drop')), true);
  assert.equal(index.namespaces.labels('dropme'), undefined);
});

test('workspace config: read through the loader seam, open text wins, a throwing loader becomes a problem', async () => {
  const folder = path.join(root, 'cfg');
  write('cfg/.podsec.yaml', 'defaultNamespace: from-disk\n');
  let open: string | undefined;
  const seen: string[] = [];
  const configs = new WorkspaceConfigs(() => open, (text) => {
    seen.push(text);
    if (text.includes('boom')) throw new Error('boom');
    return { config: { defaultNamespace: text.trim().split(': ')[1] }, problems: [] };
  });
  assert.equal((await configs.get(folder))?.parsed.config.defaultNamespace, 'from-disk');
  assert.equal((await configs.get(folder))?.parsed.config.defaultNamespace, 'from-disk');
  assert.equal(seen.length, 1, 'cached until invalidated');
  open = 'defaultNamespace: from-editor\n';
  configs.invalidate(folder);
  assert.equal((await configs.get(folder))?.parsed.config.defaultNamespace, 'from-editor');
  open = 'boom';
  configs.invalidate(folder);
  assert.match((await configs.get(folder))!.parsed.problems[0].message, /could not read the config: Error: boom/);
  assert.equal(await new WorkspaceConfigs(() => undefined).get(path.join(root, 'none')), undefined, 'no file, no config');
  assert.equal(configs.folderOfConfig(path.join(folder, '.podsec.yaml'), [root, folder]), folder);
});

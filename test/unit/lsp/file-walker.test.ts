// The server's workspace walk: manifests only, excluded paths pruned, symbolic links followed as `podsec check`
// follows them (each folder once, each file once), FIFOs never opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { excludeMatcher } from '../../../server/src/lsp/excludes';
import { manifestFiles } from '../../../server/src/lsp/file-walker';

async function walk(root: string, excluded: string[] = []): Promise<string[]> {
  const out: string[] = [];
  const skipped = excludeMatcher(undefined); // node_modules and .git, as the server skips them
  for await (const f of manifestFiles(root, { isExcluded: (rel) => skipped(rel) || excluded.includes(rel), maxFileSize: 1_000_000 })) out.push(path.relative(root, f));
  return out.sort();
}

test('links to files and to folders inside the workspace are followed, not to folders outside it; a file or folder reached twice is listed once; a loop ends', async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-walk-'));
  const root = path.join(base, 'workspace');
  try {
    // Outside the workspace folder: a link to it is not walked (a link to `/` must not read the disk).
    fs.mkdirSync(path.join(base, 'outside'));
    fs.writeFileSync(path.join(base, 'outside/e.yaml'), 'kind: Namespace\n');
    // Only reachable through a link: a chart vendored under node_modules, linked where it is used.
    fs.mkdirSync(path.join(base, 'workspace/node_modules/chart'), { recursive: true });
    fs.writeFileSync(path.join(base, 'workspace/node_modules/chart/v.yaml'), 'kind: Namespace\n');
    fs.mkdirSync(path.join(root, 'real/sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'real/ns.yaml'), 'kind: Namespace\n');
    fs.writeFileSync(path.join(root, 'real/sub/pod.yml'), 'kind: Pod\n');
    fs.writeFileSync(path.join(root, 'real/notes.txt'), 'kind: Pod\n');
    fs.mkdirSync(path.join(root, 'other'));
    fs.writeFileSync(path.join(root, 'other/o.json'), '{}');
    fs.mkdirSync(path.join(root, 'links'));
    fs.symlinkSync('../../outside', path.join(root, 'links/ext'));
    fs.symlinkSync('../node_modules/chart', path.join(root, 'links/chart'));
    fs.symlinkSync('../other/o.json', path.join(root, 'links/linked.json'));
    fs.symlinkSync('../real', path.join(root, 'links/again'));
    fs.symlinkSync('..', path.join(root, 'links/up'));
    fs.symlinkSync('../nowhere.yaml', path.join(root, 'links/dangling.yaml'));
    execFileSync('mkfifo', [path.join(root, 'links/fifo.yaml')]);
    const found = await walk(root);
    // Every file once: through `links/again` and `links/up` only files already listed are reached.
    assert.deepEqual(found.map((f) => fs.realpathSync(path.join(root, f))).sort(), ['node_modules/chart/v.yaml', 'other/o.json', 'real/ns.yaml', 'real/sub/pod.yml'].map((f) => fs.realpathSync(path.join(root, f))).sort());
    assert.equal(found.length, 4, found.join(', '));
    assert.ok(found.includes('links/chart/v.yaml'), found.join(', '));
    // Pruning applies to links too.
    assert.deepEqual(await walk(root, ['links', 'real']), ['other/o.json']);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});

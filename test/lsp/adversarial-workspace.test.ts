// Workspace events a well-behaved editor does not send: FIFOs with a manifest's name (reported by a watcher, or as the
// workspace's `.podsec.yaml`), watched-file notifications with malformed entries, a configuration change without
// params. The server must keep reading the workspace and follow the changes that are well-formed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver-protocol';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { FileChangeType, TestClient, tempWorkspace } from './client';
import { deployment, namespace } from './fixtures';

/** The severity of the Deployment's explicit `runAsNonRoot: false` (1 error, 2 warning). */
const runAsNonRoot = (p: PublishDiagnosticsParams) => p.diagnostics.find((d) => d.code === 'runAsNonRoot')?.severity;

function mkfifo(file: string): void {
  const result = spawnSync('mkfifo', [file]);
  assert.equal(result.status, 0, `mkfifo ${file}: ${result.stderr}`);
}

const noFifos = process.platform === 'win32' ? 'no FIFOs on Windows' : false;

describe('adversarial workspace events', () => {
  test('FIFOs named *.yaml reported by the watcher do not stall later reads of the workspace', { skip: noFifos }, async () => {
    const root = tempWorkspace({ 'ns.yaml': namespace('prod', { enforce: 'restricted' }) });
    const client = await TestClient.start({ root });
    try {
      const uri = client.uri('app.yaml');
      await client.open(uri, deployment('prod'));
      await client.diagnostics(uri, (p) => runAsNonRoot(p) === 1, 'restricted enforced from ns.yaml');
      // More FIFOs than libuv has threads: each read of one used to block a thread until a writer came.
      for (let i = 0; i < 6; i++) {
        mkfifo(path.join(root, `pipe-${i}.yaml`));
        await client.fileChanged(path.join(root, `pipe-${i}.yaml`), FileChangeType.Created);
      }
      fs.writeFileSync(path.join(root, 'ns.yaml'), namespace('prod', { enforce: 'baseline' }));
      await client.fileChanged(path.join(root, 'ns.yaml'), FileChangeType.Changed);
      await client.diagnostics(uri, (p) => runAsNonRoot(p) === 2, 'the namespace change read after the FIFOs');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('a FIFO as the workspace\'s .podsec.yaml is no config file: indexing and checking go on', { skip: noFifos }, async () => {
    const root = tempWorkspace({ 'ns.yaml': namespace('prod', { enforce: 'restricted' }) });
    mkfifo(path.join(root, '.podsec.yaml'));
    const client = await TestClient.start({ root });
    try {
      const uri = client.uri('app.yaml');
      await client.open(uri, deployment('prod'));
      await client.diagnostics(uri, (p) => runAsNonRoot(p) === 1, 'restricted enforced from ns.yaml');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('malformed entries of a watched-files notification do not lose the well-formed ones', async () => {
    const root = tempWorkspace({ 'ns.yaml': namespace('prod', { enforce: 'restricted' }) });
    const client = await TestClient.start({ root });
    try {
      const uri = client.uri('app.yaml');
      await client.open(uri, deployment('prod'));
      await client.diagnostics(uri, (p) => runAsNonRoot(p) === 1, 'restricted enforced from ns.yaml');
      fs.writeFileSync(path.join(root, 'ns.yaml'), namespace('prod', { enforce: 'baseline' }));
      const changes = [null, { uri: 5, type: 2 }, { type: 1 }, { uri: pathToFileURL(path.join(root, 'ns.yaml')).href, type: FileChangeType.Changed }];
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes } as never);
      await client.diagnostics(uri, (p) => runAsNonRoot(p) === 2, 'the well-formed change followed');
      assert.ok(!client.logs.some((l) => l.includes('Handling file changes failed')), client.logs.join('\n'));
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('a configuration change without params still pulls the settings again', async () => {
    const client = await TestClient.start();
    try {
      const uri = client.uri('app.yaml');
      await client.open(uri, deployment('prod'));
      await client.diagnostics(uri, (p) => runAsNonRoot(p) === 2, 'warned by the default policy');
      client.settings = { enforce: 'restricted' };
      await client.connection.sendNotification('workspace/didChangeConfiguration');
      await client.diagnostics(uri, (p) => runAsNonRoot(p) === 1, 'enforced by the new settings');
    } finally {
      await client.stop();
    }
  });
});

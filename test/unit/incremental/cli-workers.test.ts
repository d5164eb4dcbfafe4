/**
 * `podsec check` in worker threads prints exactly what one thread prints: the same findings in the same order,
 * the cross-file facts of every worker's files included (a Namespace read by one worker sets the policy of a pod
 * another worker lints), the same unreadable-file messages and the same exit code.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NAMESPACE_PROD, pod, SERVICE_ACCOUNT } from './helpers';

const CLI = path.resolve('dist/cli.js');
const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'podsec-workers-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

for (let i = 0; i < 24; i++) write(`apps/app-${String(i).padStart(2, '0')}.yaml`, pod(`p${i}`, i % 3 ? 'prod' : 'default'));
write('rbac/sa.yaml', SERVICE_ACCOUNT);
write('zz-namespaces/prod.yaml', NAMESPACE_PROD);
write('broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: [\n');
write('suppressed.yaml', `# podsec-disable-file privileged\n${pod('s')}`);

function check(workers: number, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args, root, path.join(root, 'missing.yaml')], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PODSEC_CHECK_WORKERS: String(workers) },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('three workers print what one thread prints, in JSON and in text', () => {
  for (const format of ['json', 'text']) {
    const one = check(1, '--format', format);
    const three = check(3, '--format', format);
    assert.equal(one.status, 2, 'a missing input makes the run fail');
    assert.deepEqual(three, one, format);
  }
  const findings = JSON.parse(check(3, '--format', 'json').stdout).findings as { file: string; ruleId: string; severity: string }[];
  // The Namespace (read by one worker) makes privileged an error for the pods in prod, whichever worker lints them.
  const prod = findings.filter((f) => f.ruleId === 'privileged' && /app-0[12]\.yaml$/.test(f.file));
  assert.deepEqual(prod.map((f) => f.severity), ['error', 'error']);
  // The ServiceAccount of prod (read by one worker) disables the token for every pod of prod.
  assert.ok(!findings.some((f) => f.ruleId === 'automountServiceAccountToken' && /app-0[12]\.yaml$/.test(f.file)));
  assert.ok(findings.some((f) => f.ruleId === 'automountServiceAccountToken' && /app-00\.yaml$/.test(f.file)));
});

// The streaming `podsec check` (each file linted as soon as it is parsed, re-linted when what it read from other
// files changed) against the plain one (every file parsed, then every file linted against the complete index).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { LineIndex, lintParsed } from '../../server/src/engine';
import { lintOptionsFor, planRun, prepareRun } from '../../server/src/cli/run-inputs';
import { checkStreaming } from '../../server/src/cli/stream-check';
import type { FileFinding } from '../../server/src/cli/report';

/** What the CLI did before streaming: the reference. */
function checkWhole(paths: string[]): FileFinding[] {
  const run = prepareRun({ paths, noConfig: true });
  if ('broken' in run) throw new Error(run.broken.join('\n'));
  const out: FileFinding[] = [];
  for (const { input, parsed } of run.inputs) {
    const lines = new LineIndex(input.text);
    for (const f of lintParsed(parsed, lintOptionsFor(run, input))) out.push({ ...f, file: input.display, range: { start: lines.positionAt(f.span.start), end: lines.positionAt(f.span.end) } });
  }
  return out;
}

function checkStreamed(paths: string[]): FileFinding[] {
  const plan = planRun({ paths, noConfig: true });
  if ('broken' in plan) throw new Error(plan.broken.join('\n'));
  return checkStreaming(plan).findings;
}

const NS = ['team-a', 'team-b'];
const namespace = (ns: string, level: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n`;
const workload = (ns: string | undefined, name: string, sa: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  template:\n    spec:\n      serviceAccountName: ${sa}\n      containers:\n        - name: app\n          image: nginx:1.25\n          securityContext:\n            privileged: true\n`;
const serviceAccount = (ns: string | undefined, name: string, automount: boolean) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}automountServiceAccountToken: ${automount}\n`;
const networkPolicy = (ns: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: ${ns}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`;
const limitRange = (ns: string) => `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: limits\n  namespace: ${ns}\n`;

const nsArb = fc.option(fc.constantFrom(...NS), { nil: undefined });
const documentArb = fc.oneof(
  fc.tuple(fc.constantFrom(...NS), fc.constantFrom('restricted', 'baseline', 'privileged')).map(([ns, level]) => namespace(ns, level)),
  fc.tuple(nsArb, fc.constantFrom('web', 'api'), fc.constantFrom('default', 'web')).map(([ns, name, sa]) => workload(ns, name, sa)),
  fc.tuple(nsArb, fc.constantFrom('default', 'web'), fc.boolean()).map(([ns, name, automount]) => serviceAccount(ns, name, automount)),
  fc.constantFrom(...NS).map(networkPolicy),
  fc.constantFrom(...NS).map(limitRange),
);
const workspaceArb = fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b/c', 'b', 'm', 'z', 'apps/x', 'ns/y'), fc.array(documentArb, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 6, selector: ([name]) => name });

test('streaming gives the findings of linting every file against every file\'s facts, in the same order', () => {
  fc.assert(fc.property(workspaceArb, (files) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-stream-'));
    try {
      for (const [name, docs] of files) {
        fs.mkdirSync(path.dirname(path.join(dir, `${name}.yaml`)), { recursive: true });
        fs.writeFileSync(path.join(dir, `${name}.yaml`), docs.join('---\n'));
      }
      assert.deepEqual(checkStreamed([dir]), checkWhole([dir]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }), { numRuns: 150 });
});

test('a Namespace linted before the workloads of its namespace are read gets the findings those workloads cause', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-stream-'));
  try {
    // The Namespace file is read first (it declares what others read); its workloads come later.
    fs.writeFileSync(path.join(dir, 'a-app.yaml'), workload('team-a', 'web', 'default'));
    fs.writeFileSync(path.join(dir, 'z-ns.yaml'), namespace('team-a', 'restricted'));
    const onNamespace = checkStreamed([dir]).filter((f) => f.file.endsWith('z-ns.yaml')).map((f) => `${f.ruleId}: ${f.message}`);
    assert.ok(onNamespace.includes('limitRange: namespace "team-a" has workloads but no LimitRange'), onNamespace.join('\n'));
    assert.deepEqual(checkStreamed([dir]), checkWhole([dir]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Hover over real JSON-RPC: a rule field, a passing field, a workload's kind, a Namespace label, and nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { at, rangeIn, TestClient } from './client';
import { deployment, namespace, POD } from './fixtures';

function markdown(h: Hover | null): string {
  assert.ok(h, 'a hover');
  const c = h.contents as MarkupContent;
  assert.equal(c.kind, 'markdown');
  return c.value;
}

describe('hover', () => {
  let client: TestClient;
  const podUri = () => client.uri('pod.yaml');
  before(async () => {
    client = await TestClient.start();
    await client.open(podUri(), POD);
    await client.forVersion(podUri(), 1);
  });
  after(() => client.stop());

  test('on a violating field: the rule, the attack, allowed values, this Pod\'s verdict, the fix and the docs link', async () => {
    const r = rangeIn(POD, 'privileged: true', 'true');
    const h = await client.hover(podUri(), r.start.line, r.start.character + 1);
    const md = markdown(h);
    assert.equal(at(h!.range!), at(r));
    assert.match(md, /^\*\*Privileged containers\*\* · Pod Security \*baseline\* check `privileged` · since v1\.0/);
    assert.match(md, /\*\*Why it matters:\*\* A privileged container has all capabilities/);
    assert.match(md, /\*\*Allowed values:\*\* `false` or unset/);
    assert.match(md, /\*\*This Pod\*\* `web` in namespace `default` \(no labels known, default policy\):/);
    assert.match(md, /✗ enforce `baseline:latest`: the API server rejects this Pod — privileged \(container "app" must not set securityContext\.privileged=true\)/);
    assert.match(md, /\*\*How to fix:\*\* Remove `privileged: true`/);
    assert.match(md, /\[Pod Security Standards: baseline\]\(https:\/\/kubernetes\.io\/docs\/concepts\/security\/pod-security-standards\/#baseline\)/);
  });

  test('on a key of a passing rule: passes under its policy, and says which modes do not check it', async () => {
    const r = rangeIn(POD, 'allowPrivilegeEscalation: false', 'allowPrivilegeEscalation');
    const md = markdown(await client.hover(podUri(), r.start.line, r.start.character));
    assert.match(md, /check `allowPrivilegeEscalation`/);
    assert.match(md, /- – enforce `baseline:latest`: not a baseline check/);
    assert.match(md, /- ✓ warn `restricted:latest`: passes/);
  });

  test('on kind: the standing under each policy and the controller\'s text', async () => {
    const r = rangeIn(POD, 'kind: Pod', 'Pod');
    const h = await client.hover(podUri(), r.start.line, r.start.character);
    const md = markdown(h);
    assert.equal(at(h!.range!), at(r));
    assert.match(md, /^\*\*This Pod\*\* `web` in namespace `default`/);
    assert.match(md, /\nrestricted:latest ✗ 2 violations · baseline:latest ✗ 1 violation\n/);
    assert.match(md, /violates PodSecurity "baseline:latest": privileged \(container "app" must not set securityContext\.privileged=true\)/);
    assert.match(md, /would violate PodSecurity "restricted:latest": privileged \(.*\), runAsNonRoot != true \(container "app" must not set securityContext\.runAsNonRoot=false\)/);
  });

  test('on a workload in a labelled namespace: that namespace\'s policy, Pods would be rejected', async () => {
    const nsUri = client.uri('ns.yaml');
    await client.open(nsUri, namespace('prod', { enforce: 'restricted', 'enforce-version': 'v1.30' }));
    const uri = client.uri('deploy.yaml');
    const text = deployment('prod');
    await client.open(uri, text);
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.severity === 1));
    const r = rangeIn(text, 'kind: Deployment', 'Deployment');
    const md = markdown(await client.hover(uri, r.start.line, r.start.character + 3));
    assert.match(md, /\*\*This Deployment\*\* `web-prod` in namespace `prod` \(labels of its Namespace manifest\)/);
    // warn follows enforce to restricted:v1.30 (same level as PodSec's default warn), so one policy is shown.
    assert.match(md, /\nrestricted:v1\.30 ✗ 1 violation\n/);
    assert.match(md, /\*\*enforce \+ warn\*\* \(its Pods would be rejected\):\n\n```text\nwould violate PodSecurity "restricted:v1\.30": runAsNonRoot != true \(pod must not set securityContext\.runAsNonRoot=false\)\n```/);
    await client.close(nsUri);
  });

  test('on a Pod Security label of a Namespace: what the mode does, the valid values, and this value', async () => {
    const uri = client.uri('labels.yaml');
    const text = namespace('prod', { enforce: 'strict', 'warn-version': 'v1.30' });
    await client.open(uri, text);
    await client.forVersion(uri, 1);
    const key = rangeIn(text, 'pod-security.kubernetes.io/enforce', 'enforce');
    const h = await client.hover(uri, key.start.line, key.start.character);
    const md = markdown(h);
    assert.equal(at(h!.range!), at(rangeIn(text, 'pod-security.kubernetes.io/enforce', 'pod-security.kubernetes.io/enforce')));
    assert.match(md, /Pods that violate the policy are \*\*rejected\*\*/);
    assert.match(md, /\*\*Valid values:\*\* `privileged` \(no restrictions\), `baseline`/);
    assert.match(md, /✗ `strict` is invalid: must be one of privileged, baseline, restricted; the controller uses `restricted` \(fails closed\)/);
    const version = rangeIn(text, 'v1.30', 'v1.30');
    const vmd = markdown(await client.hover(uri, version.start.line, version.start.character));
    assert.match(vmd, /`latest` or `v1\.<minor>`/);
    assert.match(vmd, /✓ `v1\.30` is valid/);
    assert.match(vmd, /\*\*Effective policy of namespace `prod`:\*\* enforce `restricted:latest` · warn `restricted:v1\.30` · audit `privileged:latest`/);
  });

  test('nothing on fields no rule inspects and no finding is on, on comments, or in files without objects', async () => {
    const version = rangeIn(POD, 'apiVersion: v1', 'v1');
    assert.equal(await client.hover(podUri(), version.start.line, version.start.character), null);
    const other = client.uri('other.yaml');
    await client.open(other, '# privileged: true\nprivileged: true\n');
    assert.equal(await client.hover(other, 0, 4), null);
    assert.equal(await client.hover(other, 1, 2), null);
  });
});

// Hover on findings where no inspected field is (a missing field anchored on the container's name), and hover of
// the hardening rules on their fields and at their findings, over real JSON-RPC.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { at, rangeIn, TestClient } from './client';

/** A container with no securityContext: restricted findings for missing fields sit on its name. */
const BARE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:latest
          imagePullPolicy: IfNotPresent
`;

function markdown(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

/** The section titles, in order (the first line of each section). */
function titles(md: string): string[] {
  return md.split('\n\n---\n\n').map((s) => s.split('\n')[0]);
}

describe('hover at findings', () => {
  let client: TestClient;
  const uri = () => client.uri('web.yaml');
  before(async () => {
    client = await TestClient.start();
    await client.open(uri(), BARE);
    await client.forVersion(uri(), 1);
  });
  after(() => client.stop());

  test('on the container name that anchors missing-field findings: one section per rule, the PSS ones with the verdict', async () => {
    const name = rangeIn(BARE, 'name: app', 'app');
    const h = await client.hover(uri(), name.start.line, name.start.character + 1);
    const md = markdown(h);
    assert.equal(at(h!.range!), at(name));
    const diagnostics = client.latest(uri())!.diagnostics.filter((d) => at(d.range) === at(name));
    const rules = [...new Set(diagnostics.map((d) => String(d.code)))];
    assert.ok(rules.includes('runAsNonRoot') && rules.includes('resources'), rules.join(', '));
    // One section per rule that has a diagnostic here, in the order of the diagnostics.
    assert.equal(titles(md).length, rules.length);
    assert.match(md, /\*\*Running as non-root\*\* · Pod Security \*restricted\* check `runAsNonRoot`/);
    assert.match(md, /- ✗ warn `restricted:latest`: the API server returns a warning — runAsNonRoot != true \(pod or container "app" must set securityContext\.runAsNonRoot=true\)/);
    assert.match(md, /\*\*Resource requests and limits\*\* · hardening rule `resources` · default severity \*warning\*/);
    assert.match(md, /\*\*Here:\*\*\n- ✗ container "app" should set resources\.limits\.memory/);
  });

  test('on a hardening rule\'s field: its documentation and what it found in this object', async () => {
    const policy = rangeIn(BARE, 'imagePullPolicy: IfNotPresent', 'imagePullPolicy');
    const md = markdown(await client.hover(uri(), policy.start.line, policy.start.character + 2));
    assert.deepEqual(titles(md), ['**Image pull policy** · hardening rule `imagePullPolicy` · default severity *info*']);
    assert.match(md, /\*\*Here:\*\*\n- ✗ .*imagePullPolicy/);
    const image = rangeIn(BARE, 'image: nginx:latest', 'nginx:latest');
    const imageMd = markdown(await client.hover(uri(), image.start.line, image.start.character + 2));
    assert.match(imageMd, /hardening rule `imageTag`/);
    assert.match(imageMd, /the mutable tag "latest"/);
  });

  test('a field of a passing hardening rule says so; other fields and RBAC field names outside RBAC objects show nothing', async () => {
    const text = BARE.replace('image: nginx:latest', 'image: nginx:1.25').replace('IfNotPresent', 'Always');
    const other = client.uri('passing.yaml');
    await client.open(other, text);
    await client.forVersion(other, 1);
    const policy = rangeIn(text, 'imagePullPolicy: Always', 'imagePullPolicy');
    assert.match(markdown(await client.hover(other, policy.start.line, policy.start.character)), /- ✓ no `imagePullPolicy` problem in this Deployment/);
    const replicas = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  verbs: get\n';
    const cm = client.uri('cm.yaml');
    await client.open(cm, replicas);
    await client.forVersion(cm, 1);
    assert.equal(await client.hover(cm, 5, 3), null, '`verbs` of a ConfigMap is not an RBAC field');
  });
});

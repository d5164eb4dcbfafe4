// Diagnostics over real JSON-RPC: exact ranges, codes, severities and versions; incremental edits; stale results;
// closing; file size limit; non-Kubernetes JSON.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { at, brief, pss, rangeIn, rangeOf, TestClient, waitFor } from './client';
import { POD } from './fixtures';
import { UNUSED_DIRECTIVE_RULE } from '../../server/src/engine/config/rule-catalog';

describe('diagnostics', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start(); });
  after(() => client.stop());

  test('open: one diagnostic per violation, exact range, code, severity, docs link and version', async () => {
    const uri = client.uri('pod.yaml');
    await client.open(uri, POD, 'yaml', 7);
    const p = await client.forVersion(uri, 7);
    // Default policy: enforce baseline (errors), warn restricted (warnings).
    assert.deepEqual(brief(pss(p.diagnostics)), [
      `privileged error ${at(rangeIn(POD, 'privileged: true', 'true'))}`,
      `runAsNonRoot warning ${at(rangeIn(POD, 'runAsNonRoot: false', 'false'))}`,
    ]);
    const d = pss(p.diagnostics).find((x) => x.code === 'privileged')!;
    assert.equal(d.source, 'podsec');
    assert.equal(d.message, 'privileged (container "app" must not set securityContext.privileged=true)');
    assert.equal(d.codeDescription?.href, 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline');
    assert.deepEqual(d.data, { ruleId: 'privileged' });
    assert.equal(pss(p.diagnostics).find((x) => x.code === 'runAsNonRoot')!.codeDescription?.href,
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted');
  });

  test('incremental edits move the diagnostics; fixing the value removes them', async () => {
    const uri = client.uri('edit.yaml');
    await client.open(uri, POD);
    await client.forVersion(uri, 1);
    // Insert two lines above everything: every range moves down by two lines.
    const v2 = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# one\n# two\n' }]);
    const moved = await client.forVersion(uri, v2);
    const text2 = `# one\n# two\n${POD}`;
    assert.deepEqual(brief(pss(moved.diagnostics)), [
      `privileged error ${at(rangeIn(text2, 'privileged: true', 'true'))}`,
      `runAsNonRoot warning ${at(rangeIn(text2, 'runAsNonRoot: false', 'false'))}`,
    ]);
    assert.equal(rangeIn(text2, 'privileged: true', 'true').start.line, rangeIn(POD, 'privileged: true', 'true').start.line + 2);
    // Replace `true` of privileged with `false`.
    const v3 = await client.change(uri, [{ range: rangeIn(text2, 'privileged: true', 'true'), text: 'false' }]);
    const fixed = await client.forVersion(uri, v3);
    assert.deepEqual(brief(pss(fixed.diagnostics)), [`runAsNonRoot warning ${at(rangeIn(text2, 'runAsNonRoot: false', 'false'))}`]);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = client.uri('close.yaml');
    await client.open(uri, POD);
    await client.diagnostics(uri, (p) => pss(p.diagnostics).length === 2);
    await client.close(uri);
    const cleared = await client.diagnostics(uri, (p) => p.diagnostics.length === 0, 'cleared diagnostics');
    assert.equal(cleared.version, undefined);
  });

  test('a file over podsec.maxFileSize gets one information diagnostic at 0:0 and no analysis', async () => {
    const big = await TestClient.start({ settings: { maxFileSize: 200 } });
    try {
      const uri = big.uri('big.yaml');
      await big.open(uri, POD);
      const p = await big.forVersion(uri, 1);
      assert.equal(p.diagnostics.length, 1);
      const [d] = p.diagnostics;
      assert.equal(at(d.range), '0:0-0:0');
      assert.equal(d.severity, 3);
      assert.match(String(d.message), new RegExp(`did not analyse this file: it is ${POD.length} bytes, larger than podsec.maxFileSize \\(200 bytes\\)`));
      const status = await waitFor(() => big.statuses.find((s) => s.uri === uri), 'status');
      assert.equal(status.state, 'skipped');
    } finally {
      await big.stop();
    }
  });

  test('JSON that is not Kubernetes gets no diagnostics; a JSON manifest does', async () => {
    const pkg = client.uri('package.json');
    await client.open(pkg, '{ "name": "x", "scripts": { "privileged": true } ', 'json');
    assert.deepEqual((await client.forVersion(pkg, 1)).diagnostics, []);
    const manifest = client.uri('pod.json');
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { hostNetwork: true, containers: [{ name: 'c', image: 'i' }] } }, null, 2);
    await client.open(manifest, json, 'json');
    const p = await client.forVersion(manifest, 1);
    assert.deepEqual(brief(pss(p.diagnostics)).filter((b) => b.startsWith('hostNamespaces')), [`hostNamespaces error ${at(rangeOf(json, 'true'))}`]);
  });

  test('a YAML syntax error is reported as yamlSyntax without a docs link', async () => {
    const uri = client.uri('broken.yaml');
    await client.open(uri, 'apiVersion: v1\nkind: Pod\nspec: [oops\n');
    const p = await client.diagnostics(uri, (x) => x.diagnostics.length > 0);
    const syntax = p.diagnostics.filter((d) => d.code === 'yamlSyntax');
    assert.ok(syntax.length >= 1);
    assert.equal(syntax[0].codeDescription, undefined);
    assert.equal(syntax[0].severity, 1);
  });

  test('status notification: policy of the namespace and the counts of problems', async () => {
    const uri = client.uri('status.yaml');
    await client.open(uri, POD);
    const status = await waitFor(() => client.statuses.find((s) => s.uri === uri), 'status');
    assert.deepEqual(status.policies, [{ namespace: 'default', enforce: 'baseline:latest', warn: 'restricted:latest', audit: 'privileged:latest', source: 'default' }]);
    assert.equal(status.counts.error, 1);
    assert.ok(status.counts.warning >= 1);
  });
});

describe('stale results', () => {
  test('under slow configuration answers and rapid edits, published versions never go backwards and the last is the newest', async () => {
    const client = await TestClient.start({ configurationDelayMs: 30 });
    try {
      const uri = client.uri('race.yaml');
      await client.open(uri, POD);
      let last = 1;
      for (let i = 0; i < 15; i++) {
        last = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#\n' }]);
        // A settings change in the middle forces slow re-fetches while edits keep coming.
        if (i % 5 === 2) await client.setSettings({ enforce: i % 2 ? 'restricted' : 'baseline' });
      }
      await client.setSettings({});
      await client.forVersion(uri, last);
      // Let every in-flight check finish: a hover is answered after the check it waits for.
      await client.hover(uri, 0, 0);
      const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions in publish order: ${versions}`);
      assert.equal(client.latest(uri)!.version, last);
      // And the final diagnostics are those of the final settings ({} -> defaults) and text.
      assert.deepEqual(brief(pss(client.latest(uri)!.diagnostics)).map((b) => b.split(' ').slice(0, 2).join(' ')), ['privileged error', 'runAsNonRoot warning']);
    } finally {
      await client.stop();
    }
  });
});

describe('suppression comments', () => {
  test('a directive suppresses its rule on the next line; one that suppresses nothing is a faded hint', async () => {
    const client = await TestClient.start();
    try {
      const uri = client.uri('suppressed.yaml');
      const text = POD
        .replace('        privileged: true\n', '        # podsec-disable-next-line privileged -- debugging image, removed before release\n        privileged: true\n')
        .replace('      image: nginx\n', '      # podsec-disable-next-line hostNamespaces\n      image: nginx\n');
      await client.open(uri, text);
      const p = await client.forVersion(uri, 1);
      assert.deepEqual(brief(pss(p.diagnostics)), [`runAsNonRoot warning ${at(rangeIn(text, 'runAsNonRoot: false', 'false'))}`]);
      const unused = p.diagnostics.filter((d) => d.code === UNUSED_DIRECTIVE_RULE);
      assert.equal(unused.length, 1);
      assert.equal(unused[0].severity, 4);
      assert.deepEqual(unused[0].tags, [1]);
      assert.equal(unused[0].range.start.line, rangeIn(text, '# podsec-disable-next-line hostNamespaces', '#').start.line);
    } finally {
      await client.stop();
    }
  });
});

// Settings pulled with workspace/configuration: a change (didChangeConfiguration) re-checks open documents.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, pss, TestClient, waitFor } from './client';
import { deployment, POD } from './fixtures';

/** `code severity` pairs of the PSS diagnostics. */
const codes = (client: TestClient, uri: string) => brief(pss(client.latest(uri)?.diagnostics ?? [])).map((b) => b.split(' ').slice(0, 2).join(' '));

async function expectCodes(client: TestClient, uri: string, expected: string[]): Promise<void> {
  await client.diagnostics(uri, () => JSON.stringify(codes(client, uri)) === JSON.stringify(expected), JSON.stringify(expected));
}

describe('settings', () => {
  let client: TestClient;
  const pod = () => client.uri('pod.yaml');
  const app = () => client.uri('app.yaml');
  before(async () => {
    client = await TestClient.start();
    await client.open(pod(), POD);
    await client.open(app(), deployment('production').replace('  namespace: production\n', ''));
    await expectCodes(client, pod(), ['privileged error', 'runAsNonRoot warning']);
  });
  after(() => client.stop());

  test('enforce / warn / audit levels follow a settings change without reopening', async () => {
    await client.setSettings({ enforce: 'restricted' });
    await expectCodes(client, pod(), ['privileged error', 'runAsNonRoot error']);
    await client.setSettings({ enforce: 'privileged', warn: 'baseline', audit: 'restricted' });
    await expectCodes(client, pod(), ['privileged warning', 'runAsNonRoot info']);
    await client.setSettings({ enforce: 'privileged', warn: 'privileged', audit: 'privileged' });
    await expectCodes(client, pod(), []);
    assert.equal(client.latest(pod())!.version, 1);
  });

  test('podsec.rules turns a rule off or changes its severity', async () => {
    await client.setSettings({ rules: { privileged: 'off', runAsNonRoot: 'info' } });
    await expectCodes(client, pod(), ['runAsNonRoot info']);
  });

  test('podsec.namespaces + podsec.defaultNamespace give objects without a namespace a configured policy', async () => {
    await client.setSettings({ defaultNamespace: 'production', namespaces: { production: { enforce: 'restricted', 'enforce-version': 'v1.30' } } });
    await expectCodes(client, app(), ['runAsNonRoot error']);
    const status = await waitFor(() => {
      const s = client.statuses.filter((x) => x.uri === app()).at(-1);
      return s?.policies[0]?.namespace === 'production' ? s : undefined;
    }, 'status for namespace production');
    assert.deepEqual(status.policies[0], { namespace: 'production', enforce: 'restricted:v1.30', warn: 'restricted:v1.30', audit: 'privileged:latest', source: 'config' });
  });

  test('podsec.version pins the default policy version', async () => {
    await client.setSettings({ version: 'v1.22', enforce: 'restricted' });
    await waitFor(() => client.statuses.filter((x) => x.uri === pod()).at(-1)?.policies[0]?.enforce === 'restricted:v1.22', 'enforce restricted:v1.22');
    await expectCodes(client, pod(), ['privileged error', 'runAsNonRoot error']);
  });

  test('malformed settings are ignored one by one, the rest still apply', async () => {
    await client.setSettings({ enforce: 'strict', warn: 42, version: '1.30', maxFileSize: 'big', rules: { privileged: 'loud', runAsNonRoot: 'off' } });
    await expectCodes(client, pod(), ['privileged error']);
  });
});

describe('clients that cannot answer workspace/configuration', () => {
  test('settings come from initializationOptions, then from didChangeConfiguration payloads', async () => {
    const client = await TestClient.start({ bare: true, initializationOptions: { podsec: { enforce: 'restricted' } } });
    try {
      const uri = client.uri('pod.yaml');
      await client.open(uri, POD);
      await expectCodes(client, uri, ['privileged error', 'runAsNonRoot error']);
      await client.pushSettings({ podsec: { enforce: 'baseline', warn: 'privileged' } });
      await expectCodes(client, uri, ['privileged error']);
      assert.deepEqual(client.registrations, [], 'nothing is registered with a client that did not offer it');
    } finally {
      await client.stop();
    }
  });
});

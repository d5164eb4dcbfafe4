// Settings -> policy mapping: lenient reading, short namespace keys, merge over the config file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { effectiveSettings, namespaceLabels, readSettings } from '../../../server/src/lsp/settings';
import { FORWARDED_SETTINGS, setDotted } from '../../../shared/settings-keys';
import { FIX_ALL_KIND as SHARED_FIX_ALL } from '../../../shared/protocol';
import { FIX_ALL_KIND } from '../../../server/src/lsp/code-actions';
import { PolicyResolver } from '../../../server/src/engine';

test('readSettings keeps well-formed values and drops the rest one by one', () => {
  assert.deepEqual(readSettings({
    enforce: 'restricted', warn: 'loud', audit: 3, version: 'v1.30', defaultNamespace: '  apps ', maxFileSize: 1000,
    rules: { privileged: 'off', runAsUser: 'fatal' }, fix: { nonRootUserId: 2000 },
  }), { enforce: 'restricted', version: 'v1.30', defaultNamespace: 'apps', maxFileSize: 1000, rules: { privileged: 'off' }, nonRootUserId: 2000 });
  assert.deepEqual(readSettings({ version: '1.30', maxFileSize: -1, defaultNamespace: '', fix: { nonRootUserId: 0 } }), {});
  for (const junk of [null, undefined, 'x', 42, []]) assert.deepEqual(readSettings(junk), {});
});

test('podsec.namespaces short keys become pod-security.kubernetes.io labels; full label names pass through', () => {
  assert.deepEqual(namespaceLabels({
    production: { enforce: 'restricted', 'enforce-version': 'v1.30', 'pod-security.kubernetes.io/audit': 'baseline', owner: 'team-a', warn: 7 },
    broken: 'restricted',
  }), {
    production: {
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'v1.30',
      'pod-security.kubernetes.io/audit': 'baseline',
    },
  });
});

test('no settings and no config file: the built-in defaults', () => {
  const e = effectiveSettings({});
  assert.deepEqual(e.policy.defaults, {
    enforce: { level: 'baseline', version: 'latest' },
    warn: { level: 'restricted', version: 'latest' },
    audit: { level: 'privileged', version: 'latest' },
  });
  assert.equal(e.policy.defaultNamespace, 'default');
  assert.equal(e.maxFileSize, 5_000_000);
  assert.deepEqual(e.fix, { nonRootUserId: 1000 });
});

test('settings win over the config file key by key; namespaces and rules merge entry by entry', () => {
  const e = effectiveSettings(
    { warn: 'baseline', version: 'v1.29', namespaces: { prod: { 'pod-security.kubernetes.io/enforce': 'baseline' } }, rules: { runAsUser: 'info' } },
    {
      defaults: { enforce: { level: 'restricted', version: 'v1.25' }, audit: { level: 'restricted' } },
      defaultNamespace: 'apps',
      namespaces: { prod: { 'pod-security.kubernetes.io/enforce': 'restricted' }, staging: { 'pod-security.kubernetes.io/warn': 'restricted' } },
      rules: { runAsUser: 'off', privileged: 'warning' },
      ignore: ['vendor'],
    },
  );
  assert.deepEqual(e.policy.defaults, {
    enforce: { level: 'restricted', version: 'v1.29' },
    warn: { level: 'baseline', version: 'v1.29' },
    audit: { level: 'restricted', version: 'v1.29' },
  });
  assert.equal(e.policy.defaultNamespace, 'apps');
  assert.deepEqual(Object.fromEntries(e.policy.configuredNamespaces!), {
    prod: { 'pod-security.kubernetes.io/enforce': 'baseline' },
    staging: { 'pod-security.kubernetes.io/warn': 'restricted' },
  });
  assert.deepEqual(e.config.rules, { runAsUser: 'info', privileged: 'warning' });
  assert.deepEqual(e.config.ignore, ['vendor']);
});

test('the resolver built from settings applies configured namespaces and the default namespace', () => {
  const e = effectiveSettings({ defaultNamespace: 'production', namespaces: namespaceLabels({ production: { enforce: 'restricted', 'enforce-version': 'v1.30' } }) });
  const d = new PolicyResolver(e.policy, { labels: () => undefined }).forObject({});
  assert.equal(d.namespace, 'production');
  assert.equal(d.source, 'config');
  assert.deepEqual(d.enforce, { level: 'restricted', version: 'v1.30' });
});

test('the client forwards exactly the contributed podsec settings (except trace.server), nested like VS Code', () => {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  const contributed = Object.keys(pkg.contributes.configuration.properties).map((k) => k.replace(/^podsec\./, '')).filter((k) => k !== 'trace.server');
  assert.deepEqual([...FORWARDED_SETTINGS].sort(), contributed.sort());
  const out: Record<string, unknown> = {};
  setDotted(out, 'fix.nonRootUserId', 5);
  setDotted(out, 'enforce', 'baseline');
  assert.deepEqual(out, { fix: { nonRootUserId: 5 }, enforce: 'baseline' });
  assert.deepEqual(readSettings(out), { enforce: 'baseline', nonRootUserId: 5 });
});

test('package.json: behaviour settings are resource-scoped, trace is window-scoped, every setting is described', () => {
  const props: Record<string, { scope: string; description?: string; markdownDescription?: string; default: unknown }> = JSON.parse(fs.readFileSync('package.json', 'utf8')).contributes.configuration.properties;
  for (const [key, p] of Object.entries(props)) {
    assert.equal(p.scope, key === 'podsec.trace.server' ? 'window' : 'resource', key);
    assert.ok((p.description ?? p.markdownDescription ?? '').length > 20, `${key} has a description`);
  }
  assert.equal(props['podsec.enforce'].default, 'baseline');
  assert.equal(props['podsec.warn'].default, 'restricted');
  assert.equal(props['podsec.audit'].default, 'privileged');
  assert.equal(props['podsec.maxFileSize'].default, 5_000_000);
});

test('client and server agree on the fix-all code action kind', () => {
  assert.equal(SHARED_FIX_ALL, FIX_ALL_KIND);
  assert.equal(SHARED_FIX_ALL, 'source.fixAll.podsec');
});

test('podsec.fix.resources and podsec.hardening.*: valid values are kept, the hardening options win over the config file', () => {
  const raw = {
    fix: { resources: { cpuRequest: '250m', memoryLimit: ' 1Gi ', cpuLimit: 2, bogus: 'x' } },
    hardening: { requireCpuLimits: true, requireImageDigest: 'yes' },
  };
  const settings = readSettings(raw);
  assert.deepEqual(settings, { resourceDefaults: { cpuRequest: '250m', memoryLimit: '1Gi' }, hardening: { requireCpuLimits: true } });
  const effective = effectiveSettings(settings, { hardening: { requireCpuLimits: false, requireImageDigest: true } });
  assert.deepEqual(effective.config.hardening, { requireCpuLimits: true, requireImageDigest: true });
  assert.deepEqual(effective.fix, { nonRootUserId: 1000, resourceDefaults: { cpuRequest: '250m', memoryLimit: '1Gi' } });
  assert.deepEqual(effectiveSettings(readSettings({})).fix, { nonRootUserId: 1000 });
});

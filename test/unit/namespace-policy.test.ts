import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveNamespacePolicy } from '../../server/src/engine/policy/namespace-policy';
import { effectiveMinor, isValidVersion } from '../../server/src/engine/policy/version';

const L = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`pod-security.kubernetes.io/${k}`, v]));

test('no labels: the tool default (enforce baseline, warn restricted, audit privileged) at latest', () => {
  const p = resolveNamespacePolicy(undefined);
  assert.deepEqual([p.enforce, p.warn, p.audit], [
    { level: 'baseline', version: 'latest' }, { level: 'restricted', version: 'latest' }, { level: 'privileged', version: 'latest' },
  ]);
  assert.deepEqual(p.labelErrors, []);
});

test('warn follows a stricter enforce, with its version unless warn-version is set', () => {
  const defaults = { enforce: { level: 'privileged', version: 'latest' }, warn: { level: 'privileged', version: 'latest' }, audit: { level: 'privileged', version: 'latest' } } as const;
  const a = resolveNamespacePolicy(L({ enforce: 'restricted', 'enforce-version': 'v1.30' }), defaults);
  assert.deepEqual(a.warn, { level: 'restricted', version: 'v1.30' });
  const b = resolveNamespacePolicy(L({ enforce: 'baseline', 'enforce-version': 'v1.30', 'warn-version': 'v1.25' }), defaults);
  assert.deepEqual(b.warn, { level: 'baseline', version: 'v1.25' });
  const c = resolveNamespacePolicy(L({ enforce: 'baseline', warn: 'privileged' }), defaults);
  assert.deepEqual(c.warn, { level: 'privileged', version: 'latest' });
});

test('an enforce label at the default warn level takes warn to its version', () => {
  const p = resolveNamespacePolicy(L({ enforce: 'restricted', 'enforce-version': 'v1.30' }));
  assert.deepEqual(p.warn, { level: 'restricted', version: 'v1.30' });
  const pinned = resolveNamespacePolicy(L({ enforce: 'restricted', 'enforce-version': 'v1.30', 'warn-version': 'v1.33' }));
  assert.deepEqual(pinned.warn, { level: 'restricted', version: 'v1.33' });
});

test('warn does not follow a weaker enforce: the default restricted warn stays', () => {
  const p = resolveNamespacePolicy(L({ enforce: 'baseline' }));
  assert.deepEqual(p.warn, { level: 'restricted', version: 'latest' });
});

test('invalid labels: enforce fails closed, warn/audit fail open, bad versions mean latest', () => {
  const p = resolveNamespacePolicy(L({ enforce: 'Restricted', warn: 'strict', audit: 'nope', 'enforce-version': '1.30' }));
  assert.deepEqual(p.enforce, { level: 'restricted', version: 'latest' });
  assert.deepEqual(p.warn, { level: 'privileged', version: 'latest' });
  assert.deepEqual(p.audit, { level: 'privileged', version: 'latest' });
  assert.equal(p.labelErrors.length, 4);
  assert.match(p.labelErrors[0], /enforce: must be one of privileged, baseline, restricted/);
});

test('version syntax: latest or v1.<minor> without leading zeros', () => {
  for (const ok of ['latest', 'v1.0', 'v1.30', 'v1.99']) assert.ok(isValidVersion(ok), ok);
  for (const bad of ['1.30', 'v1.030', 'v2.0', 'v1.30.1', 'Latest', '']) assert.ok(!isValidVersion(bad), bad);
});

test('latest evaluates as the newest released minor; explicit versions clamp to the newest known', () => {
  assert.equal(effectiveMinor('latest'), 36);
  assert.equal(effectiveMinor('v1.22'), 22);
  assert.equal(effectiveMinor('v1.37'), 37);
  assert.equal(effectiveMinor('v1.99'), 37);
});

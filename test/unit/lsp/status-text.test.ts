// Words of the language status item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsText, statusDetail, statusLabel } from '../../../shared/status-text';
import type { StatusParams } from '../../../shared/protocol';

const base: StatusParams = { uri: 'file:///a.yaml', version: 1, state: 'ok', policies: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } };
const prod = { namespace: 'production', enforce: 'restricted:v1.30', warn: 'restricted:v1.30', audit: 'privileged:latest', source: 'namespace' as const };

test('label: the enforce policy and namespace of the first workload', () => {
  assert.equal(statusLabel({ ...base, policies: [prod] }), 'PodSec: restricted:v1.30 · ns production');
  assert.equal(statusLabel({ ...base, policies: [prod, { ...prod, namespace: 'b' }, { ...prod, namespace: 'c' }] }), 'PodSec: restricted:v1.30 · ns production +2 more');
  assert.equal(statusLabel(base), 'PodSec: no workloads');
  assert.equal(statusLabel({ ...base, state: 'skipped', reason: 'too large' }), 'PodSec: not analysed');
  assert.equal(statusLabel({ ...base, state: 'failed', reason: 'boom' }), 'PodSec: analysis failed');
});

test('detail: counts, then each namespace\'s full policy; the reason when not analysed', () => {
  assert.equal(statusDetail({ ...base, policies: [prod], counts: { error: 2, warning: 1, info: 0, hint: 0 } }),
    '2 errors, 1 warning · production: enforce restricted:v1.30, warn restricted:v1.30, audit privileged:latest');
  assert.equal(statusDetail({ ...base, state: 'skipped', reason: 'too large' }), 'too large');
  assert.equal(countsText({ error: 0, warning: 0, info: 1, hint: 3 }), '1 info, 3 hints');
  assert.equal(countsText(base.counts), 'no problems');
});

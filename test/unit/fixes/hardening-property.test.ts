/**
 * Property test of the hardening fixes: on generated manifests (hardening-gen.ts) and the hardening fixtures, under
 * random settings and fix options, every offered fix parses, removes its finding, adds no finding of any category,
 * keeps the comments and leaves nothing of its rule where the finding was; only imagePullPolicy is preferred; fix-all applies it and is
 * idempotent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fixAll, fixesFor, lintText } from '../../../server/src/engine';
import type { ResourceDefaults } from '../../../server/src/engine';
import type { HardeningSettings } from '../../../server/src/engine/rules/hardening/rule';
import { countKeys } from './fix-helpers';
import { assertFixed, hardeningLint, HardeningQuery } from './hardening-helpers';
import { hardeningManifestArb } from './hardening-gen';

const FIXED_RULES = ['readOnlyRootFilesystem', 'resources', 'imagePullPolicy', 'automountServiceAccountToken', 'networkPolicyDefaultDeny'];
const FIXTURES = path.join(__dirname, '../../fixtures/fixes/hardening');

const queryArb: fc.Arbitrary<HardeningQuery> = fc.record({
  settings: fc.record({ requireCpuLimits: fc.boolean() }) as fc.Arbitrary<Partial<HardeningSettings>>,
  resourceDefaults: fc.constantFrom<Partial<ResourceDefaults>>({}, { cpuRequest: '1', memoryLimit: '32Mi' }, { cpuLimit: '10m', memoryRequest: 'bad' }),
});

/** Applies every hardening fix of every finding one at a time, then fix-all; returns the rules whose fixes were applied. */
function checkAll(text: string, q: HardeningQuery): string[] {
  const lint = hardeningLint(q.settings);
  const { parsed, findings } = lintText(text, lint);
  const applied: string[] = [];
  for (const finding of findings.filter((f) => FIXED_RULES.includes(f.ruleId))) {
    for (const fix of fixesFor(finding, parsed, q)) {
      assert.equal(fix.isPreferred, fix.ruleId === 'imagePullPolicy', fix.title);
      assertFixed(text, fix.edits, finding, finding.ruleId, q);
      applied.push(finding.ruleId);
    }
  }
  const all = fixAll(text, { ...q, lint });
  const after = lintText(all.text, lint);
  for (const f of after.findings) assert.ok(!fixesFor(f, after.parsed, q).some((x) => x.isPreferred), `fix-all left ${f.ruleId}:\n${all.text}`);
  const was = countKeys(findings);
  for (const [k, n] of countKeys(after.findings)) assert.ok(n <= (was.get(k) ?? 0), `new finding after fix-all: ${k}\n${all.text}`);
  assert.equal(fixAll(all.text, { ...q, lint }).text, all.text, 'fix-all is not idempotent');
  return applied;
}

test('property: generated manifests, every hardening fix and fix-all', () => {
  const seen = new Set<string>();
  fc.assert(fc.property(hardeningManifestArb, queryArb, (text, q) => {
    for (const rule of checkAll(text, q)) seen.add(rule);
  }), { numRuns: Number(process.env.FIX_PROPERTY_RUNS ?? 60) });
  assert.deepEqual([...seen].sort(), [...FIXED_RULES].sort(), 'some fix was never exercised');
});

test('hardening fixtures: every hardening fix and fix-all', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  assert.ok(files.length >= 4, 'the fixtures are missing');
  for (const file of files) {
    const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
    assert.ok(checkAll(text, {}).length + checkAll(text, { settings: { requireCpuLimits: true } }).length > 0, `${file}: no hardening fix was offered`);
  }
});

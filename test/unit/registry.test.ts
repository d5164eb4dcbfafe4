import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PSS_RULES } from '../../server/src/engine';
import { activeChecks, validateRules } from '../../server/src/engine/rules/registry';
import type { PssRule } from '../../server/src/engine/rules/rule';

test('the rule list is valid: 19 checks, 12 baseline then 7 restricted, unique ids, docs', () => {
  assert.deepEqual(validateRules(PSS_RULES), []);
  assert.equal(PSS_RULES.length, 19);
  assert.equal(PSS_RULES.filter((r) => r.level === 'baseline').length, 12);
});

test('validation catches duplicate ids, non-increasing versions, missing docs and bad overrides', () => {
  const base = PSS_RULES.find((r) => r.id === 'privileged')!;
  const broken: PssRule[] = [
    base,
    { ...base },
    { ...base, id: 'x', versions: [base.versions[0], base.versions[0]] },
    { ...base, id: 'y', docs: { ...base.docs, why: '' } },
    { ...base, id: 'z', versions: [{ ...base.versions[0], overrides: ['nope'] }] },
  ];
  const errors = validateRules(broken).join('\n');
  assert.match(errors, /duplicate rule id privileged/);
  assert.match(errors, /x: versions must increase/);
  assert.match(errors, /y: incomplete docs/);
  assert.match(errors, /z: overrides unknown check nope/);
});

const ids = (level: 'baseline' | 'restricted', minor: number) => activeChecks(level, minor).map((a) => a.rule.id);

test('check counts per release: 1.22 has 16, 1.23-1.33 have 17, 1.34 has 18, 1.35+ has 19 (restricted)', () => {
  const count = (minor: number) => {
    // every check that exists at that version, overridden or not
    return PSS_RULES.filter((r) => r.versions[0].minimumVersion <= minor).length;
  };
  assert.equal(count(22), 16);
  assert.equal(count(23), 17);
  assert.equal(count(33), 17);
  assert.equal(count(34), 18);
  assert.equal(count(35), 19);
});

test('restricted overrides: each shared field is reported by one check', () => {
  assert.ok(!ids('restricted', 0).includes('hostPathVolumes'));
  assert.ok(ids('restricted', 0).includes('restrictedVolumes'));
  assert.ok(ids('restricted', 18).includes('seccompProfile_baseline'));
  assert.ok(!ids('restricted', 19).includes('seccompProfile_baseline'));
  assert.ok(ids('restricted', 21).includes('capabilities_baseline'));
  assert.ok(!ids('restricted', 22).includes('capabilities_baseline'));
  assert.ok(ids('restricted', 34).includes('procMount'));
  assert.ok(!ids('restricted', 35).includes('procMount'));
  assert.ok(ids('restricted', 35).includes('procMount_restricted'));
  assert.ok(ids('baseline', 35).includes('procMount'));
  assert.ok(!ids('baseline', 35).some((id) => PSS_RULES.find((r) => r.id === id)!.level === 'restricted'));
});

test('privileged level runs no checks', () => {
  assert.deepEqual(activeChecks('privileged', 35), []);
});

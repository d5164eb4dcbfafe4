/**
 * Conformance with the Pod Security Admission controller's own fixtures, rebuilt by ./generator.ts: at every
 * policy version v1.0..v1.37 and both levels, every pass fixture gives no PSS finding, and every fail fixture gives
 * a finding of its check (or of the restricted check that overrides it), with the controller's wording in the
 * object summary. Each version is one test that lists every failing case, so a run shows the whole picture.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../helpers';
import { gapFixtures } from './gaps';
import { fixtures, FixtureCase, NEWEST_FIXTURE_MINOR, reportingRule } from './generator';
import type { FixtureLevel } from './minimal-pods';
import { renderDeployment, renderPod } from './pod-model';
import { summaryOf } from './summary';

const LEVELS: FixtureLevel[] = ['baseline', 'restricted'];
const MINORS = Array.from({ length: NEWEST_FIXTURE_MINOR + 1 }, (_, i) => i);

/** What is wrong with one case's result, or nothing. */
function problems(text: string, c: FixtureCase, level: FixtureLevel, minor: number): string[] {
  const version = `v1.${minor}`;
  const findings = check(text, level, version);
  const syntax = findings.filter((f) => f.category === 'syntax');
  if (syntax.length) return [`${c.outcome}/${c.name}: unexpected syntax finding ${syntax[0].message}`];
  const pss = findings.filter((f) => f.category === 'pss');
  if (c.outcome === 'pass') return pss.map((f) => `pass/${c.name}: unexpected ${f.ruleId} at ${f.at}: ${f.message}`);
  const out: string[] = [];
  const expected = reportingRule(c.check, level, minor);
  if (!pss.some((f) => f.ruleId === expected)) {
    out.push(`fail/${c.name}: expected a ${expected} finding, got [${pss.map((f) => f.ruleId).join(', ')}]`);
  }
  const summary = summaryOf(text, level, version);
  if (!summary.includes(c.expect)) out.push(`fail/${c.name}: summary lacks "${c.expect}": ${summary}`);
  return out;
}

for (const level of LEVELS) {
  for (const minor of MINORS) {
    test(`conformance: ${level} v1.${minor} upstream fixtures`, () => {
      const failures = fixtures(level, minor).flatMap((c) => problems(renderPod(c.name, c.pod), c, level, minor));
      assert.deepEqual(failures, []);
    });
  }
}

// The same pod specs as Deployment templates (a gap of the upstream fixtures): warn/audit verdicts are identical.
for (const level of LEVELS) {
  for (const minor of [0, 8, 19, 22, 25, 35, 37]) {
    test(`conformance: ${level} v1.${minor} fixtures as Deployment templates`, () => {
      const failures = fixtures(level, minor).flatMap((c) => problems(renderDeployment(c.name, c.pod), c, level, minor));
      assert.deepEqual(failures, []);
    });
  }
}

// Our own cases for what the upstream fixtures never exercise (ephemeral containers, Windows, hostUsers, AppArmor fields).
for (const level of LEVELS) {
  for (const minor of MINORS) {
    test(`conformance: ${level} v1.${minor} gap fixtures`, () => {
      const failures = gapFixtures(level, minor).flatMap((c) => problems(renderPod(c.name, c.pod), c, level, minor));
      assert.deepEqual(failures, []);
    });
  }
}

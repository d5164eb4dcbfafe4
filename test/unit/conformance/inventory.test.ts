/**
 * The rebuilt fixture set has the shape of the upstream one (reference section 8): the same number of pass and
 * fail files per level and version, unique names, and every check covered. If a generator drifts from upstream,
 * these counts are the first to notice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PSS_RULES } from '../../../server/src/engine';
import { ALL_CASES, fixtures, NEWEST_FIXTURE_MINOR } from './generator';
import type { FixtureLevel } from './minimal-pods';
import { renderPod } from './pod-model';

/** [level, first minor, last minor, pass files, fail files] from the reference's table of the upstream tree. */
const UPSTREAM_COUNTS: [FixtureLevel, number, number, number, number][] = [
  ['baseline', 0, 33, 11, 29],
  ['baseline', 34, 34, 14, 34],
  ['baseline', 35, 37, 15, 34],
  ['restricted', 0, 7, 14, 53],
  ['restricted', 8, 18, 14, 57],
  ['restricted', 19, 21, 16, 62],
  ['restricted', 22, 22, 16, 66],
  ['restricted', 23, 28, 17, 69],
  ['restricted', 29, 33, 19, 69],
  ['restricted', 34, 34, 22, 74],
  ['restricted', 35, 37, 23, 76],
];

test('inventory: pass and fail counts per level and version match the upstream fixture tree', () => {
  const mismatches: string[] = [];
  let total = 0;
  for (const [level, from, to, pass, fail] of UPSTREAM_COUNTS) {
    for (let minor = from; minor <= to; minor++) {
      const cases = fixtures(level, minor);
      const got = [cases.filter((c) => c.outcome === 'pass').length, cases.filter((c) => c.outcome === 'fail').length];
      if (got[0] !== pass || got[1] !== fail) mismatches.push(`${level} v1.${minor}: ${got.join('/')} != ${pass}/${fail}`);
      total += cases.length;
    }
  }
  assert.deepEqual(mismatches, []);
  assert.equal(total, 4537); // every YAML file of the upstream tree
});

test('inventory: the tree has as many distinct file contents as upstream (380)', () => {
  const contents = new Set<string>();
  for (const level of ['baseline', 'restricted'] as const) {
    for (let minor = 0; minor <= NEWEST_FIXTURE_MINOR; minor++) for (const c of fixtures(level, minor)) contents.add(renderPod(c.name, c.pod));
  }
  assert.equal(contents.size, 380);
});

test('inventory: file names are unique per level, version and outcome', () => {
  for (const level of ['baseline', 'restricted'] as const) {
    for (let minor = 0; minor <= NEWEST_FIXTURE_MINOR; minor++) {
      const names = fixtures(level, minor).map((c) => `${c.outcome}/${c.name}`);
      assert.equal(new Set(names).size, names.length, `${level} v1.${minor}`);
    }
  }
});

test('inventory: every one of the 19 checks has generators, at its level', () => {
  assert.deepEqual(
    ALL_CASES.map((c) => `${c.level}:${c.check}`).sort(),
    PSS_RULES.map((r) => `${r.level}:${r.id}`).sort(),
  );
});

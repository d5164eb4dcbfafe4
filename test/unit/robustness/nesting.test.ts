// Deep nesting never reaches the recursive composer: one yamlTooDeep finding, and the rest of the file is analysed.
// (The `yaml` composer overflows near 750 levels; a second overflow in one process could abort Node outright, so
// this file parsing many deep inputs in a row is itself the regression test for that crash.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, NamespaceIndex, parseManifest, PolicyResolver } from '../../../server/src/engine';
import { analyse, PRIVILEGED_POD } from './helpers';

const N = 100_000;
const DEEP: Record<string, string> = {
  'closed flow sequences': '['.repeat(N) + ']'.repeat(N),
  'unclosed flow sequences': '['.repeat(N),
  'flow mappings': '{a: '.repeat(N) + '}'.repeat(N),
  'compact block sequences `- - -`': `${'- '.repeat(N)}x\n`,
  'nested keys on one line `a: a: a:`': `${'a: '.repeat(N)}x\n`,
  'explicit keys `? ? ?`': `${'? '.repeat(N)}x\n`,
  'indented block mappings': Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k:\n`).join(''),
};

for (const [name, text] of Object.entries(DEEP)) {
  test(`${name}: one yamlTooDeep warning where the nesting passes 256 levels`, () => {
    const run = analyse(text);
    assert.deepEqual(run.ids, ['yamlTooDeep']);
    const [f] = run.findings;
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Document not analysed: its collections are nested more than 256 levels deep');
    assert.ok(f.span.start > 0 && f.span.end === f.span.start + 1, 'points at the collection that is too deep');
  });
}

test('the finding points at the first collection beyond the limit', () => {
  const text = 'x: ' + '['.repeat(300) + ']'.repeat(300);
  const [f] = analyse(text).findings;
  // The map is level 1, the first `[` level 2: level 257 is the 256th `[`.
  assert.equal(f.span.start, 'x: '.length + 255);
});

test('the limit is exact: 256 levels are analysed, 257 are not', () => {
  const nested = (levels: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}\n`;
  assert.deepEqual(analyse(nested(256)).ids, []);
  assert.deepEqual(analyse(nested(257)).ids, ['yamlTooDeep']);
  assert.deepEqual(analyse(nested(11), { limits: { maxNestingDepth: 10 } }).ids, ['yamlTooDeep']);
});

test('documents before and after a too-deep one are analysed with exact spans', () => {
  const deep = '['.repeat(N) + ']'.repeat(N);
  const text = `${PRIVILEGED_POD}---\n${deep}\n---\n${PRIVILEGED_POD}`;
  const run = analyse(text, { policy: { level: 'baseline' } });
  assert.deepEqual(run.ids, ['privileged', 'yamlTooDeep', 'privileged']);
  const [first, deepFinding, last] = run.findings;
  assert.deepEqual([first.documentIndex, deepFinding.documentIndex, last.documentIndex], [0, 1, 2]);
  assert.equal(text.slice(last.span.start, last.span.end), 'true');
  assert.equal(last.span.start, text.lastIndexOf('true'));
  const parsed = parseManifest(text);
  assert.equal(parsed.documents.length, 3);
  assert.deepEqual(parsed.documents[1].span, { start: PRIVILEGED_POD.length, end: text.lastIndexOf('---') });
});

test('a too-deep document that is last (no `---` after it) ends at the end of the file', () => {
  const text = `${PRIVILEGED_POD}---\n${'{a: '.repeat(1_000)}`;
  const parsed = parseManifest(text);
  assert.equal(parsed.documents.length, 2);
  assert.equal(parsed.documents[1].span.end, text.length);
  assert.equal(parsed.documents[0].objects.length, 1);
});

test('the full pipeline (suppression comments read through the CST too) survives deep nesting', () => {
  const text = `# podsec-disable-file privileged\n${'['.repeat(N)}${']'.repeat(N)}\n`;
  const policy = new PolicyResolver({ level: 'restricted' }, new NamespaceIndex());
  const ids = lintText(text, { policy }).findings.map((f) => f.ruleId);
  assert.ok(ids.includes('yamlTooDeep'), ids.join(','));
});

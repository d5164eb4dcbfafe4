/**
 * Property test of the quality bar: on generated and hand-written manifests, every offered fix (rule fixes and
 * disable comments) and every fix-all parses, removes its target, adds no finding, keeps the comments, and
 * fix-all is idempotent and leaves no finding that has a preferred fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { applyEdits, disableDocumentFix, disableLineFix, fixesFor, lintText } from '../../../server/src/engine';
import type { Level } from '../../../server/src/engine';
import { yamlComments } from '../../../server/src/engine/yaml-comments';
import { assertQuality, countKeys, fixAllChecked, lintOptions } from './fix-helpers';
import { manifestArb } from './manifest-gen';

const CORPUS = path.join(__dirname, '../../fixtures/fixes/corpus');

/** Applies every fix of every finding, one at a time, and the fix-all, checking the bar on each. */
function checkAllFixes(text: string, level: Level): number {
  const { parsed, findings } = lintText(text, lintOptions(level));
  const comments = yamlCommentsOf(text);
  const keys = countKeys(findings);
  let applied = 0;
  for (const finding of findings) {
    const fixes = [...fixesFor(finding, parsed), disableLineFix(finding, parsed), disableDocumentFix(finding, parsed)];
    for (const fix of fixes) {
      if (!fix) continue;
      const output = applyEdits(text, fix.edits);
      assertQuality(text, output, finding, { level }, keys);
      assertCommentsKept(comments, output, fix.title);
      applied++;
    }
  }
  const all = fixAllChecked(text, level);
  assertCommentsKept(comments, all.text, 'fix-all');
  return applied;
}

function yamlCommentsOf(text: string): string[] {
  return yamlComments(text).map((c) => c.source.trimEnd());
}

function assertCommentsKept(before: string[], output: string, what: string): void {
  const after = yamlCommentsOf(output);
  const left = [...after];
  for (const c of before) {
    const i = left.indexOf(c);
    assert.ok(i >= 0, `${what} lost the comment "${c}":\n${output}`);
    left.splice(i, 1);
  }
}

test('property: generated manifests, every fix and fix-all at restricted and baseline', () => {
  fc.assert(fc.property(manifestArb, fc.constantFrom<Level>('restricted', 'baseline'), (text, level) => {
    checkAllFixes(text, level);
  }), { numRuns: Number(process.env.FIX_PROPERTY_RUNS ?? 40) });
});

test('hand-written corpus: every fix and fix-all at restricted and baseline', () => {
  const files = fs.readdirSync(CORPUS).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  assert.ok(files.length >= 5, 'the corpus is missing');
  for (const file of files) {
    const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
    const applied = checkAllFixes(text, 'restricted') + checkAllFixes(text, 'baseline');
    assert.ok(applied > 0, `${file}: no fix was offered at all`);
  }
});

// A fixer declares `preferred: false` when none of its fixes is ever preferred; fix-all and the code actions then
// skip its findings without locating them (server/src/lsp/code-actions.ts, fixes-for.ts). The flag must be true to
// what the fixer does: checked on every finding of the fuzz corpus and the fix fixtures, at baseline and restricted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixesFor, lintText, mayHavePreferredFix, PolicyResolver, preferredFix } from '../../../server/src/engine';
import { RULE_FIXERS } from '../../../server/src/engine/fixes/rules';
import { CORPUS } from '../fuzz/corpus';

const FIXTURES = ['../../fixtures/fixes/corpus', '../../fixtures/fixes/hardening'].map((d) => path.join(__dirname, d));

function texts(): string[] {
  const files = FIXTURES.flatMap((dir) => fs.readdirSync(dir).map((f) => path.join(dir, f)));
  return [...CORPUS, ...files.map((f) => fs.readFileSync(f, 'utf8'))];
}

test('a fixer flagged preferred: false never offers a preferred fix, and every other fixer offers one somewhere', () => {
  const offered = new Map<string, { fixes: number; preferred: number }>();
  // Both levels: at restricted, restrictedVolumes takes the place of a hostPath volume's baseline finding.
  const policies = (['baseline', 'restricted'] as const).map((level) => new PolicyResolver({ level, version: 'latest' }, { labels: () => undefined }));
  for (const [text, policy] of texts().flatMap((t) => policies.map((p) => [t, p] as const))) {
    const { parsed, findings } = lintText(text, { policy, hardening: { settings: { requireCpuLimits: true } } });
    for (const finding of findings) {
      const fixes = fixesFor(finding, parsed, { validate: false });
      const count = offered.get(finding.ruleId) ?? { fixes: 0, preferred: 0 };
      count.fixes += fixes.length;
      count.preferred += fixes.filter((f) => f.isPreferred).length;
      offered.set(finding.ruleId, count);
      if (!mayHavePreferredFix(finding.ruleId)) assert.equal(preferredFix(finding, parsed), undefined);
    }
  }
  for (const fixer of RULE_FIXERS) {
    const count = offered.get(fixer.ruleId);
    // Rules the corpus does not trigger (Windows pods) are left out here.
    if (!count?.fixes) continue;
    if (fixer.preferred === false) assert.equal(count.preferred, 0, `${fixer.ruleId} is flagged preferred: false but offered ${count.preferred} preferred fixes`);
    else assert.ok(count.preferred > 0, `${fixer.ruleId} offered ${count.fixes} fixes, none preferred: flag it preferred: false`);
  }
  const flagged = RULE_FIXERS.filter((f) => f.preferred === false).map((f) => f.ruleId);
  const exercised = flagged.filter((id) => offered.get(id)?.fixes);
  assert.deepEqual(exercised, flagged, 'every flagged fixer offers fixes in the corpus, so the check above means something');
});

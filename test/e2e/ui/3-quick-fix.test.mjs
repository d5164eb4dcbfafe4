// Scenario 3: Ctrl+. then Enter on "Add capabilities.drop: [ALL]" changes the text, removes that squiggle, and
// after Ctrl+S the file on disk matches the golden file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { stableBox, withVSCode } from '../harness.mjs';
import {
  describeProblems, focusQuickFix, openWorkbench, saveAndWait, squiggleOn, waitForProblems, waitForSquiggles,
} from '../workbench.mjs';
import { WEB, WEB_ERROR_SQUIGGLES, WEB_FINDINGS, golden, pssProblems } from '../fixture.mjs';

test('quick fix: add capabilities.drop: [ALL] with Ctrl+. and Enter, then save', async (t) => {
  await withVSCode(t, { name: 'quick fix drop ALL' }, async ({ page, cs, ws, shot, step }) => {
    const file = path.join(ws, WEB);
    await step('open web.yaml', () => openWorkbench(page, cs, ws, file));
    await step('squiggles', () => waitForSquiggles(page, WEB_ERROR_SQUIGGLES, { severities: ['error'] }));
    const box = await stableBox(await squiggleOn(page, 26, 'error'));
    const { items, moves } = await step('Ctrl+.', () => focusQuickFix(page, [box.x + 5, box.y + box.height / 2], /capabilities\.drop.*ALL/));
    await shot('quick fix menu');
    assert.equal(moves, 0, `the fix is the first, focused item of ${JSON.stringify(items)}: Ctrl+. then Enter applies it`);
    await page.keyboard.press('Enter');
    await step('the capabilities squiggle goes', () => waitForSquiggles(page, ['24:error', '25:error'], { severities: ['error'] }));
    await step('Problems without capabilities_restricted', () => waitForProblems(page, (all) =>
      JSON.stringify(describeProblems(pssProblems(all, WEB))) === JSON.stringify(WEB_FINDINGS.filter((f) => !f.startsWith('capabilities_restricted@')))));
    await shot('after the fix');
    const saved = await step('Ctrl+S', () => saveAndWait(page, fs, file, (text) => text.includes('drop')));
    assert.equal(saved, golden('web.drop-all.yaml'));
    t.diagnostic(`quick-fix menu: ${JSON.stringify(items)}`);
  });
});

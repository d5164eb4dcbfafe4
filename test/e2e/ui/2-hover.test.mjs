// Scenario 2: hovering a squiggled field explains the rule: title, level, why it matters, how to fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { withVSCode } from '../harness.mjs';
import { stableBox } from '../harness.mjs';
import { hoverOver, openWorkbench, squiggleOn, waitForSquiggles } from '../workbench.mjs';
import { WEB, WEB_ERROR_SQUIGGLES, rendered, rule } from '../fixture.mjs';

test('hover on the squiggled privileged field explains the rule', async (t) => {
  await withVSCode(t, { name: 'hover' }, async ({ page, cs, ws, shot, step }) => {
    await step('open web.yaml', () => openWorkbench(page, cs, ws, path.join(ws, WEB)));
    await step('squiggles', () => waitForSquiggles(page, WEB_ERROR_SQUIGGLES, { severities: ['error'] }));
    const docs = rule('privileged').docs;
    // The mouse rests on the squiggled `true` of `privileged: true`: the hover shows the problem and the rule.
    const hover = await step('hover', () => hoverOver(page, async () => stableBox(await squiggleOn(page, 25, 'error')), docs.title));
    assert.ok(hover.text.includes('must not set securityContext.privileged=true'), `the problem, in:\n${hover.text}`);
    await shot('hover on privileged');
    assert.match(hover.text, /baseline/, 'the level');
    assert.ok(hover.text.includes(rendered(docs.why)), `why it matters, in:\n${hover.text}`);
    assert.ok(hover.text.includes(rendered(docs.fix)), `how to fix, in:\n${hover.text}`);
    t.diagnostic(`hover attempts: ${hover.attempts}`);
  });
});

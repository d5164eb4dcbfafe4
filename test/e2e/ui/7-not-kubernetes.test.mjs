// Scenario 7: a CI workflow with `privileged: true` is not a Kubernetes manifest: no PodSec problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { withVSCode } from '../harness.mjs';
import {
  activateTab, openWorkbench, problems, quickOpen, squiggles, visibleText, waitForProblems, waitForSquiggles,
} from '../workbench.mjs';
import { CI_WORKFLOW, WEB, WEB_ERROR_SQUIGGLES, pssProblems } from '../fixture.mjs';

test('a CI workflow with privileged: true shows no PodSec problem', async (t) => {
  await withVSCode(t, { name: 'not kubernetes' }, async ({ page, cs, ws, shot, step }) => {
    await step('open the workflow', () => openWorkbench(page, cs, ws, path.join(ws, CI_WORKFLOW)));
    // The server handles documents in the order they are opened: once web.yaml, opened after the workflow, has
    // its squiggles, the workflow has been checked too.
    await step('open web.yaml', () => quickOpen(page, WEB));
    await step('web.yaml squiggles', () => waitForSquiggles(page, WEB_ERROR_SQUIGGLES, { severities: ['error'] }));
    await step('web.yaml problems', () => waitForProblems(page, (all) => pssProblems(all, WEB).length === 5));
    await step('back to the workflow', () => activateTab(page, 'ci.yaml'));
    assert.match(await visibleText(page), /privileged: true/, 'the workflow is the active editor');
    assert.deepEqual(await squiggles(page), [], 'no squiggle in the workflow');
    assert.deepEqual((await problems(page)).filter((p) => p.file === 'ci.yaml'), [], 'no Problems entry for the workflow');
    await shot('workflow without problems');
  });
});

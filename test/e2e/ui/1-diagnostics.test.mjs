// Scenario 1: a Deployment whose Namespace (another file) enforces restricted shows error squiggles on the right
// lines, and the Problems panel lists the rule ids at their positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { withVSCode } from '../harness.mjs';
import { describeProblems, openWorkbench, waitForProblems, waitForSquiggles } from '../workbench.mjs';
import { WEB, WEB_ERROR_SQUIGGLES, WEB_FINDINGS, pssProblems } from '../fixture.mjs';

test('restricted violations are error squiggles and Problems entries, policy from the Namespace in another file', async (t) => {
  await withVSCode(t, { name: 'diagnostics' }, async ({ page, cs, ws, shot, step }) => {
    const t0 = Date.now();
    await step('open web.yaml', () => openWorkbench(page, cs, ws, path.join(ws, WEB)));
    await step('error squiggles on lines 24-26', () => waitForSquiggles(page, WEB_ERROR_SQUIGGLES, { severities: ['error'] }));
    const firstSquiggleMs = Date.now() - t0;
    await shot('squiggles');
    const entries = await step('Problems panel', () => waitForProblems(page,
      (all) => JSON.stringify(describeProblems(pssProblems(all, WEB))) === JSON.stringify(WEB_FINDINGS),
      { message: `the Problems panel to list ${WEB_FINDINGS.join(', ')}` }));
    const privileged = entries.find((p) => p.code === 'privileged');
    // The admission controller's words first (more lines may follow: the Problems panel shows them too).
    assert.ok(privileged.message.startsWith('privileged (container "app" must not set securityContext.privileged=true)'),
      privileged.message);
    await shot('problems panel');
    t.diagnostic(`code-server up after ${cs.startedMs} ms; squiggles after ${firstSquiggleMs} ms`);
  });
});

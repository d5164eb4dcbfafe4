// Scenario 5: with editor.codeActionsOnSave = { "source.fixAll.podsec": "explicit" }, Ctrl+S fixes every
// fixable finding: no PodSec error is left, and the saved file holds the preferred fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { withVSCode } from '../harness.mjs';
import { openWorkbench, saveAndWait, waitForProblems, waitForSquiggles } from '../workbench.mjs';
import { WEB, WEB_ERROR_SQUIGGLES, pssProblems } from '../fixture.mjs';

const settings = { 'editor.codeActionsOnSave': { 'source.fixAll.podsec': 'explicit' } };

test('fix-all on save leaves no fixable finding', async (t) => {
  await withVSCode(t, { name: 'fix all on save', settings }, async ({ page, cs, ws, shot, step }) => {
    const file = path.join(ws, WEB);
    const original = fs.readFileSync(file, 'utf8');
    await step('open web.yaml', () => openWorkbench(page, cs, ws, file));
    await step('squiggles', () => waitForSquiggles(page, WEB_ERROR_SQUIGGLES, { severities: ['error'] }));
    await step('Problems', () => waitForProblems(page, (all) => pssProblems(all, WEB).length === 5));
    await shot('before save');
    const saved = await step('Ctrl+S', () => saveAndWait(page, fs, file, (text) => text !== original));
    await step('no error squiggle', () => waitForSquiggles(page, [], { severities: ['error'] }));
    await step('no Pod Security problem', () => waitForProblems(page, (all) => pssProblems(all, WEB).length === 0));
    await shot('after save');
    const pod = parse(saved).spec.template.spec;
    const sc = pod.containers[0].securityContext;
    assert.notEqual(sc.privileged, true);
    assert.equal(sc.allowPrivilegeEscalation, false);
    assert.ok(sc.capabilities.drop.includes('ALL'));
    assert.ok(pod.securityContext?.runAsNonRoot === true || sc.runAsNonRoot === true, 'runAsNonRoot: true');
    assert.equal(pod.securityContext?.seccompProfile?.type ?? sc.seccompProfile?.type, 'RuntimeDefault');
    assert.ok(saved.startsWith('# Storefront web tier'), 'the comment is kept');
  });
});

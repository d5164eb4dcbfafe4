// Scenario 4: fixes that insert a block. The Pod Security fix for seccompProfile_restricted adds a pod-level
// securityContext.seccompProfile; the read-only root filesystem fix (a hardening rule) adds emptyDir volumes and
// mounts, and runs once that rule reports on the nginx container.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { stableBox, withVSCode } from '../harness.mjs';
import {
  focusQuickFix, openWorkbench, problems, saveAndWait, squiggleOn, waitForProblems, waitForSquiggles,
} from '../workbench.mjs';
import { WEB, WEB_ERROR_SQUIGGLES, golden, pssProblems } from '../fixture.mjs';

test('quick fix inserting a block: pod-level seccompProfile RuntimeDefault', async (t) => {
  await withVSCode(t, { name: 'block fix seccomp' }, async ({ page, cs, ws, shot, step }) => {
    const file = path.join(ws, WEB);
    await step('open web.yaml', () => openWorkbench(page, cs, ws, file));
    await step('squiggles', () => waitForSquiggles(page, WEB_ERROR_SQUIGGLES, { severities: ['error'] }));
    const box = await stableBox(await squiggleOn(page, 24, 'error'));
    const { items } = await step('Ctrl+.', () => focusQuickFix(page, [box.x + 5, box.y + box.height / 2], /seccomp/i));
    await shot('quick fix menu');
    await page.keyboard.press('Enter');
    await step('seccompProfile_restricted goes', () => waitForProblems(page, (all) => {
      const codes = pssProblems(all, WEB).map((p) => p.code);
      return codes.includes('privileged') && !codes.includes('seccompProfile_restricted');
    }));
    await shot('after the fix');
    const saved = await step('Ctrl+S', () => saveAndWait(page, fs, file, (text) => text.includes('RuntimeDefault')));
    assert.equal(saved, golden('web.seccomp.yaml'));
    t.diagnostic(`quick-fix menu: ${JSON.stringify(items)}`);
  });
});

/** The fix itself, not "Disable readOnlyRootFilesystem ..." or "Show documentation for readOnlyRootFilesystem". */
const READ_ONLY_FIX = /^(?!Disable |Show documentation ).*(read-?only|readOnlyRootFilesystem)/i;

test('quick fix: read-only root filesystem with emptyDir volumes and mounts', async (t) => {
  await withVSCode(t, { name: 'block fix read-only root filesystem' }, async ({ page, cs, ws, shot, step }) => {
    const file = path.join(ws, WEB);
    await step('open web.yaml', () => openWorkbench(page, cs, ws, file));
    await step('squiggles', () => waitForSquiggles(page, WEB_ERROR_SQUIGGLES, { severities: ['error'] }));
    const entries = await step('Problems', () => waitForProblems(page, (all) => pssProblems(all, WEB).length === 5));
    const finding = entries.find((p) => p.file === WEB && p.code === 'readOnlyRootFilesystem');
    if (!finding) {
      t.skip('no readOnlyRootFilesystem finding on the nginx container: the hardening rule is not implemented yet');
      return;
    }
    const box = await stableBox(await squiggleOn(page, finding.line, finding.severity));
    const { items } = await step('Ctrl+.', () => focusQuickFix(page, [box.x + 5, box.y + box.height / 2], READ_ONLY_FIX));
    await shot('quick fix menu');
    await page.keyboard.press('Enter');
    await step('readOnlyRootFilesystem goes', () => waitForProblems(page,
      (all) => all.some((p) => p.code === 'privileged') && !all.some((p) => p.file === WEB && p.code === 'readOnlyRootFilesystem')));
    await shot('after the fix');
    const saved = await step('Ctrl+S', () => saveAndWait(page, fs, file, (text) => text.includes('readOnlyRootFilesystem')));
    const pod = parse(saved).spec.template.spec;
    const [container] = pod.containers;
    assert.equal(container.securityContext.readOnlyRootFilesystem, true);
    const mounts = new Map(container.volumeMounts.map((m) => [m.mountPath, m.name]));
    for (const dir of ['/tmp', '/var/cache/nginx', '/var/run']) {
      const name = mounts.get(dir);
      assert.ok(name, `a volumeMount at ${dir} in ${JSON.stringify(container.volumeMounts)}`);
      const volume = pod.volumes.find((v) => v.name === name);
      assert.deepEqual(volume?.emptyDir, {}, `volume ${name} is an emptyDir`);
    }
    assert.equal(new Set(mounts.values()).size, mounts.size, 'mount names are unique');
    assert.deepEqual((await problems(page)).filter((p) => p.file === WEB && p.code === 'readOnlyRootFilesystem'), []);
    t.diagnostic(`quick-fix menu: ${JSON.stringify(items)}`);
  });
});

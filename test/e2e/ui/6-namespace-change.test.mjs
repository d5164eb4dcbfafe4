// Scenario 6: changing the Namespace's enforce label from restricted to baseline in the other file and saving it
// changes the severities in the open Deployment without a reload.
import { test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { waitUntil, withVSCode } from '../harness.mjs';
import {
  activateTab, describeProblems, openWorkbench, quickOpen, saveAndWait, selectWord, squiggles, waitForProblems,
  waitForSquiggles,
} from '../workbench.mjs';
import { NAMESPACES, WEB, WEB_ERROR_SQUIGGLES, WEB_FINDINGS, pssProblems } from '../fixture.mjs';

const AFTER = [
  'allowPrivilegeEscalation@24:11 warning', 'capabilities_restricted@26:13 warning', 'privileged@25:25 error',
  'runAsNonRoot@24:11 warning', 'seccompProfile_restricted@24:11 warning',
];

test('Namespace label restricted -> baseline in another file: severities change without reload', async (t) => {
  await withVSCode(t, { name: 'namespace label change' }, async ({ page, cs, ws, shot, step }) => {
    await step('open web.yaml', () => openWorkbench(page, cs, ws, path.join(ws, WEB)));
    await step('errors', () => waitForSquiggles(page, WEB_ERROR_SQUIGGLES, { severities: ['error'] }));
    await step('Problems', () => waitForProblems(page, (all) => JSON.stringify(describeProblems(pssProblems(all, WEB))) === JSON.stringify(WEB_FINDINGS)));
    await shot('restricted');
    await step('open namespaces.yaml', () => quickOpen(page, NAMESPACES));
    await step('edit the label', async () => {
      await selectWord(page, 'pod-security.kubernetes.io/enforce: restricted', 'restricted');
      await page.keyboard.type('baseline');
    });
    const nsFile = path.join(ws, NAMESPACES);
    await step('save', () => saveAndWait(page, fs, nsFile, (text) => text.includes('pod-security.kubernetes.io/enforce: baseline')));
    await shot('namespace edited');
    await step('back to web.yaml', () => activateTab(page, WEB));
    await step('only privileged stays an error', () => waitForSquiggles(page, ['25:error'], { severities: ['error'] }));
    await step('warnings on lines 24 and 26', () => waitUntil(async () => {
      const s = await squiggles(page);
      return s.includes('24:warning') && s.includes('26:warning');
    }, { message: 'warning squiggles on lines 24 and 26' }));
    await step('Problems', () => waitForProblems(page, (all) => JSON.stringify(describeProblems(pssProblems(all, WEB))) === JSON.stringify(AFTER),
      { message: `Problems ${AFTER.join(', ')}` }));
    await shot('baseline');
  });
});

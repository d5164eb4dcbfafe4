// Runs the extension-host tests (test/integration, mocha, vscode API) inside code-server: the web equivalent of
// @vscode/test-electron's --extensionDevelopmentPath/--extensionTestsPath. The workbench runs the tests in the
// remote Node extension host and reports through two functions exposed with Playwright (smoke-test driver).
// Each mocha test becomes a node:test subtest, so `npm test` counts them one by one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { ARTIFACTS, REPO, launchBrowser, makeWorkspace, startCodeServer, workbenchUrl } from './harness.mjs';
import { buildIntegrationTests } from '../integration/build.mjs';

const EXT_DIR = process.env.EXT_DIR ?? REPO; // the unpacked extension (package.json + dist/)
const ARTIFACTS_DIR = path.join(ARTIFACTS, 'ext-host'); // the window as the tests left it
const TIMEOUT_MS = Number(process.env.EXT_HOST_TIMEOUT_MS ?? 600_000);

test('extension-host tests inside code-server', { timeout: TIMEOUT_MS + 60_000 }, async (t) => {
  for (const f of ['dist/extension.js', 'dist/server.js']) {
    assert.ok(fs.existsSync(path.join(EXT_DIR, f)), `${f} is missing: run \`npm run build\` first`);
  }
  const tests = process.env.EXT_TESTS ?? await buildIntegrationTests();
  const ws = makeWorkspace();
  // enable-smoke-test-driver: a built VS Code ignores the extension-development payload entries without it.
  const cs = await startCodeServer({ workspace: ws, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  let browser, passed = false;
  t.after(async () => {
    await browser?.close().catch(() => {});
    await cs.stop();
    if (passed) for (const dir of [ws, cs.dir]) fs.rmSync(dir, { recursive: true, force: true });
  });
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });

  const results = [];
  const log = [];
  let exit;
  const exited = new Promise((resolve) => { exit = resolve; });
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = format(...args);
    const m = /^PODSEC-IT (\{.*\})$/s.exec(line);
    if (m) results.push(JSON.parse(m[1]));
    else log.push(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  await page.goto(workbenchUrl(cs, ws, [
    ['extensionDevelopmentPath', cs.remote(EXT_DIR)],
    ['extensionTestsPath', cs.remote(tests)],
  ]));
  const timer = setTimeout(() => exit('timeout'), TIMEOUT_MS);
  const code = await exited;
  clearTimeout(timer);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'final.png') }).catch(() => {});

  for (const r of results.filter((x) => !x.end)) {
    await t.test(r.title, { skip: r.state === 'skipped' }, () => {
      if (r.state !== 'failed') return;
      const e = new Error(r.error?.message ?? 'failed');
      e.stack = r.error?.stack ?? e.message; // the stack inside the extension host (bundle lines)
      throw e;
    });
  }
  const end = results.find((x) => x.end);
  const where = `workspace ${ws}; code-server logs ${cs.dir} (extension host: ${cs.userData}/logs); `
    + `screenshot ${ARTIFACTS_DIR}/final.png`;
  if (code !== 0 || !end) {
    console.log(log.filter((l) => !/^\[|ENOTFOUND|socket|connection token|builtin extensions/.test(l)).join('\n'));
  }
  assert.ok(end, `the extension-host run did not finish (exit ${code}); ${where}`);
  assert.ok(end.tests > 0, 'the extension-host run ran tests');
  assert.equal(code, 0, `extension-host tests exit code ${code}: ${end.failures} failed; ${where}`);
  passed = true;
});

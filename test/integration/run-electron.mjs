// `npm run test:vscode`: runs the extension-host tests (test/integration) in a desktop VS Code that
// @vscode/test-electron downloads, for machines with internet access. Offline (and in `npm test`), the same suite
// runs inside code-server instead: test/e2e/ext-host.test.mjs.
// Needs the dev dependency `@vscode/test-electron` (not installed by default: it cannot download VS Code offline),
// `npm run build` first, and on a Linux machine without a display a virtual one (e.g. `xvfb-run -a npm run test:vscode`).
// VSCODE_VERSION picks the VS Code build (default: the `engines.vscode` minimum, so the oldest supported API is tested).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIntegrationTests } from './build.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch {
  console.error('@vscode/test-electron is not installed. Add it with `npm install --save-dev @vscode/test-electron`\n'
    + '(it downloads VS Code when the tests run, so it needs internet access). Offline, `npm run test:e2e` runs\n'
    + 'the same extension-host tests inside code-server.');
  process.exit(1);
}

for (const f of ['dist/extension.js', 'dist/server.js']) {
  if (!fs.existsSync(path.join(REPO, f))) {
    console.error(`${f} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
}

const engine = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).engines.vscode.replace(/^\^/, '');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-vscode-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(REPO, 'test/e2e/workspace'), workspace, { recursive: true });

try {
  const code = await runTests({ // older versions return the exit code, newer ones throw on failure
    version: process.env.VSCODE_VERSION ?? engine,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: await buildIntegrationTests(),
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(tmp, 'user-data')],
  });
  if (code) throw new Error(`VS Code exited with code ${code}`);
  fs.rmSync(tmp, { recursive: true, force: true });
} catch (e) {
  console.error(`extension-host tests failed: ${e instanceof Error ? e.message : e} (workspace and user data: ${tmp})`);
  process.exit(1);
}

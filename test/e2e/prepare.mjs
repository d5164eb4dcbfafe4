// Everything the e2e tests need before they start: code-server, Node 24 and Chromium (test/e2e/setup, a no-op
// once done), the packaged extension (podsec.vsix, which also builds dist/) and the extension-host test bundle.
// Usage: node test/e2e/prepare.mjs   (test/run-tests.mjs calls prepareE2e() when the e2e suite runs)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIntegrationTests } from '../integration/build.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function prepareE2e() {
  const run = (what, cmd, args) => {
    const t0 = Date.now();
    console.log(`[e2e] ${what}`);
    try {
      execFileSync(cmd, args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
    } catch (e) {
      throw new Error(`[e2e] ${what} failed (${cmd} ${args.join(' ')}): ${e.message}`);
    }
    console.log(`[e2e] ${what}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  run('setup (code-server, Node 24, Chromium)', 'bash', [path.join(REPO, 'test/e2e/setup')]);
  run('package the extension (podsec.vsix)', 'npm', ['run', '--silent', 'package']);
  await buildIntegrationTests();
  console.log('[e2e] extension-host test bundle built');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await prepareE2e();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}

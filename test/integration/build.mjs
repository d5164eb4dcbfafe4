// Bundles the extension-host tests (test/integration/index.ts and what it imports) into
// dist/test/integration/index.js, the `extensionTestsPath` given to code-server or @vscode/test-electron.
// Usage: node test/integration/build.mjs   (also imported by test/e2e/ext-host.test.mjs)
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const INTEGRATION_BUNDLE = path.join(REPO, 'dist/test/integration/index.js');

export async function buildIntegrationTests() {
  await esbuild.build({
    entryPoints: [path.join(REPO, 'test/integration/index.ts')],
    outfile: INTEGRATION_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'], // mocha is loaded from node_modules (a dev dependency)
    sourcemap: 'inline', // stack traces of failures point at the .ts lines
    logLevel: 'warning',
  });
  return INTEGRATION_BUNDLE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`built ${path.relative(REPO, await buildIntegrationTests())}`);
}

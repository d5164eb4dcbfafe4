// Runs the test suites with node's test runner (TypeScript through tsx).
// Usage: node test/run-tests.mjs [suite...]   suites: unit, lsp, e2e (default: all that exist)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const all = ['unit', 'lsp', 'e2e'];
const suites = process.argv.slice(2).length ? process.argv.slice(2) : all;

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.test\.(ts|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

const files = suites.flatMap((s) => testFiles(path.join('test', s)));
if (files.length === 0) {
  console.error(`no test files found for suites: ${suites.join(', ')}`);
  process.exit(1);
}
// e2e runs a real VS Code (code-server + Chromium): installed once by test/e2e/setup, then the .vsix is packaged.
if (suites.includes('e2e')) {
  try {
    await (await import('./e2e/prepare.mjs')).prepareE2e();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);

// The engine stays pure: no editor or LSP modules, no file system, no network, no process access.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ENGINE = path.resolve('server/src/engine');
const FORBIDDEN = /from\s+['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|node:fs|fs|fs\/promises|node:child_process|child_process|node:net|net|node:http|http|https)['"]|require\(|process\.(env|cwd|exit)/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

test('engine files import no LSP, vscode, fs or process modules', () => {
  const offenders = files(ENGINE).filter((f) => FORBIDDEN.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(ENGINE, f));
  assert.deepEqual(offenders, []);
});

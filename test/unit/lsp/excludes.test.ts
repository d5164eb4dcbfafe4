// What the workspace index skips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excludeMatcher } from '../../../server/src/lsp/excludes';

test('node_modules and .git are always skipped, at any depth', () => {
  const m = excludeMatcher(undefined);
  assert.equal(m('node_modules'), true);
  assert.equal(m('a/node_modules/b/ns.yaml'), true);
  assert.equal(m('.git/config.yaml'), true);
  assert.equal(m('deploy/ns.yaml'), false);
  assert.equal(m('.github/workflows/ci.yaml'), false);
});

test('files.exclude: true entries only, relative to the folder, a matching folder excludes its contents', () => {
  const m = excludeMatcher({ '**/build': true, 'generated': true, '**/*.tmp.yaml': true, 'kept': false, '**/*.js': { when: '$(basename).ts' } });
  assert.equal(m('build/ns.yaml'), true);
  assert.equal(m('a/build/ns.yaml'), true);
  assert.equal(m('generated/ns.yaml'), true);
  assert.equal(m('a/generated/ns.yaml'), false, 'a pattern without **/ is anchored at the folder');
  assert.equal(m('x/y.tmp.yaml'), true);
  assert.equal(m('kept/ns.yaml'), false);
  assert.equal(m('deploy/ns.yaml'), false);
});

test('junk in files.exclude is ignored', () => {
  for (const junk of [null, 'x', 42, [], { '': true }]) assert.equal(excludeMatcher(junk)('deploy/ns.yaml'), false);
});

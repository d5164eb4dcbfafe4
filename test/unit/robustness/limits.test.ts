// The limits table: defaults as documented, overrides validated, and the nesting limit never raised past safety.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LIMITS, formatSize, resolveLimits, utf8Length } from '../../../server/src/engine/parse/limits';

test('the defaults are the documented ones', () => {
  assert.deepEqual({ ...DEFAULT_LIMITS }, {
    maxFileSize: 5_000_000, maxTokens: 1_000_000, maxDocuments: 10_000, maxNestingDepth: 256, maxAliasNodes: 100_000, maxSyntaxErrors: 10,
  });
  assert.ok(Object.isFrozen(DEFAULT_LIMITS));
});

test('overrides: non-negative numbers apply, junk is ignored, nesting is capped where the composer stays safe', () => {
  assert.equal(resolveLimits({ maxFileSize: 10 }).maxFileSize, 10);
  assert.equal(resolveLimits({ maxFileSize: Infinity }).maxFileSize, Infinity);
  for (const junk of [-1, NaN, '5' as unknown as number, undefined]) assert.equal(resolveLimits({ maxTokens: junk }).maxTokens, 1_000_000);
  assert.equal(resolveLimits({ maxNestingDepth: 100_000 }).maxNestingDepth, 400);
  assert.equal(resolveLimits({ maxNestingDepth: 12 }).maxNestingDepth, 12);
});

test('sizes: UTF-8 bytes, shown in decimal units', () => {
  assert.equal(utf8Length('aé€😀'), 1 + 2 + 3 + 4);
  assert.equal(formatSize(5_000_000), '5 MB');
  assert.equal(formatSize(20_480_000), '20.5 MB');
  assert.equal(formatSize(899_001), '900 KB');
});

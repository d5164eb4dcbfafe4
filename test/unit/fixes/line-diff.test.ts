/** The line diff behind fix-all's minimal edits and `podsec fix --dry-run`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, diffLines, lineDiffEdits, splitLines } from '../../../server/src/engine';
import { unifiedDiff } from '../../../server/src/cli/unified-diff';

test('splitLines keeps each line break, LF or CRLF, and a last line without one', () => {
  assert.deepEqual(splitLines('a\r\nb\nc'), ['a\r\n', 'b\n', 'c']);
  assert.deepEqual(splitLines(''), []);
});

test('diffLines finds the smallest change', () => {
  assert.deepEqual(diffLines(['a', 'b', 'c'], ['a', 'x', 'c']), [{ aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 }]);
  assert.deepEqual(diffLines(['a', 'c'], ['a', 'b', 'c']), [{ aStart: 1, aEnd: 1, bStart: 1, bEnd: 2 }]);
  assert.deepEqual(diffLines(['a', 'b', 'c', 'd'], ['b', 'd']), [{ aStart: 0, aEnd: 1, bStart: 0, bEnd: 0 }, { aStart: 2, aEnd: 3, bStart: 1, bEnd: 1 }]);
});

/** Length of the longest common subsequence, by dynamic programming (the reference a diff must match). */
function lcs(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  return dp[a.length][b.length];
}

test('property: the line edits turn the old text into the new one, changing as few lines as possible', () => {
  const line = fc.constantFrom('a\n', 'b\n', 'c\r\n', '  key: value\n', '\n', '# c\n');
  fc.assert(fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (x, y) => {
    const before = x.join('');
    const after = y.join('');
    const edits = lineDiffEdits(before, after);
    assert.equal(applyEdits(before, edits), after);
    const changedLines = diffLines(splitLines(before), splitLines(after)).reduce((n, h) => n + (h.aEnd - h.aStart) + (h.bEnd - h.bStart), 0);
    // A shortest edit script keeps exactly the longest common subsequence of lines.
    assert.equal(changedLines, x.length + y.length - 2 * lcs(splitLines(before), splitLines(after)));
  }), { numRuns: 300 });
});

test('unifiedDiff: hunk headers, 3 lines of context, and the missing final line break', () => {
  const before = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9';
  const after = 'l1\nl2\nl3\nl4\nL5\nl6\nl7\nl8\nl9\nl10';
  assert.equal(unifiedDiff(before, after, 'a/f.yaml', 'b/f.yaml'), `--- a/f.yaml
+++ b/f.yaml
@@ -2,8 +2,9 @@
 l2
 l3
 l4
-l5
+L5
 l6
 l7
 l8
-l9
\\ No newline at end of file
+l9
+l10
\\ No newline at end of file
`);
  assert.equal(unifiedDiff('same\n', 'same\n', 'a', 'b'), '');
  assert.equal(unifiedDiff('', 'new\n', 'a', 'b'), '--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n');
});

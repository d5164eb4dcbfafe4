/** Joining the insertions of one fix that land at the same place: innermost text first. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinAtSamePlace } from '../../../server/src/engine/fixes/edits/same-place';

const at = (start: number, newText: string, end = start) => ({ span: { start, end }, newText });

test('more indented text first; at equal indentation a list item before a key; other places untouched', () => {
  assert.deepEqual(joinAtSamePlace([
    at(10, '\n  volumes:\n  - name: tmp'),
    at(10, '\n    securityContext:\n      readOnlyRootFilesystem: true'),
    undefined,
    at(3, 'x', 5),
    at(10, '\n    - name: tmp\n      mountPath: /tmp'),
  ]), [
    at(3, 'x', 5),
    at(10, '\n    - name: tmp\n      mountPath: /tmp\n    securityContext:\n      readOnlyRootFilesystem: true\n  volumes:\n  - name: tmp'),
  ]);
});

test('an insertion at the end of a replacement is appended to it; CRLF and block-scalar forms keep their order', () => {
  assert.deepEqual(joinAtSamePlace([at(4, ':\r\n    - a', 8), at(8, '\r\n  b: 1')]), [at(4, ':\r\n    - a\r\n  b: 1', 8)]);
  assert.deepEqual(joinAtSamePlace([at(0, '  b: 1\n'), at(0, '    c: 2\n')]), [at(0, '    c: 2\n  b: 1\n')]);
});

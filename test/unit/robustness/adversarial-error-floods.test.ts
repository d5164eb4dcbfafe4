// Files made of stray tokens (`]]]]`, `""""`) are one syntax error per character. The composer makes an Error object
// for each: a 4.9 MB line of `]` (under the size limit) took 9 s and 1.4 GB. Stray tokens between documents are now
// cut after 1,000 in a row, and the composer runs without capturing stacks nobody reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '../../../server/src/engine';
import { analyse } from './helpers';

const HEAD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n';

test('a flood of stray `]` after a manifest: 1,000 errors counted, the first 10 reported where they are', () => {
  const text = `${HEAD}${']'.repeat(100_000)}\n`;
  const [doc] = parseManifest(text).documents;
  assert.equal(doc.errorCount, 1_000);
  const run = analyse(text);
  assert.equal(run.ids.length, 10);
  assert.ok(run.ids.every((id) => id === 'yamlSyntax'));
  assert.deepEqual(run.findings.map((f) => f.span.start), Array.from({ length: 10 }, (_, i) => HEAD.length + i));
  assert.equal(run.findings[0].message, 'Unexpected flow-seq-end token in YAML stream: "]"');
});

test('the cut is per run of stray tokens: each run keeps its first 1,000, the document after them is analysed', () => {
  // The `yaml` composer gives the first run to the document that follows it and the second to the one before it.
  const text = `${']'.repeat(1_500)}\n---\n${HEAD}${']'.repeat(1_500)}\n---\n${HEAD}`;
  const docs = parseManifest(text).documents;
  assert.deepEqual(docs.map((d) => d.errorCount), [2_000, 0]);
  assert.equal(docs[1].objects.length, 1);
});

test('a line of 4.9 million `]` (under the 5 MB limit) finishes in seconds with one finding', () => {
  const start = Date.now();
  const run = analyse(']'.repeat(4_900_000));
  assert.deepEqual(run.ids, ['fileTooLarge']);
  assert.match(run.findings[0].message, /more than 1,000,000 YAML tokens/);
  // It took 9 s before; about 1 s now on a quiet machine.
  assert.ok(Date.now() - start < 6_000, `${Date.now() - start} ms`);
});

test('a million `"` in a manifest: half a million errors inside one document, still quick and capped at 10', () => {
  const start = Date.now();
  const run = analyse(`${HEAD}x: ${'"'.repeat(1_000_000)}\n`);
  assert.equal(run.ids.length, 10);
  assert.ok(Date.now() - start < 6_000, `${Date.now() - start} ms`);
});

test('stack capture is restored after parsing', () => {
  const saved = Error.stackTraceLimit;
  parseManifest(`${HEAD}]]]\n`);
  assert.equal(Error.stackTraceLimit, saved);
  assert.ok(new Error('x').stack?.includes('\n    at '), 'errors still have stacks');
});

/**
 * splitDocuments: `---` documents by a line scan, cut where the `yaml` lexer ends a document. Exact slices for the
 * cases that matter (CRLF, BOM, markers inside block scalars and quoted strings, `...`, directives), and a property:
 * on valid multi-document manifests, every slice parses alone to the documents the whole text has, at the same
 * places.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { splitDocuments } from '../../../server/src/engine/parse/split-documents';
import { CORPUS } from '../fuzz/corpus';

/** The text of each slice. */
function pieces(text: string): string[] {
  const { slices } = splitDocuments(text);
  assert.equal(slices.map((s) => text.slice(s.start, s.end)).join(''), text, 'the slices cover the text, in order');
  return slices.map((s) => text.slice(s.start, s.end));
}

test('a slice per `---` document; comments above a marker stay with the document before it', () => {
  assert.deepEqual(pieces('a: 1\n# about b\n---\nb: 2\n--- # c\nc: 3'), ['a: 1\n# about b\n', '---\nb: 2\n', '--- # c\nc: 3']);
  assert.deepEqual(pieces('---\na: 1\n---\n'), ['---\na: 1\n', '---\n']);
  assert.deepEqual(pieces('---\t\na: 1\n---\tx: 2\n'), ['---\t\na: 1\n', '---\tx: 2\n']);
});

test('CRLF line breaks and a byte order mark', () => {
  assert.deepEqual(pieces('a: 1\r\n---\r\nb: 2\r\n'), ['a: 1\r\n', '---\r\nb: 2\r\n']);
  assert.deepEqual(pieces('\ufeff---\r\na: 1\r\n---\r\nb: 2'), ['\ufeff---\r\na: 1\r\n', '---\r\nb: 2']);
  // A lone CR is a line break (parsing reads it as LF): `---` after it starts a document.
  assert.deepEqual(pieces('a: 1\r---\rb: 2\n'), ['a: 1\r', '---\rb: 2\n']);
});

test('only column 0 counts: `---` indented in a block scalar or a quoted string is text; at column 0 it ends the document', () => {
  assert.deepEqual(pieces('script: |\n  echo ---\n  ---\n---\nb: 1\n'), ['script: |\n  echo ---\n  ---\n', '---\nb: 1\n']);
  assert.deepEqual(pieces('a: "x\n  --- y"\nb: \'p\n ...\'\n'), ['a: "x\n  --- y"\nb: \'p\n ...\'\n']);
  assert.deepEqual(pieces('a: |\n  x\n---\n  y\n'), ['a: |\n  x\n', '---\n  y\n'], 'the lexer ends the block scalar too');
  assert.deepEqual(pieces('---x: 1\n----\n... more\n'), ['---x: 1\n----\n... more\n'], 'not markers: no space after them');
});

test('`...` ends a document; what follows waits for the next one, directives included', () => {
  assert.deepEqual(pieces('a: 1\n...\n# next\nb: 2\n'), ['a: 1\n...\n', '# next\nb: 2\n']);
  assert.deepEqual(pieces('a: 1\n...\n---\nb: 2\n'), ['a: 1\n...\n', '---\nb: 2\n'], '`---` right after `...` opens the pending document');
  const directives = splitDocuments('a: 1\n...\n%YAML 1.1\n---\nb: 2\n');
  assert.equal(directives.directives, true);
  assert.equal(splitDocuments('%TAG ! tag:x,2024:\n---\na: 1\n').directives, true);
  assert.equal(splitDocuments('a: 1\n%not a directive inside a document\n').directives, false);
});

test('an empty text is one empty slice', () => {
  assert.deepEqual(splitDocuments('').slices, [{ start: 0, end: 0 }]);
});

const YAML_OPTIONS = { version: '1.1', merge: true, prettyErrors: false, uniqueKeys: false, strict: false } as const;

/** Each document's range and value, moved by `offset`. */
function documents(text: string, offset = 0): unknown[] {
  return parseAllDocuments(text, YAML_OPTIONS).map((d) => {
    const doc = d as ReturnType<typeof parseAllDocuments>[number] & { range: [number, number, number]; errors: unknown[] };
    return { range: doc.range.map((r) => r + offset), errors: doc.errors.length, value: doc.toJS() };
  });
}

test('property: on valid manifests, the slices parsed alone are the whole text\'s documents', () => {
  const separator = fc.constantFrom('---\n', '--- # doc\n', '---\r\n', '...\n---\n', '...\n# next\n', '\n---\n\n');
  fc.assert(fc.property(fc.array(fc.tuple(fc.nat({ max: CORPUS.length - 1 }), separator), { minLength: 1, maxLength: 5 }), (docs) => {
    const text = docs.map(([d, sep], i) => (i ? sep : '') + CORPUS[d]).join('');
    const { slices } = splitDocuments(text);
    const piecewise = slices.flatMap((s) => documents(text.slice(s.start, s.end), s.start));
    assert.deepEqual(piecewise, documents(text));
  }), { numRuns: 150 });
});

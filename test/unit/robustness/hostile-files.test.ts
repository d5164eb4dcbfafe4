// Files that are huge, binary, random, empty or oddly encoded: one clear finding or silence, never a crash or hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../../../server/src/cli/inputs';
import { parseManifest } from '../../../server/src/engine';
import { DEFAULT_LIMITS } from '../../../server/src/engine/parse/limits';
import { analyse, PRIVILEGED_POD, seededBytes } from './helpers';

test('a 20 MB file is not parsed: one fileTooLarge info with its size', () => {
  let text = '';
  while (text.length < 20_000_000) text += `${PRIVILEGED_POD}---\n`;
  const run = analyse(text);
  assert.deepEqual(run.ids, ['fileTooLarge']);
  assert.equal(run.findings[0].severity, 'info');
  assert.equal(run.findings[0].message, `File not analysed: its size (${(text.length / 1e6).toFixed(1)} MB) exceeds the limit of 5 MB`);
  assert.deepEqual(run.findings[0].span, { start: 0, end: 0 });
  assert.equal(parseManifest(text).documents.length, 0);
});

test('the size limit counts UTF-8 bytes and can be configured', () => {
  const text = `# ${'é'.repeat(600)}\n${PRIVILEGED_POD}`; // 600 characters, 1,200 bytes of comment
  assert.deepEqual(analyse(text, { limits: { maxFileSize: text.length + 100 } }).ids, ['fileTooLarge']);
  assert.ok(analyse(text, { limits: { maxFileSize: text.length + 600 } }).ids.includes('privileged'));
  assert.equal(DEFAULT_LIMITS.maxFileSize, 5_000_000);
});

test('random bytes (with NULs, as real random data has) are one binaryFile info', () => {
  const text = seededBytes(200_000, 7).toString('latin1');
  const run = analyse(text);
  assert.deepEqual(run.ids, ['binaryFile']);
  assert.equal(run.findings[0].severity, 'info');
});

test('random bytes without NULs: silence, since nothing in them is a Kubernetes object', () => {
  for (const seed of [1, 2, 3]) {
    const bytes = Buffer.from(seededBytes(100_000, seed).map((b) => b || 0x20));
    assert.deepEqual(analyse(bytes.toString('utf8')).ids, [], `seed ${seed}`);
    assert.deepEqual(analyse(bytes.toString('latin1')).ids, [], `seed ${seed}`);
  }
});

test('a binary file with a .yaml name (a gzip of a manifest) is one binaryFile info, whatever the text around it', () => {
  const gzipLike = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]), seededBytes(5_000, 11)]);
  assert.deepEqual(analyse(decode(gzipLike)).ids, ['binaryFile']);
  assert.deepEqual(analyse(`${PRIVILEGED_POD}\0`).ids, ['binaryFile']);
});

test('UTF-16 files with a byte order mark are decoded and analysed like UTF-8; without one they read as binary', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PRIVILEGED_POD, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  const utf8 = analyse(PRIVILEGED_POD).findings;
  assert.ok(utf8.some((f) => f.ruleId === 'privileged'));
  assert.deepEqual(analyse(decode(le)).findings, utf8);
  assert.deepEqual(analyse(decode(be)).findings, utf8);
  assert.deepEqual(analyse(decode(Buffer.from(PRIVILEGED_POD, 'utf16le'))).ids, ['binaryFile']);
  assert.deepEqual(analyse(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PRIVILEGED_POD)]))).findings, utf8);
});

test('empty, blank, comment-only and marker-only files are silent', () => {
  for (const text of ['', '\n', '   \n\t\n', '\r\n\r\n', '# just a comment\n# another\n', '#', '---', '---\n...\n', '---\n---\n---\n', '\uFEFF', '%YAML 1.1\n---\n', 'null\n', '~']) {
    assert.deepEqual(analyse(text).ids, [], JSON.stringify(text));
  }
});

test('too many lexical tokens: parsing stops with one info, the documents before that point are analysed', () => {
  const text = `${PRIVILEGED_POD}---\n${'- a\n'.repeat(10_000)}---\n${PRIVILEGED_POD}`;
  const run = analyse(text, { policy: { level: 'baseline' }, limits: { maxTokens: 5_000 } });
  assert.deepEqual(run.ids, ['privileged', 'fileTooLarge']);
  const stop = run.findings[1];
  assert.equal(stop.message, 'Analysis stopped here: the file has more than 5,000 YAML tokens; the rest of the file was not analysed');
  assert.equal(stop.span.start, PRIVILEGED_POD.length, 'at the start of the document that was cut');
  assert.equal(stop.documentIndex, 1);
});

test('a flood of `---` markers stops at the document limit; a flood of blank lines at the token limit', () => {
  const markers = analyse('---\n'.repeat(50_000));
  assert.deepEqual(markers.ids, ['fileTooLarge']);
  assert.equal(markers.findings[0].message, 'Analysis stopped here: the file has more than 10,000 documents; the rest of the file was not analysed');
  assert.equal(markers.findings[0].span.start, 4 * 10_000);
  // One token per blank line; at the default of a million tokens this takes about a second, so test a smaller one.
  const blank = analyse(`${'\n'.repeat(100_010)}${PRIVILEGED_POD}`, { limits: { maxTokens: 100_000 } });
  assert.deepEqual(blank.ids, ['fileTooLarge']);
  assert.equal(blank.findings[0].span.start, 100_000);
});

test('syntax errors are capped at 10 per document', () => {
  const broken = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${'  "unterminated: [\n  : - ]]\n'.repeat(200)}`;
  const all = parseManifest(broken).documents[0];
  assert.ok((all.errorCount ?? 0) > 10, `errorCount ${all.errorCount}`);
  const run = analyse(broken);
  assert.ok(run.ids.length > 0 && run.ids.length <= 10, `${run.ids.length} findings`);
  assert.ok(run.ids.every((id) => id === 'yamlSyntax'));
  assert.deepEqual(analyse(broken, { limits: { maxSyntaxErrors: 3 } }).ids.length, 3);
});

test('long lines, long scalars and unterminated quotes finish and say nothing odd', () => {
  const pod = (value: string) => PRIVILEGED_POD.replace('image: nginx', `image: ${value}`);
  assert.ok(analyse(pod('x'.repeat(1_000_000))).ids.includes('privileged'));
  assert.ok(analyse(pod(`"${'\\"'.repeat(200_000)}"`)).ids.includes('privileged'));
  const unterminated = analyse(pod(`"${'a '.repeat(200_000)}`));
  assert.ok(unterminated.ids.length >= 1 && unterminated.ids.every((id) => id === 'yamlSyntax'));
  assert.deepEqual(analyse(`key: ${'\t'.repeat(100_000)}value\n`).ids, []);
});

test('parsing is deterministic on hostile input', () => {
  const text = Buffer.from(seededBytes(20_000, 5).map((b) => b || 0x0a)).toString('latin1') + PRIVILEGED_POD;
  assert.deepEqual(analyse(text).findings, analyse(text).findings);
});

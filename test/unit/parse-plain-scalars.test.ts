import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isScalar, parseDocument } from 'yaml';
import { parseManifest } from '../../server/src/engine/parse/documents';

/** yaml's own YAML 1.1 reading, without the shortcut for scalars that can only be strings. */
const plainYaml = (text: string) => parseDocument(text, { version: '1.1', merge: true, uniqueKeys: false, strict: false });

/** The value, type and tag of every scalar of a mapping `k: <scalar>`, as read. */
function reading(doc: ReturnType<typeof plainYaml>) {
  const node = doc.get('k', true);
  return { value: isScalar(node) ? node.value : doc.toJS()?.k, type: isScalar(node) ? node.type : undefined, tag: isScalar(node) ? node.tag : undefined, format: isScalar(node) ? node.format : undefined, errors: doc.errors.length };
}

const TRICKY = ['y', 'Y', 'n', 'N', 'yes', 'Yes', 'YES', 'yEs', 'no', 'No', 'NO', 'nO', 'on', 'On', 'ON', 'oN', 'off', 'Off', 'OFF', 'oFf', 'true', 'True', 'TRUE', 'tRue', 'false', 'False', 'FALSE', 'fAlse',
  'null', 'Null', 'NULL', 'nUll', '~', '', 'nginx', 'name', 'namespace', 'yaml', 'tiller', 'force', 'offset', 'onion', 'nope', 'Nu', 'nu', 'o', 't', 'f',
  '0', '-1', '+1', '0b101', '0o17', '017', '0x1F', '1_000', '1:30', '-1:30:00', '1.5', '.5', '-.inf', '.Inf', '.nan', '.NaN', '1e3', '6.8523015e+5', '190:20:30.15',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2002-12-14 21:59:43.10 -5', '<<', '<', '<x', '-', '-x', '.', '.x', '+x', 'a b', 'N/A', 'yesno', 'trueish', 'falsey',
  'e5', 'E4', 'e+5', 'E-2', 'e', 'E', 'env', 'emptyDir', '.e5', '1e', 'e_5'];

test('a plain scalar reads as yaml reads it under YAML 1.1: the same value, type and format', () => {
  for (const s of TRICKY) {
    const text = `k: ${s}\n`;
    assert.deepEqual(reading(parseManifest(text).documents[0].doc as never), reading(plainYaml(text)), JSON.stringify(s));
  }
});

test('any plain scalar, however it starts, reads as yaml reads it under YAML 1.1', () => {
  const char = fc.constantFrom(...'~nNyYoOtTfFuUeErRaAlLsS0123456789+-._:<xzq /'.split(''));
  fc.assert(fc.property(fc.array(char, { minLength: 1, maxLength: 8 }).map((a) => a.join('')), (s) => {
    const text = `k: ${s}\n`;
    assert.deepEqual(reading(parseManifest(text).documents[0].doc as never), reading(plainYaml(text)), JSON.stringify(s));
  }), { numRuns: 5000 });
});

test('keys and explicit !!str tags are read as yaml reads them', () => {
  const text = 'yes: 1\nname: 2\n!!str on: 3\nk: !!str true\n<<: {m: 4}\n';
  assert.deepEqual(parseManifest(text).documents[0].doc.toJS(), plainYaml(text).toJS());
  assert.equal(String(parseManifest(text).documents[0].doc), String(plainYaml(text)));
});

test('no scalar that the string shortcut takes can match any other YAML 1.1 scalar pattern', () => {
  const tags = parseManifest('k: v\n').documents[0].doc.schema.tags as { tag: string; default?: unknown; test?: RegExp }[];
  const [shortcut, ...others] = tags;
  assert.equal(shortcut.tag, 'tag:yaml.org,2002:str');
  const patterns = others.filter((t) => t.default && t.test).map((t) => t.test!);
  assert.ok(patterns.length >= 12, 'the YAML 1.1 patterns are all there');
  const check = (s: string) => {
    if (shortcut.test!.test(s)) for (const p of patterns) assert.ok(!p.test(s), `${JSON.stringify(s)} matches ${p}`);
  };
  // Every start of one or two printable characters, with endings that complete each pattern.
  const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
  const endings = ['', 'ull', 'ULL', 'es', 'ES', 'rue', 'RUE', 'alse', 'ALSE', 'n', 'N', 'ff', 'FF', 'o', 'O', '5', '_5', 'e5', '.5', ':30', '-12-14', 'inf', 'nan'];
  for (const a of printable) for (const b of ['', ...printable]) for (const e of endings) check(a + b + e);
  fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), (s) => check(s)), { numRuns: 20000 });
});

test('a %YAML 1.2 directive still reads its document with the YAML 1.2 core schema; other documents stay YAML 1.1', () => {
  const values = (text: string) => parseManifest(text).documents.map((d) => d.doc.toJS());
  assert.deepEqual(values('%YAML 1.2\n---\nk: yes\nm: 0o17\n'), [{ k: 'yes', m: 15 }]);
  assert.deepEqual(values('k: yes\nm: 0o17\n---\nk: on\n'), [{ k: true, m: '0o17' }, { k: true }]);
  // Many documents, one schema: a tag one document uses does not change how the next one reads.
  assert.deepEqual(values('a: !!binary aGk=\n---\nb: yes\n---\nc: !!str on\n---\nd: on\n').map((v) => Object.values(v)[0] instanceof Uint8Array ? 'bytes' : Object.values(v)[0]), ['bytes', true, 'on', true]);
});

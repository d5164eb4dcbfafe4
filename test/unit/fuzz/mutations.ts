/**
 * Mutations of valid manifests, as fast-check arbitraries: the edits people make while typing (delete, duplicate,
 * move or reindent a line, change a value, add a `---`) and the odd ones (tabs, anchors and aliases, flow
 * collections, template actions, control characters, lone surrogates, CRLF, truncation). Each mutation is plain
 * data, so a failing case prints as something one can read and replay.
 */
import fc from 'fast-check';

export type Mutation =
  | { op: 'delete' | 'duplicate' | 'crlf' | 'marker'; line: number }
  | { op: 'reindent'; line: number; by: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'value'; line: number; value: string }
  | { op: 'insert'; line: number; column: number; text: string }
  | { op: 'truncate'; at: number };

/** Values that mean something to YAML 1.1, to the rules or to the parser. */
const VALUES = [
  'true', 'false', 'yes', 'no', 'on', 'off', 'null', '~', '', '0', '-1', '1000', '0x10', '1e9', '.inf', '"true"', "'it''s'",
  '[]', '{}', '[ALL]', '{type: Unconfined}', '[a, {b: [c, {d: e}]}]', '{a: [1, 2', ']]}', '*a0', '*a1', '&a0 true',
  '&a1 {privileged: true}', '<<: *a0', '!!str 0', '!!binary aGk=', '!custom x', '|', '>-', '|2\n  text', '"unterminated',
  "'unterminated", '{{ .Values.x }}', '- item', '? key', 'a: b: c', '#comment', 'Unmasked', 'Unconfined', 'RuntimeDefault',
  'NET_RAW', 'SYS_ADMIN', '/var/run/docker.sock', '2001-12-14t21:59:43.10-05:00', '0o17', '1_000', '190:20:30',
];

/** Snippets inserted anywhere in a line. */
const SNIPPETS = [
  '\t', ' ', '  ', '-', '- ', ': ', ':', '?', '? ', '#', ' #', '---', '...', '[', ']', '{', '}', ',', '"', "'", '&a0 ', '*a0',
  '*a1', '<<: *a0', '!!', '!', '%YAML 1.2', '|', '>', '\\', '\r', '\n', '\r\n', '\u0085', '\u2028', '\ufeff', '\u0000',
  '\u0007', '{{', '}}', '{{- if .x }}', '# podsec-disable-next-line privileged', '# podsec-disable', '# podsec-disable-file',
  'apiVersion: v1', 'kind: Pod', 'securityContext:', 'privileged: true', 'containers:', 'spec:',
];

const line = fc.nat({ max: 200 });

const anyText = fc.oneof(
  fc.constantFrom(...SNIPPETS),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  // Any UTF-16 unit, lone surrogates and C0/C1 controls included.
  fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 3 }).map((units) => String.fromCharCode(...units)),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  // Weighted towards edits that keep the YAML readable, so that most cases still reach the rules and the fixes.
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'crlf' as const, 'marker' as const), line }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reindent' as const), line, by: fc.integer({ min: -6, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap' as const), line, other: line }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('value' as const), line, value: fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 8 })) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insert' as const), line, column: fc.nat({ max: 60 }), text: anyText }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat({ max: 5000 }) }) },
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) out = apply(out, m);
  return out;
}

function apply(text: string, m: Mutation): string {
  if (m.op === 'truncate') return text.slice(0, m.at % (text.length + 1));
  const lines = text.split('\n');
  const i = m.line % lines.length;
  const l = lines[i];
  switch (m.op) {
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'duplicate':
      lines.splice(i, 0, l);
      break;
    case 'crlf':
      lines[i] = `${l}\r`;
      break;
    case 'marker':
      lines.splice(i, 0, '---');
      break;
    case 'reindent':
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + l : l.replace(new RegExp(`^ {0,${-m.by}}`), '');
      break;
    case 'swap': {
      const j = m.other % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      break;
    }
    case 'value': {
      const colon = l.indexOf(': ');
      if (colon >= 0) lines[i] = `${l.slice(0, colon + 2)}${m.value}`;
      break;
    }
    case 'insert': {
      const c = m.column % (l.length + 1);
      lines[i] = l.slice(0, c) + m.text + l.slice(c);
      break;
    }
  }
  return lines.join('\n');
}

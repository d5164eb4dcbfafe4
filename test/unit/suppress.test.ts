import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyDirectives, LineIndex, lintText, NamespaceIndex, parseDirectives, parseManifest, PolicyResolver } from '../../server/src/engine';
import type { Finding, Span } from '../../server/src/engine';
import { rangeOf } from '../helpers';

/** `line:col-line:col` (1-based) of a span, to compare with rangeOf(). */
function at(text: string, span: Span): string {
  const lines = new LineIndex(text);
  const s = lines.positionAt(span.start);
  const e = lines.positionAt(span.end);
  return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
}

/**
 * Findings after suppression, as `[ruleId, at]` plus the message for hints. Baseline only, as `--level baseline`
 * does (no hardening rule): suppression of hardening findings is tested in lint-hardening.test.ts.
 */
function lint(text: string): Finding[] {
  const policy = new PolicyResolver({ level: 'baseline' }, new NamespaceIndex());
  return lintText(text, { policy, hardening: false, onRuleError: (id, e) => { throw new Error(`${id}: ${String(e)}`); } }).findings;
}

function brief(text: string, findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${at(text, f.span)}${f.severity === 'hint' ? ` ${f.message}` : ''}`);
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  containers:
    - name: a
      image: nginx
      securityContext:
        privileged: true
`;

// ---- the parser, as a pure function -------------------------------------------------------------------------

test('parser: next-line directive with a comma list and a reason; exact spans and the covered line', () => {
  const text = 'a: 1\n  # podsec-disable-next-line privileged, hostNamespaces -- the CNI needs it\n\n  # other comment\nb: 2\n';
  const { directives, invalid } = parseDirectives(text);
  assert.deepEqual(invalid, []);
  assert.equal(directives.length, 1);
  const d = directives[0];
  assert.equal(d.kind, 'disable-next-line');
  assert.equal(at(text, d.span), rangeOf(text, '# podsec-disable-next-line privileged, hostNamespaces -- the CNI needs it'));
  assert.deepEqual(d.rules.map((r) => [r.name, at(text, r.span)]), [
    ['privileged', rangeOf(text, 'privileged')],
    ['hostNamespaces', rangeOf(text, 'hostNamespaces')],
  ]);
  assert.equal(d.reason, 'the CNI needs it');
  // Blank and comment-only lines are skipped: the directive covers `b: 2`.
  assert.equal(at(text, d.target!), rangeOf(text, 'b: 2'));
});

test('parser: rule names separated by spaces, commas or both; no rules means every rule', () => {
  const names = (comment: string) => parseDirectives(`${comment}\nx: 1\n`).directives.map((d) => d.rules.map((r) => r.name));
  assert.deepEqual(names('# podsec-disable-next-line a b,c ,  d,,e'), [['a', 'b', 'c', 'd', 'e']]);
  assert.deepEqual(names('#podsec-disable-next-line'), [[]]);
  const withReason = parseDirectives('# podsec-disable-next-line -- just because\nx: 1\n').directives[0];
  assert.deepEqual([withReason.rules, withReason.reason], [[], 'just because']);
  // `--` only separates when it stands alone; the reason keeps later dashes.
  const dashes = parseDirectives('# podsec-disable-file my--rule -- a -- b\n').directives[0];
  assert.deepEqual([dashes.rules.map((r) => r.name), dashes.reason], [['my--rule'], 'a -- b']);
});

test('parser: podsec-disable at the top of each document, before and on the --- line, and without ---', () => {
  const text = [
    '# podsec-disable hostNamespaces',      // top of document 0 (no ---)
    'a: 1',
    '--- # podsec-disable privileged',      // on the marker of document 1
    'b: 1',
    '---',
    '# podsec-disable runAsNonRoot -- legacy',
    '',
    'c: 1',
    '...',
    '# podsec-disable sysctls',             // after `...`: the top of the next document
    '---',
    'd: 1',
    '',
  ].join('\n');
  const { directives, invalid } = parseDirectives(text);
  assert.deepEqual(invalid, []);
  assert.deepEqual(directives.map((d) => [d.kind, d.rules[0].name, d.documentIndex]), [
    ['disable', 'hostNamespaces', 0],
    ['disable', 'privileged', 1],
    ['disable', 'runAsNonRoot', 2],
    ['disable', 'sysctls', 3],
  ]);
  // The document indexes are the ones parseManifest (and so every finding) uses.
  assert.equal(parseManifest(text).documents.length, 4);
  assert.equal(parseManifest(text).documents[3].span.start, text.indexOf('---\nd: 1'));
});

test('parser: podsec-disable after content is invalid, with a message that says what to do', () => {
  const text = 'a: 1\n# podsec-disable privileged\nb: 2\n';
  const { directives, invalid } = parseDirectives(text);
  assert.deepEqual(directives, []);
  assert.deepEqual(invalid.map((i) => [at(text, i.span), i.message]), [[
    rangeOf(text, '# podsec-disable privileged'),
    'podsec-disable only works before the first content of its document: use podsec-disable-next-line here, or move it to the top of the document',
  ]]);
});

test('parser: misspelled keywords are kept as invalid; unrelated mentions are not directives', () => {
  const text = 'a: 1 # podsec-disable-line privileged\n# see podsec-disable-next-line in the docs\n# podsec-disabled\n';
  const { directives, invalid } = parseDirectives(text);
  assert.deepEqual(directives, []);
  assert.deepEqual(invalid.map((i) => [at(text, i.span), i.message]), [
    [rangeOf(text, '# podsec-disable-line privileged'), 'Unknown directive podsec-disable-line (use podsec-disable-next-line, podsec-disable or podsec-disable-file)'],
    [rangeOf(text, '# podsec-disabled'), 'Unknown directive podsec-disabled (use podsec-disable-next-line, podsec-disable or podsec-disable-file)'],
  ]);
});

test('parser: podsec-disable-file works anywhere, also as a trailing comment', () => {
  const text = 'a: 1\nb: 2 # podsec-disable-file privileged\n---\nc: 3\n';
  assert.deepEqual(parseDirectives(text).directives.map((d) => [d.kind, d.rules.map((r) => r.name), d.documentIndex]), [['disable-file', ['privileged'], 0]]);
});

test('parser: a # inside block scalars, quoted strings and plain scalars is not a comment', () => {
  const text = [
    'literal: |',
    '  # podsec-disable-file',
    '  # podsec-disable-next-line privileged',
    'folded: >-',
    '  # podsec-disable-file',
    'indented: |2',
    '    # podsec-disable-file',
    'double: "# podsec-disable-file"',
    "single: '# podsec-disable-file'",
    'multi: "a',
    '  # podsec-disable-file"',
    'plain: a#podsec-disable-file',
    'real: 1 # podsec-disable-next-line privileged',
    '',
  ].join('\n');
  const { directives, invalid } = parseDirectives(text);
  assert.deepEqual(invalid, []);
  assert.deepEqual(directives.map((d) => at(text, d.span)), [rangeOf(text, '# podsec-disable-next-line privileged', 1)]);
});

test('parser: CRLF line ends are not part of spans or the covered line', () => {
  const text = 'a: 1\r\n# podsec-disable-next-line privileged -- why\r\n\r\nb: true\r\n';
  const d = parseDirectives(text).directives[0];
  assert.equal(text.slice(d.span.start, d.span.end), '# podsec-disable-next-line privileged -- why');
  assert.equal(d.reason, 'why');
  assert.equal(text.slice(d.target!.start, d.target!.end), 'b: true');
  assert.equal(text.slice(d.rules[0].span.start, d.rules[0].span.end), 'privileged');
});

test('parser: comments inside flow collections count; a directive at the end of the file covers nothing', () => {
  const text = 'a: {b: 1, # podsec-disable-next-line privileged\n  c: true}\n# podsec-disable-next-line\n';
  const ds = parseDirectives(text).directives;
  assert.equal(ds.length, 2);
  assert.equal(text.slice(ds[0].target!.start, ds[0].target!.end), '  c: true}');
  assert.equal(ds[1].target, undefined);
});

test('parser: a file without the word podsec-disable has no directives (and broken YAML never throws)', () => {
  assert.deepEqual(parseDirectives('a: [1, 2\n# hello\n'), { directives: [], invalid: [] });
  assert.doesNotThrow(() => parseDirectives('a: [\n# podsec-disable-next-line x\n"unterminated\n'));
});

// ---- applying them to real findings ---------------------------------------------------------------------------

test('apply: no directive, both findings', () => {
  assert.deepEqual(brief(POD, lint(POD)), [
    `hostNamespaces ${rangeOf(POD, 'true', 0)}`,
    `privileged ${rangeOf(POD, 'true', 1)}`,
  ]);
});

test('apply: next-line suppresses the named rule on the next line only', () => {
  const text = POD.replace('        privileged: true', '        # podsec-disable-next-line privileged -- needed by the CNI\n        privileged: true');
  assert.deepEqual(brief(text, lint(text)), [`hostNamespaces ${rangeOf(text, 'true', 0)}`]);
});

test('apply: an unused next-line directive is a hint on the whole comment, tagged unnecessary', () => {
  const text = POD.replace('  containers:', '  # podsec-disable-next-line privileged\n  containers:');
  const hints = lint(text).filter((f) => f.ruleId === 'unusedDirective');
  assert.deepEqual(hints, [{
    ruleId: 'unusedDirective',
    category: 'syntax',
    severity: 'hint',
    message: 'Unused podsec-disable-next-line directive (no privileged problem on the next line)',
    span: { start: text.indexOf('# podsec'), end: text.indexOf('# podsec') + '# podsec-disable-next-line privileged'.length },
    documentIndex: 0,
    tags: ['unnecessary'],
  }]);
  assert.equal(lint(text).filter((f) => f.ruleId === 'privileged').length, 1);
});

test('apply: a named rule that suppressed nothing is reported on its name; unknown rules too', () => {
  const text = POD.replace('        privileged: true', '        # podsec-disable-next-line privileged, hostNamespaces privilegd\n        privileged: true');
  assert.deepEqual(brief(text, lint(text)), [
    `hostNamespaces ${rangeOf(text, 'true', 0)}`,
    `unusedDirective ${rangeOf(text, 'hostNamespaces')} Unused rule hostNamespaces in podsec-disable-next-line directive (no hostNamespaces problem on the next line)`,
    `unusedDirective ${rangeOf(text, 'privilegd')} Unknown rule "privilegd" in podsec-disable-next-line directive`,
  ]);
});

test('apply: a rule the configuration turns off is not reported as unused (isOff); the others still are', () => {
  const text = POD.replace('        privileged: true', '        # podsec-disable-next-line resources, hostNamespaces\n        privileged: true');
  const findings = lint(text).filter((f) => f.ruleId !== 'unusedDirective');
  const unused = (isOff?: (id: string) => boolean) => applyDirectives(findings, parseDirectives(text), { isOff }).unused.map((f) => `${at(text, f.span)} ${f.message}`);
  assert.deepEqual(unused(), [`${rangeOf(text, '# podsec-disable-next-line resources, hostNamespaces')} Unused podsec-disable-next-line directive (no resources or hostNamespaces problem on the next line)`]);
  assert.deepEqual(unused((id) => id === 'resources'), [
    `${rangeOf(text, 'hostNamespaces')} Unused rule hostNamespaces in podsec-disable-next-line directive (no hostNamespaces problem on the next line)`,
  ]);
  assert.deepEqual(unused((id) => id === 'resources' || id === 'hostNamespaces'), []);
});

test('apply: a directive naming only unknown rules reports the names, not the directive', () => {
  const text = `# podsec-disable-next-line nope\n${POD}`;
  assert.deepEqual(brief(text, lint(text)).filter((s) => s.startsWith('unused')), [
    `unusedDirective ${rangeOf(text, 'nope')} Unknown rule "nope" in podsec-disable-next-line directive`,
  ]);
});

test('apply: podsec-disable covers its own document only', () => {
  const text = `# podsec-disable privileged\n${POD}---\n${POD}`;
  assert.deepEqual(brief(text, lint(text)), [
    `hostNamespaces ${rangeOf(text, 'true', 0)}`,
    `hostNamespaces ${rangeOf(text, 'true', 2)}`,
    `privileged ${rangeOf(text, 'true', 3)}`,
  ]);
  const unused = `${POD}---\n# podsec-disable hostNamespaces\napiVersion: v1\nkind: ConfigMap\n`;
  assert.deepEqual(brief(unused, lint(unused)).slice(2), [
    `unusedDirective ${rangeOf(unused, '# podsec-disable hostNamespaces')} Unused podsec-disable directive (no hostNamespaces problem in this document)`,
  ]);
});

test('apply: podsec-disable-file with and without rules; a misplaced podsec-disable is reported', () => {
  const all = `${POD}# podsec-disable-file -- lab cluster\n`;
  assert.deepEqual(lint(all), []);
  const one = `${POD}---\n${POD}# podsec-disable-file hostNamespaces\n`;
  assert.deepEqual(lint(one).map((f) => f.ruleId), ['privileged', 'privileged']);
  const misplaced = `${POD}# podsec-disable privileged\n`;
  assert.deepEqual(brief(misplaced, lint(misplaced)).slice(2), [
    `unusedDirective ${rangeOf(misplaced, '# podsec-disable privileged')} podsec-disable only works before the first content of its document: use podsec-disable-next-line here, or move it to the top of the document`,
  ]);
});

test('apply: yamlSyntax is never suppressed, and naming it says so', () => {
  const text = `# podsec-disable-file\n${POD}---\napiVersion: v1\nkind: Pod\nmetadata: [\n`;
  assert.deepEqual(lint(text).map((f) => f.ruleId), ['yamlSyntax']);
  const named = `# podsec-disable-file yamlSyntax\n---\napiVersion: v1\nkind: Pod\nmetadata: [\n`;
  assert.deepEqual(brief(named, lint(named)).map((s) => s.replace(/ \d+:\d+-\d+:\d+/, '')), [
    'unusedDirective yamlSyntax problems cannot be suppressed',
    'yamlSyntax',
  ]);
});

test('apply: a directive written inside a block scalar suppresses nothing', () => {
  const text = POD.replace('  name: p\n', '  name: p\n  annotations:\n    note: |\n      # podsec-disable-file\n');
  assert.deepEqual(lint(text).map((f) => f.ruleId), ['hostNamespaces', 'privileged']);
});

test('apply: CRLF files and flow-style pods', () => {
  const crlf = POD.replace('        privileged: true', '        # podsec-disable-next-line privileged\n        privileged: true').replace(/\n/g, '\r\n');
  assert.deepEqual(lint(crlf).map((f) => f.ruleId), ['hostNamespaces']);
  const flow = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {\n  # podsec-disable-next-line hostNamespaces\n  hostNetwork: true, containers: [{name: a, image: nginx}]}\n';
  assert.deepEqual(lint(flow), []);
});

test('property: any text made of YAML and directive pieces parses without throwing, spans inside the text', () => {
  const piece = fc.constantFrom('# podsec-disable-next-line a, b -- r', '# podsec-disable', '#podsec-disable-file', '# x', 'k: v', '- i',
    '|', '>-', '"q #', "'s", '{', '}', '[', ']', ',', ':', '---', '...', '&a', '*a', '\n', '\r\n', '\r', '  ', '\t', '\ufeff');
  fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
    const text = pieces.join('');
    const { directives, invalid } = parseDirectives(text);
    for (const d of [...directives, ...invalid]) assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start < d.span.end);
    for (const d of directives) assert.ok(!d.target || (d.target.start > d.span.start && d.target.end <= text.length));
  }), { numRuns: 500 });
});

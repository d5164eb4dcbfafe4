/**
 * The TextMate injection grammar for suppression comments. VS Code runs it with Oniguruma; its regexes use only
 * syntax that JavaScript reads the same way, so a small scanner (earliest match wins, ties by pattern order, as in
 * TextMate) shows which scopes a directive gets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const grammar = JSON.parse(fs.readFileSync(path.join(__dirname, '../../syntaxes/podsec-directives.injection.json'), 'utf8'));
const repo = grammar.repository;

/** `[text, scope]` pairs for the directive part of one comment line, or [] when the grammar does not start. */
function scopes(line: string): [string, string][] {
  const begin = new RegExp(repo.directive.begin, 'g').exec(line);
  if (!begin) return [];
  const out: [string, string][] = [[begin[1], repo.directive.beginCaptures['1'].name]];
  const inner = repo.directive.patterns.map((p: { include: string }) => repo[p.include.slice(1)]);
  let pos = begin.index + begin[0].length;
  while (pos < line.length) {
    let best: { m: RegExpExecArray; rule: any } | undefined;
    for (const rule of inner) {
      const re = new RegExp(rule.match ?? rule.begin, 'g');
      re.lastIndex = pos;
      const m = re.exec(line);
      if (m && (!best || m.index < best.m.index)) best = { m, rule };
    }
    if (!best) break;
    const { m, rule } = best;
    if (rule.match) out.push([m[0], rule.name]);
    else {
      out.push([m[1], rule.beginCaptures['1'].name]);
      const rest = line.slice(m.index + m[0].length).trim();
      if (rest) out.push([rest, rule.contentName]);
      break;
    }
    pos = m.index + m[0].length;
  }
  return out;
}

test('grammar: injected into YAML comments under its own scope name', () => {
  assert.equal(grammar.scopeName, 'comment.podsec.directive.injection');
  assert.equal(grammar.injectionSelector, 'L:comment.line.number-sign.yaml');
  assert.deepEqual(grammar.patterns, [{ include: '#directive' }]);
});

test('grammar: keyword, rule names, commas and the reason get their scopes', () => {
  assert.deepEqual(scopes('  # podsec-disable-next-line privileged, hostNamespaces -- the CNI needs it'), [
    ['podsec-disable-next-line', 'keyword.control.directive.podsec'],
    ['privileged', 'variable.other.rule.podsec'],
    [',', 'punctuation.separator.comma.podsec'],
    ['hostNamespaces', 'variable.other.rule.podsec'],
    ['--', 'punctuation.separator.reason.podsec'],
    ['the CNI needs it', 'string.unquoted.reason.podsec'],
  ]);
  assert.deepEqual(scopes('--- #podsec-disable runAsNonRoot'), [
    ['podsec-disable', 'keyword.control.directive.podsec'],
    ['runAsNonRoot', 'variable.other.rule.podsec'],
  ]);
  assert.deepEqual(scopes('# podsec-disable-file -- lab only'), [
    ['podsec-disable-file', 'keyword.control.directive.podsec'],
    ['--', 'punctuation.separator.reason.podsec'],
    ['lab only', 'string.unquoted.reason.podsec'],
  ]);
});

test('grammar: misspelled keywords and mentions in prose are not highlighted', () => {
  assert.deepEqual(scopes('# podsec-disable-line privileged'), []);
  assert.deepEqual(scopes('# see podsec-disable-next-line'), []);
  // A `--` glued to a name is part of the name, as the parser reads it.
  assert.deepEqual(scopes('# podsec-disable a--b')[1], ['a--b', 'variable.other.rule.podsec']);
});

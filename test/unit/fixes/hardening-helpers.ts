/**
 * Helpers for the hardening fix tests: lint with hardening settings, apply one finding's fix with fix options, and
 * check the quality bar on the result (it parses, the targeted finding is gone, no finding of any category is new,
 * every comment is kept, and nothing of the rule is left where the finding was), plus the layout templates of layouts.test.ts.
 */
import assert from 'node:assert/strict';
import { applyEdits, fixesFor, lintText, NamespaceIndex, parseManifest, PolicyResolver } from '../../../server/src/engine';
import type { Finding, Fix, FixOptions, LintOptions, TextEdit } from '../../../server/src/engine';
import type { HardeningSettings } from '../../../server/src/engine/rules/hardening/rule';
import { yamlComments } from '../../../server/src/engine/yaml-comments';
import { countKeys, crlf, findingKey } from './fix-helpers';

export interface HardeningQuery extends FixOptions {
  settings?: Partial<HardeningSettings>;
  /** Which finding of the rule (in source order), default 0. */
  index?: number;
}

export function hardeningLint(settings: Partial<HardeningSettings> = {}): LintOptions {
  return {
    policy: new PolicyResolver({ level: 'restricted', version: 'latest' }, new NamespaceIndex()),
    hardening: { settings },
    onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); },
  };
}

export function lint(text: string, settings: Partial<HardeningSettings> = {}): Finding[] {
  return lintText(text, hardeningLint(settings)).findings;
}

/** The n-th finding of a rule and the fixes offered for it. */
export function offeredFor(text: string, ruleId: string, q: HardeningQuery = {}): { finding: Finding; fixes: Fix[] } {
  const { parsed, findings } = lintText(text, hardeningLint(q.settings));
  const finding = findings.filter((f) => f.ruleId === ruleId)[q.index ?? 0];
  assert.ok(finding, `no finding #${q.index ?? 0} of ${ruleId}; found: ${findings.map((f) => f.ruleId).join(', ')}`);
  return { finding, fixes: fixesFor(finding, parsed, q) };
}

/** Applies the rule's only fix and checks the bar; returns the fix and the fixed text. */
export function applyHardeningFix(text: string, ruleId: string, q: HardeningQuery = {}): { fix: Fix; output: string } {
  const { finding, fixes } = offeredFor(text, ruleId, q);
  assert.equal(fixes.length, 1, `expected one fix for ${ruleId}, got: ${fixes.map((f) => f.title).join(' | ')}`);
  return { fix: fixes[0], output: assertFixed(text, fixes[0].edits, finding, ruleId, q) };
}

export function assertFixed(before: string, edits: readonly TextEdit[], target: Finding, ruleId: string, q: HardeningQuery = {}): string {
  const after = applyEdits(before, edits);
  const errors = (t: string) => parseManifest(t).documents.reduce((n, d) => n + d.errors.length, 0);
  assert.ok(errors(after) <= errors(before), `the fixed text has syntax errors:\n${after}`);
  const was = countKeys(lint(before, q.settings));
  const afterFindings = lint(after, q.settings);
  const now = countKeys(afterFindings);
  const key = findingKey(target);
  assert.ok((now.get(key) ?? 0) < was.get(key)!, `the targeted finding is still there: ${key}\n${after}`);
  for (const [k, n] of now) assert.ok(n <= (was.get(k) ?? 0), `new finding after the fix: ${k}\n${after}`);
  const comments = (t: string) => yamlComments(t).map((c) => c.source.trimEnd());
  for (const c of comments(before)) assert.ok(comments(after).includes(c), `lost the comment "${c}"`);
  // Idempotent: no finding of the rule is left where the targeted one was (its offset moved by the edits before it),
  // so the fix is not offered again.
  const at = target.span.start + edits.filter((e) => e.span.end <= target.span.start).reduce((n, e) => n + e.newText.length - (e.span.end - e.span.start), 0);
  const left = afterFindings.filter((f) => f.ruleId === ruleId && f.span.start === at);
  assert.deepEqual(left.map((f) => f.message), [], `the finding is still there:\n${after}`);
  return after;
}

/**
 * Layout templates: at the start of a line `M` is one map level (2 or 4 spaces), `S` the list indentation (0 or
 * the map step) and `_` the 2 columns from a list dash to its item's keys.
 */
export function lay(template: string, unit: 2 | 4, seq: 0 | 2 | 4): string {
  return template.replace(/^[MS_]+/gm, (tokens) => [...tokens].map((t) => ' '.repeat(t === 'M' ? unit : t === 'S' ? seq : 2)).join(''));
}

export const LAYOUTS: readonly { unit: 2 | 4; seq: 0 | 2 | 4; eol: 'LF' | 'CRLF'; label: string }[] = ([[2, 2], [2, 0], [4, 4], [4, 0]] as const).flatMap(([unit, seq]) =>
  (['LF', 'CRLF'] as const).map((eol) => ({ unit, seq, eol, label: `${unit} spaces, lists ${seq ? 'indented' : 'not indented'}, ${eol}` })));

export function layout(template: string, l: { unit: 2 | 4; seq: 0 | 2 | 4; eol: 'LF' | 'CRLF' }): string {
  const text = lay(template, l.unit, l.seq);
  return l.eol === 'CRLF' ? crlf(text) : text;
}

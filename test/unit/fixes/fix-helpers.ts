/**
 * Helpers for the fix tests: lint a text at a level, apply one finding's fix or a fix-all, and check the quality
 * bar on every result (it parses, the targeted finding is gone, no new finding appears).
 */
import assert from 'node:assert/strict';
import {
  applyEdits, disableDocumentFix, disableLineFix, Fix, fixAll, FixAllResult, fixesFor, lintText, NamespaceIndex, parseManifest,
  PolicyResolver,
} from '../../../server/src/engine';
import type { Finding, Level, LintOptions } from '../../../server/src/engine';

export function lintOptions(level: Level = 'restricted', version = 'latest'): LintOptions {
  return { policy: new PolicyResolver({ level, version }, new NamespaceIndex()), onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); } };
}

export function findings(text: string, level: Level = 'restricted', version = 'latest'): Finding[] {
  return lintText(text, lintOptions(level, version)).findings;
}

/** Only the Pod Security findings (the hardening rules report on the same manifests). */
export function pssFindings(text: string, level: Level = 'restricted', version = 'latest'): Finding[] {
  return findings(text, level, version).filter((f) => f.category === 'pss');
}

/** What identifies a finding across edits (offsets move): rule, message, object. */
export function findingKey(f: Finding): string {
  return `${f.ruleId}|${f.message}|${f.documentIndex}|${f.object?.kind}/${f.object?.name}`;
}

export function countKeys(list: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of list) m.set(findingKey(f), (m.get(findingKey(f)) ?? 0) + 1);
  return m;
}

export interface FixQuery {
  level?: Level;
  version?: string;
  /** Which finding of the rule (in source order), default 0. */
  index?: number;
  /** Pick the fix whose title contains this (default: the first, i.e. the preferred one). */
  title?: string;
  nonRootUserId?: number;
}

export interface Applied {
  fix: Fix;
  output: string;
}

/** The fixes offered for the n-th finding of a rule. */
export function offered(text: string, ruleId: string, q: FixQuery = {}): { finding: Finding; fixes: Fix[] } {
  const opts = lintOptions(q.level, q.version);
  const { parsed, findings: all } = lintText(text, opts);
  const ofRule = all.filter((f) => f.ruleId === ruleId);
  const finding = ofRule[q.index ?? 0];
  assert.ok(finding, `no finding #${q.index ?? 0} of ${ruleId}; found: ${all.map((f) => f.ruleId).join(', ')}`);
  return { finding, fixes: fixesFor(finding, parsed, { nonRootUserId: q.nonRootUserId }) };
}

/** Applies a rule fix and checks the quality bar on the result. */
export function applyFix(text: string, ruleId: string, q: FixQuery = {}): Applied {
  const { finding, fixes } = offered(text, ruleId, q);
  const fix = q.title ? fixes.find((f) => f.title.includes(q.title!)) : fixes[0];
  assert.ok(fix, `no fix${q.title ? ` titled "${q.title}"` : ''} for ${ruleId}; offered: ${fixes.map((f) => f.title).join(' | ')}`);
  const output = applyEdits(text, fix.edits);
  assertQuality(text, output, finding, q);
  return { fix, output };
}

/** Applies "Disable for this line/document" and checks the finding is suppressed. */
export function applyDisable(text: string, ruleId: string, scope: 'line' | 'document', q: FixQuery = {}): Applied {
  const opts = lintOptions(q.level, q.version);
  const { parsed, findings: all } = lintText(text, opts);
  const finding = all.filter((f) => f.ruleId === ruleId)[q.index ?? 0];
  assert.ok(finding, `no finding of ${ruleId}`);
  const fix = scope === 'line' ? disableLineFix(finding, parsed) : disableDocumentFix(finding, parsed);
  assert.ok(fix, `no disable-${scope} fix`);
  const output = applyEdits(text, fix.edits);
  assertQuality(text, output, finding, q);
  return { fix, output };
}

/** The result parses as well as the input did, the targeted finding is gone, and nothing new is reported. */
export function assertQuality(before: string, after: string, target: Finding, q: FixQuery = {}, beforeKeys?: Map<string, number>): void {
  const errorsBefore = parseManifest(before).documents.reduce((n, d) => n + d.errors.length, 0);
  const errorsAfter = parseManifest(after).documents.reduce((n, d) => n + d.errors.length, 0);
  assert.ok(errorsAfter <= errorsBefore, `the fixed text has syntax errors:\n${after}`);
  const was = beforeKeys ?? countKeys(findings(before, q.level, q.version));
  const now = countKeys(findings(after, q.level, q.version));
  const key = findingKey(target);
  assert.ok((now.get(key) ?? 0) < was.get(key)!, `the targeted finding is still there: ${key}\n${after}`);
  for (const [k, n] of now) assert.ok(n <= (was.get(k) ?? 0), `new finding after the fix: ${k}\n${after}`);
}

/** Fix-all at a level, checked: nothing with a preferred fix left, no new finding, idempotent, edits reproduce it. */
export function fixAllChecked(text: string, level: Level = 'restricted', version = 'latest'): FixAllResult {
  const opts = lintOptions(level, version);
  const result = fixAll(text, { lint: opts });
  assert.equal(applyEdits(text, result.edits), result.text, 'the line edits do not reproduce the fixed text');
  const after = lintText(result.text, opts);
  for (const f of after.findings) {
    assert.ok(!fixesFor(f, after.parsed).some((x) => x.isPreferred), `still has a preferred fix after fix-all: ${findingKey(f)}\n${result.text}`);
  }
  const was = countKeys(findings(text, level, version));
  for (const [k, n] of countKeys(after.findings)) assert.ok(n <= (was.get(k) ?? 0), `new finding after fix-all: ${k}\n${result.text}`);
  assert.equal(fixAll(result.text, { lint: opts }).text, result.text, 'fix-all is not idempotent');
  return result;
}

/** `a\nb` lines joined with CRLF. */
export const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

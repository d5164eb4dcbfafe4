/**
 * The fixes offered for one finding: the rule's own fixes (preferred first), each checked before it is offered:
 * its edits do not collide and the edited document still parses. Bad input never throws: a fix that cannot be
 * made safely is simply not offered.
 */
import { parseManifest, ParsedManifest } from '../parse/documents';
import type { Finding } from '../types';
import { applyEdits, isApplicable } from './apply';
import { locate } from './locate';
import { ruleFixer } from './rules';
import type { Fix, FixOptions } from './types';

export interface FixesForOptions extends FixOptions {
  /** Re-parse the result of each fix and drop it when it adds a syntax error (default true). */
  validate?: boolean;
}

export function fixesFor(finding: Finding, parsed: ParsedManifest, options: FixesForOptions = {}): Fix[] {
  const fixer = ruleFixer(finding.ruleId);
  if (!fixer) return [];
  let fixes: Fix[];
  try {
    const ctx = locate(finding, parsed, options);
    if (!ctx) return [];
    fixes = fixer.fixes(ctx);
  } catch {
    // CannotFix (an alias, an ambiguous place), or anything unexpected in odd input: offer nothing.
    return [];
  }
  fixes = fixes.filter((f) => f.edits.length && isApplicable(f.edits));
  if (options.validate !== false) fixes = fixes.filter((f) => keepsSyntax(parsed, f));
  return fixes.sort((a, b) => Number(b.isPreferred) - Number(a.isPreferred));
}

/** The preferred fix of a finding, if it has one. */
export function preferredFix(finding: Finding, parsed: ParsedManifest, options: FixesForOptions = {}): Fix | undefined {
  if (!mayHavePreferredFix(finding.ruleId)) return undefined;
  return fixesFor(finding, parsed, options).find((f) => f.isPreferred);
}

/** Whether a finding of the rule can have a preferred fix at all: tells without locating it in the syntax tree. */
export function mayHavePreferredFix(ruleId: string): boolean {
  const fixer = ruleFixer(ruleId);
  return !!fixer && fixer.preferred !== false;
}

/** Whether applying the fix leaves every document as free of syntax errors as it was. */
export function keepsSyntax(parsed: ParsedManifest, fix: Fix): boolean {
  return syntaxErrorCount(parseManifest(applyEdits(parsed.text, fix.edits))) <= syntaxErrorCount(parsed);
}

export function syntaxErrorCount(parsed: ParsedManifest): number {
  return parsed.documents.reduce((n, d) => n + d.errors.length, 0);
}

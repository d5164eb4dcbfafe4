/**
 * Fix-all: apply every preferred fix, re-parse, re-lint with the same options and repeat until no preferred fix
 * is left (or a few rounds have passed), then express the whole change as line edits against the original text.
 * Within a round, fixes whose edits collide are left for the next round (see apply.ts), so the text is always
 * built from non-overlapping edits of a freshly parsed document.
 */
import { lintParsed, LintOptions } from '../lint';
import { parseManifest, ParsedManifest } from '../parse/documents';
import { NamespaceIndex } from '../namespace-index';
import { PolicyResolver } from '../policy/resolver';
import type { Finding } from '../types';
import { applyEdits, combineEdits } from './apply';
import { keepsSyntax, preferredFix, syntaxErrorCount } from './fixes-for';
import { lineDiffEdits } from './line-diff';
import type { Fix, FixOptions, TextEdit } from './types';

export interface FixAllOptions extends FixOptions {
  /** The options the text is linted with (policy, config): the same as for the diagnostics shown. */
  lint: LintOptions;
  /** Which findings to fix (default: every finding that has a preferred fix). */
  select?: (finding: Finding) => boolean;
  maxRounds?: number;
}

export interface FixAllResult {
  /** The fixed text. */
  text: string;
  /** Line edits that turn the original text into `text`. */
  edits: TextEdit[];
  /** How many fixes were applied, over all rounds. */
  applied: number;
  rounds: number;
}

const DEFAULT_ROUNDS = 10;

export function fixAll(text: string, options: FixAllOptions): FixAllResult {
  let current = text;
  let applied = 0;
  let rounds = 0;
  const maxRounds = options.maxRounds ?? DEFAULT_ROUNDS;
  while (rounds < maxRounds) {
    const parsed = parseManifest(current);
    const fixes = roundFixes(parsed, options);
    if (!fixes.length) break;
    rounds++;
    const next = applyRound(parsed, fixes);
    if (!next || next.text === current) break;
    current = next.text;
    applied += next.count;
  }
  return { text: current, edits: current === text ? [] : lineDiffEdits(text, current), applied, rounds };
}

function roundFixes(parsed: ParsedManifest, options: FixAllOptions): Fix[] {
  const select = options.select ?? (() => true);
  const fixes: Fix[] = [];
  for (const finding of lintParsed(parsed, options.lint)) {
    if (!select(finding)) continue;
    const fix = preferredFix(finding, parsed, { ...options, validate: false });
    if (fix) fixes.push(fix);
  }
  return fixes;
}

/** Applies the round's fixes together; if that breaks the syntax, only those that are safe one by one. */
function applyRound(parsed: ParsedManifest, fixes: Fix[]): { text: string; count: number } | undefined {
  const combined = combineEdits(fixes.map((f) => f.edits));
  const text = applyEdits(parsed.text, combined.edits);
  if (syntaxErrorCount(parseManifest(text)) <= syntaxErrorCount(parsed)) return { text, count: combined.taken.length };
  const safe = fixes.filter((f) => keepsSyntax(parsed, f));
  if (safe.length === fixes.length) return undefined;
  const retry = combineEdits(safe.map((f) => f.edits));
  const retried = applyEdits(parsed.text, retry.edits);
  if (syntaxErrorCount(parseManifest(retried)) > syntaxErrorCount(parsed)) return undefined;
  return { text: retried, count: retry.taken.length };
}

/** The workload a "Make <kind>/<name> restricted-compliant" action is about. */
export interface WorkloadRef {
  documentIndex: number;
  kind: string;
  name?: string;
  namespace?: string;
}

/**
 * Fix-all limited to one workload and evaluated at restricted (at `version`, default latest), whatever its
 * namespace's labels say. Suppression comments and the config still apply.
 */
export function makeRestrictedCompliant(text: string, workload: WorkloadRef, options: Omit<FixAllOptions, 'select'> & { version?: string }): FixAllResult {
  const policy = new PolicyResolver({ level: 'restricted', version: options.version ?? 'latest' }, new NamespaceIndex());
  return fixAll(text, {
    ...options,
    lint: { ...options.lint, policy },
    select: (f) => f.category === 'pss' && sameWorkload(f, workload),
  });
}

export function sameWorkload(finding: Finding, workload: WorkloadRef): boolean {
  const o = finding.object;
  return finding.documentIndex === workload.documentIndex && o?.kind === workload.kind && o.name === workload.name && o.namespace === workload.namespace;
}

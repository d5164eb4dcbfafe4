/**
 * The full pipeline shared by the CLI and the language server: analyse (syntax + rules), then apply suppression
 * comments (reporting the ones that do nothing), then the configured rule and category severities.
 */
import { analyzeParsed } from './analyze';
import { applyRuleSettings } from './config/severities';
import type { PodsecConfig } from './config/types';
import type { EvaluateOptions } from './evaluate';
import { parseManifest, ParsedManifest } from './parse/documents';
import { parseDirectives } from './suppress';
import { applyDirectives } from './suppress-apply';
import type { Finding } from './types';

export interface LintOptions extends EvaluateOptions {
  config?: PodsecConfig;
}

export interface LintResult {
  parsed: ParsedManifest;
  findings: Finding[];
}

/** Findings as they should be shown: suppressed ones removed, unused directives added as hints, severities set. */
export function lintParsed(parsed: ParsedManifest, options: LintOptions): Finding[] {
  const analysed = analyzeParsed(parsed, options);
  const { kept, unused } = applyDirectives(analysed, parseDirectives(parsed.text));
  const findings = unused.length ? [...kept, ...unused].sort(byPlace) : kept;
  return options.config ? applyRuleSettings(findings, options.config) : findings;
}

export function lintText(text: string, options: LintOptions): LintResult {
  const parsed = parseManifest(text);
  return { parsed, findings: lintParsed(parsed, options) };
}

function byPlace(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId);
}

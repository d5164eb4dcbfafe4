/**
 * The full pipeline shared by the CLI and the language server: analyse (syntax + rules), then apply suppression
 * comments and configured rule severities. (Stub: suppression and severities are filled in by the config issue.)
 */
import { analyzeParsed } from './analyze';
import type { PodsecConfig } from './config/types';
import type { EvaluateOptions } from './evaluate';
import { parseManifest, ParsedManifest } from './parse/documents';
import type { Finding } from './types';

export interface LintOptions extends EvaluateOptions {
  config?: PodsecConfig;
}

export interface LintResult {
  parsed: ParsedManifest;
  findings: Finding[];
}

/** Findings as they should be shown: suppressed ones removed, unused directives added as hints. */
export function lintParsed(parsed: ParsedManifest, options: LintOptions): Finding[] {
  return analyzeParsed(parsed, options);
}

export function lintText(text: string, options: LintOptions): LintResult {
  const parsed = parseManifest(text);
  return { parsed, findings: lintParsed(parsed, options) };
}

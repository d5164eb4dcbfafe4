/**
 * The full pipeline shared by the CLI and the language server: analyse (syntax + Pod Security checks), run the
 * hardening, network and RBAC rules (unless `hardening: false`; rules turned off are not run), then apply
 * suppression comments (reporting the ones that do nothing; a directive naming a rule that is off or not run is not
 * reported), then the configured rule and category severities.
 */
import { analyzeParsed } from './analyze';
import { ruleCategory } from './config/rule-catalog';
import { applyRuleSettings, settingFor } from './config/severities';
import type { PodsecConfig } from './config/types';
import type { EvaluateOptions } from './evaluate';
import { hardeningFindings, hardeningRulesNotRun, INTERNAL_ERROR } from './lint-hardening';
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
  const pss = analyzeParsed(parsed, options);
  const hardening = withoutRepeatedFailures(hardeningFindings(parsed, options), pss);
  const analysed = hardening.length ? [...pss, ...hardening].sort(byPlace) : pss;
  const notRun = hardeningRulesNotRun(options);
  const config = options.config;
  const isOff = (ruleId: string) => notRun.has(ruleId) || (!!config && settingFor(ruleId, ruleCategory(ruleId) ?? 'syntax', config) === 'off');
  const { kept, unused } = applyDirectives(analysed, parseDirectives(parsed.text), { isOff });
  const findings = unused.length ? [...kept, ...unused].sort(byPlace) : kept;
  return options.config ? applyRuleSettings(findings, options.config) : findings;
}

export function lintText(text: string, options: LintOptions): LintResult {
  const parsed = parseManifest(text);
  return { parsed, findings: lintParsed(parsed, options) };
}

/** A document the Pod Security checks already reported as failed gets no second internalError from hardening. */
function withoutRepeatedFailures(hardening: Finding[], pss: Finding[]): Finding[] {
  const failed = new Set(pss.filter((f) => f.ruleId === INTERNAL_ERROR).map((f) => f.documentIndex));
  return failed.size ? hardening.filter((f) => f.ruleId !== INTERNAL_ERROR || !failed.has(f.documentIndex)) : hardening;
}

function byPlace(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId);
}

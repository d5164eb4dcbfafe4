/** Applies the config's `rules:` and `categories:` settings to findings. */
import type { Finding, RuleCategory } from '../types';
import { isConfigurableCategory, YAML_SYNTAX_RULE } from './rule-catalog';
import type { PodsecConfig, RuleSetting } from './types';

/**
 * `off` removes a finding; a severity replaces its own. A rule's setting wins over its category's. PSS findings
 * keep the severity their namespace's mode gives them (enforce error, warn warning, audit info) unless a `rules:`
 * entry names them: for the `pss` category only `off` has an effect. Syntax errors are never changed.
 */
export function applyRuleSettings(findings: readonly Finding[], config: PodsecConfig): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = settingFor(f.ruleId, f.category, config);
    if (setting === 'off') continue;
    out.push(setting && setting !== f.severity ? { ...f, severity: setting } : f);
  }
  return out;
}

/** The setting that applies to a rule: its own, else its category's (for `pss`, only `off`). */
export function settingFor(ruleId: string, category: RuleCategory, config: PodsecConfig): RuleSetting | undefined {
  if (ruleId === YAML_SYNTAX_RULE) return undefined;
  const rule = config.rules?.[ruleId];
  if (rule) return rule;
  if (!isConfigurableCategory(category)) return undefined;
  const forCategory = config.categories?.[category];
  if (category === 'pss' && forCategory !== 'off') return undefined;
  return forCategory;
}

/** The `.podsec.yaml` layer: parse and validate, turn into policy options, apply severities, match ignore globs. */
export { parseConfig, TOP_LEVEL_KEYS, POLICY_KEYS, HARDENING_KEYS } from './parse-config';
export { configPolicyOptions } from './policy-options';
export { applyRuleSettings } from './severities';
export { configHardeningOptions, disabledHardeningRules } from './hardening-options';
export type { ConfigHardeningOptions } from './hardening-options';
export { isIgnored } from './ignore';
export { findConfigFile, CONFIG_FILE_NAME } from './find-config';
export {
  ruleCategory, suppressibleRuleIds, configurableRuleIds, CONFIGURABLE_CATEGORIES, YAML_SYNTAX_RULE, UNUSED_DIRECTIVE_RULE,
} from './rule-catalog';
export type { ConfigurableCategory } from './rule-catalog';
export { RULE_SETTINGS } from './types';
export type { PodsecConfig, RuleSetting, PolicyDefaults, ConfigProblem, ParsedConfig } from './types';

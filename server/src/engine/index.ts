/** Public surface of the engine (pure: imports no editor or LSP module and does no I/O). */
export * from './types';
export { analyzeText, analyzeParsed, syntaxFindings } from './analyze';
export { parseManifest } from './parse/documents';
export type { ParsedManifest, ManifestDocument } from './parse/documents';
export type { K8sObject } from './parse/objects';
export { podTarget } from './parse/pod-specs';
export type { PodTarget, ContainerRef } from './parse/pod-specs';
export { evaluateManifest, evaluateDocument, evaluatePod, checkPod, summarize, podTargets } from './evaluate';
export type { CheckResult, EvaluateOptions } from './evaluate';
export { PolicyResolver } from './policy/resolver';
export type { PolicyOptions, PolicyDecision } from './policy/resolver';
export { DEFAULT_POLICY, resolveNamespacePolicy, LABEL_PREFIX, MODES } from './policy/namespace-policy';
export type { NamespacePolicy, ModePolicy, Labels } from './policy/namespace-policy';
export { NamespaceIndex } from './namespace-index';
export { isValidVersion, effectiveMinor, NEWEST_RELEASED_MINOR, NEWEST_KNOWN_MINOR } from './policy/version';
export { isLevel } from './policy/levels';
export { PSS_RULES } from './rules/pss';
export { pssRule, activeChecks } from './rules/registry';
export { LineIndex } from './line-index';
export { lintParsed, lintText } from './lint';
export type { LintOptions, LintResult } from './lint';
export type { PodsecConfig, RuleSetting } from './config/types';
export { parseDirectives, DIRECTIVE_KEYWORDS } from './suppress';
export type { Directive, DirectiveKind, DirectiveRule, DirectiveSet, InvalidDirective } from './suppress';
export { applyDirectives } from './suppress-apply';
export type { SuppressionResult, SuppressionOptions } from './suppress-apply';
export {
  parseConfig, configPolicyOptions, applyRuleSettings, isIgnored, findConfigFile, CONFIG_FILE_NAME, ruleCategory,
  suppressibleRuleIds, configurableRuleIds, CONFIGURABLE_CATEGORIES, RULE_SETTINGS, YAML_SYNTAX_RULE, UNUSED_DIRECTIVE_RULE,
} from './config';
export type { PolicyDefaults, ConfigProblem, ParsedConfig, ConfigurableCategory } from './config';
export * from './fixes';

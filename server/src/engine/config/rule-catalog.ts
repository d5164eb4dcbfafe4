/**
 * Every rule id a user may name in `.podsec.yaml` or in a suppression comment, with its category: the PSS checks
 * and the hardening, network and RBAC rules, from their own lists (one source of truth).
 */
import { HARDENING_RULES } from '../rules/hardening';
import { NAMESPACE_LABELS_RULE } from '../rules/namespace-labels';
import { PSS_RULES } from '../rules/pss';
import type { RuleCategory } from '../types';

/** Findings that are not policy checks: syntax errors and problems with suppression comments. */
export const YAML_SYNTAX_RULE = 'yamlSyntax';
export const UNUSED_DIRECTIVE_RULE = 'unusedDirective';

/** Categories a user can switch as a whole (`categories:` in the config file). */
export const CONFIGURABLE_CATEGORIES = ['pss', 'hardening', 'network', 'rbac'] as const;
export type ConfigurableCategory = (typeof CONFIGURABLE_CATEGORIES)[number];

const CATALOG: ReadonlyMap<string, RuleCategory> = new Map<string, RuleCategory>([
  ...PSS_RULES.map((r): [string, RuleCategory] => [r.id, 'pss']),
  ...HARDENING_RULES.map((r): [string, RuleCategory] => [r.id, r.category]),
  [NAMESPACE_LABELS_RULE, 'pss'],
]);

/** The category of a rule that checks manifests, or undefined for unknown ids (and for yamlSyntax/unusedDirective). */
export function ruleCategory(ruleId: string): RuleCategory | undefined {
  return CATALOG.get(ruleId);
}

/** Ids of the rules that check manifests: what a suppression comment can name. */
export function suppressibleRuleIds(): string[] {
  return [...CATALOG.keys()];
}

/** Ids a `rules:` entry of the config file can name: the checks plus `unusedDirective` (to hide those hints). */
export function configurableRuleIds(): string[] {
  return [...CATALOG.keys(), UNUSED_DIRECTIVE_RULE];
}

export function isConfigurableCategory(value: string): value is ConfigurableCategory {
  return (CONFIGURABLE_CATEGORIES as readonly string[]).includes(value);
}

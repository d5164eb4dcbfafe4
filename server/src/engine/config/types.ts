/** The `.podsec.yaml` configuration, after validation: only valid entries are kept; problems are reported apart. */
import type { Labels, ModePolicy } from '../policy/namespace-policy';
import type { HardeningSettings } from '../rules/hardening/rule';
import type { Mode, RuleCategory, Span } from '../types';

export type RuleSetting = 'off' | 'info' | 'warning' | 'error';

export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

/** Per mode, what the file sets (a level, a version, or both); anything left out comes from the caller's defaults. */
export type PolicyDefaults = Partial<Record<Mode, Partial<ModePolicy>>>;

export interface PodsecConfig {
  /** Fallback policy for namespaces with no labels (`policy:` or its alias `defaults:` in the file). */
  defaults?: PolicyDefaults;
  /** Namespace of objects without metadata.namespace. */
  defaultNamespace?: string;
  /** Labels of namespaces that live outside the repository, as full `pod-security.kubernetes.io/*` keys. */
  namespaces?: Record<string, Labels>;
  /** Per-rule severity override. */
  rules?: Record<string, RuleSetting>;
  /** Per-category switch (`off` turns every rule of the category off). */
  categories?: Partial<Record<RuleCategory, RuleSetting>>;
  /** Options of the hardening rules (`hardening:` in the file); what is left out keeps its default. */
  hardening?: Partial<HardeningSettings>;
  /** Globs (relative to the config file's folder) of files not to check. */
  ignore?: string[];
}

/** A mistake in the config file, at the exact place it was written. */
export interface ConfigProblem {
  message: string;
  span: Span;
}

export interface ParsedConfig {
  config: PodsecConfig;
  problems: ConfigProblem[];
}

/** The `.podsec.yaml` configuration, after validation. (Stub shape; the config issue fills in loading.) */
import type { Labels, NamespacePolicy } from '../policy/namespace-policy';
import type { RuleCategory } from '../types';

export type RuleSetting = 'off' | 'info' | 'warning' | 'error';

export interface PodsecConfig {
  /** Fallback policy for namespaces with no labels. */
  defaults?: Partial<NamespacePolicy>;
  /** Namespace of objects without metadata.namespace. */
  defaultNamespace?: string;
  /** Labels of namespaces that live outside the repository. */
  namespaces?: Record<string, Labels>;
  /** Per-rule severity override. */
  rules?: Record<string, RuleSetting>;
  /** Per-category switch (`off` turns every rule of the category off). */
  categories?: Partial<Record<RuleCategory, RuleSetting>>;
  /** Globs (relative to the config file's folder) of files not to check. */
  ignore?: string[];
}

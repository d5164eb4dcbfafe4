/**
 * One lookup for every rule's documentation, PSS or not, for hover, diagnostics links and SARIF. PSS rules carry
 * their level and first policy version; hardening rules their category and default severity.
 */
import type { RuleCategory, Severity } from '../types';
import { HARDENING_RULES } from './hardening';
import { NAMESPACE_LABELS_INFO } from './namespace-labels';
import { PSS_RULES } from './pss';

export interface RuleInfo {
  id: string;
  category: RuleCategory;
  title: string;
  summary: string;
  why: string;
  fix: string;
  url: string;
  fields: string[];
  /** PSS checks only (not namespaceLabels, which checks Namespaces whatever the level). */
  level?: 'baseline' | 'restricted';
  /** PSS only: the first policy version (`v1.N`) at which the check exists. */
  since?: string;
  /** PSS only: allowed values. */
  allowed?: string;
  /** Hardening rules: severity unless configured otherwise (PSS severity comes from the namespace's mode). */
  defaultSeverity?: Severity;
}

const INFOS: ReadonlyMap<string, RuleInfo> = new Map<string, RuleInfo>([
  ...PSS_RULES.map((r): [string, RuleInfo] => [r.id, {
    id: r.id,
    category: 'pss',
    title: r.docs.title,
    summary: r.docs.summary,
    why: r.docs.why,
    fix: r.docs.fix,
    url: r.docs.url,
    fields: r.docs.fields,
    level: r.level,
    since: `v1.${r.versions[0].minimumVersion}`,
    allowed: r.docs.allowed,
  }]),
  ...HARDENING_RULES.map((r): [string, RuleInfo] => [r.id, {
    id: r.id,
    category: r.category,
    title: r.docs.title,
    summary: r.docs.summary,
    why: r.docs.why,
    fix: r.docs.fix,
    url: r.docs.url,
    fields: r.docs.fields,
    defaultSeverity: r.defaultSeverity,
  }]),
  [NAMESPACE_LABELS_INFO.id, NAMESPACE_LABELS_INFO],
]);

export function ruleInfo(id: string): RuleInfo | undefined {
  return INFOS.get(id);
}

export function allRuleInfos(): RuleInfo[] {
  return [...INFOS.values()];
}

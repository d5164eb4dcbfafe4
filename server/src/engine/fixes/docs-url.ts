/** Where a rule is documented, for "Show documentation for <rule>". */
import { hardeningRule } from '../rules/hardening';
import { NAMESPACE_LABELS_INFO } from '../rules/namespace-labels';
import { pssRule } from '../rules/registry';

export function ruleDocsUrl(ruleId: string): string | undefined {
  if (ruleId === NAMESPACE_LABELS_INFO.id) return NAMESPACE_LABELS_INFO.url;
  return pssRule(ruleId)?.docs.url ?? hardeningRule(ruleId)?.docs.url;
}

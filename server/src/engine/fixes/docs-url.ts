/** Where a rule is documented, for "Show documentation for <rule>". */
import { hardeningRule } from '../rules/hardening';
import { pssRule } from '../rules/registry';

export function ruleDocsUrl(ruleId: string): string | undefined {
  return pssRule(ruleId)?.docs.url ?? hardeningRule(ruleId)?.docs.url;
}

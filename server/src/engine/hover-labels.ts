/** Hover Markdown for the `pod-security.kubernetes.io/*` labels of a Namespace. */
import { codeSpan } from './hover-markdown';
import { isLevel } from './policy/levels';
import { LABEL_PREFIX } from './policy/namespace-policy';
import type { PolicyDecision } from './policy/resolver';
import { isValidVersion, NEWEST_RELEASED_MINOR } from './policy/version';
import type { Mode } from './types';
import { policyLine } from './hover-standing';

const MODE_TEXT: Record<Mode, string> = {
  enforce: 'Pods that violate the policy are **rejected** by the API server. Workload objects (Deployments, Jobs, …) are still admitted; the Pods their controllers create are rejected.',
  warn: 'Violations are returned to the client as **warnings** (kubectl prints them); the request is allowed. Applies to Pods and to workload objects. When `warn` is unset and `enforce` is stricter, warn follows enforce.',
  audit: 'Violations are recorded in the **audit log** (annotation `pod-security.kubernetes.io/audit-violations`); the request is allowed.',
};

const LEVELS_TEXT = '`privileged` (no restrictions), `baseline` (blocks known privilege escalations), `restricted` (current hardening best practice). Case-sensitive.';

export function isPodSecurityLabel(key: string): boolean {
  return key.startsWith(LABEL_PREFIX);
}

export function labelHover(key: string, value: string | undefined, decision: PolicyDecision): string {
  const suffix = key.slice(LABEL_PREFIX.length);
  const m = /^(enforce|warn|audit)(-version)?$/.exec(suffix);
  if (!m) {
    return `**${codeSpan(key)}** is not a Pod Security label; the admission controller ignores it. The labels are \`enforce\`, \`warn\`, \`audit\` and their \`-version\` forms.`;
  }
  const mode = m[1] as Mode;
  const isVersion = !!m[2];
  const parts = [`**${codeSpan(key)}** · Pod Security admission mode *${mode}*${isVersion ? ', policy version' : ', level'}`, MODE_TEXT[mode]];
  if (isVersion) {
    parts.push(`**Valid values:** \`latest\` or \`v1.<minor>\` such as \`v1.30\` (no patch number, no leading zeros). Pins the checks to that Kubernetes minor; unset or invalid means \`latest\` (here: the v1.${NEWEST_RELEASED_MINOR} rules).`);
    if (value !== undefined) parts.push(isValidVersion(value) ? `✓ ${codeSpan(value)} is valid` : `✗ ${codeSpan(value)} is invalid: must be "latest" or "v1.x"; the controller uses \`latest\``);
  } else {
    parts.push(`**Valid values:** ${LEVELS_TEXT}`);
    const fallback = mode === 'enforce' ? '`restricted` (fails closed)' : '`privileged` (fails open)';
    if (value !== undefined) parts.push(isLevel(value) ? `✓ ${codeSpan(value)} is valid` : `✗ ${codeSpan(value)} is invalid: must be one of privileged, baseline, restricted; the controller uses ${fallback}`);
  }
  parts.push(`**Effective policy of namespace ${codeSpan(decision.namespace)}:** ${policyLine(decision)}`);
  return parts.join('\n\n');
}

/**
 * Hover Markdown for a workload's `kind:` (its standing under every policy that applies, in the controller's words)
 * and for a Namespace's `kind:` (the policy its labels give).
 */
import { codeSpan, fencedText, plainText } from './hover-markdown';
import { summarize } from './evaluate';
import type { PodTarget } from './parse/pod-specs';
import { levelRank } from './policy/levels';
import { MODES } from './policy/namespace-policy';
import type { PolicyDecision } from './policy/resolver';
import { checkedPolicies, PolicyRuns, policyText, violationCount } from './hover-verdicts';
import { objectLabel } from './hover-rule';

/** `restricted:latest ✗ 3 violations · baseline:latest ✓`, strictest policy first. */
export function standingLine(decision: PolicyDecision, runs: PolicyRuns): string {
  const policies = checkedPolicies(decision).sort((a, b) => levelRank(b.policy.level) - levelRank(a.policy.level));
  if (!policies.length) return 'privileged: nothing is checked';
  return policies.map(({ policy }) => {
    const n = violationCount(runs.results(policy));
    return n ? `${policyText(policy)} ✗ ${n} ${n === 1 ? 'violation' : 'violations'}` : `${policyText(policy)} ✓`;
  }).join(' · ');
}

export function workloadHover(pod: PodTarget, decision: PolicyDecision, runs: PolicyRuns): string {
  const parts = [objectLabel(pod, decision), standingLine(decision, runs)];
  for (const { policy, modes } of checkedPolicies(decision)) {
    const results = runs.results(policy);
    if (!results.length) continue;
    // Only a Pod itself is denied; for workloads the controller answers with warnings (and rejects their Pods later).
    const verb = modes.includes('enforce') && pod.isPod ? 'violates' : 'would violate';
    const what = modes.includes('enforce') ? (pod.isPod ? 'rejected' : 'its Pods would be rejected') : modes.includes('warn') ? 'warning' : 'audit log';
    parts.push(`**${modes.join(' + ')}** (${what}):\n\n${fencedText(`${verb} PodSecurity "${policyText(policy)}": ${summarize(results)}`)}`);
  }
  return parts.join('\n\n');
}

/** One line: `enforce \`restricted:v1.30\` · warn \`restricted:v1.30\` · audit \`privileged:latest\``. */
export function policyLine(decision: PolicyDecision): string {
  return MODES.map((m) => `${m} \`${policyText(decision[m])}\``).join(' · ');
}

export function namespaceKindHover(name: string, decision: PolicyDecision): string {
  const errors = decision.labelErrors.map((e) => `- ✗ ${plainText(e)}`).join('\n');
  return `**Namespace ${codeSpan(name)}** · Pod Security policy of its Pods:\n\n${policyLine(decision)}${errors ? `\n\n${errors}` : ''}`;
}

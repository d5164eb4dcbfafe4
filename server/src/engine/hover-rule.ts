/** Hover Markdown for a field that a Pod Security check inspects: what the rule forbids, why, and this object's verdict. */
import { plainText } from './hover-markdown';
import type { PodTarget } from './parse/pod-specs';
import type { PolicyDecision } from './policy/resolver';
import type { PssRule } from './rules/rule';
import type { Mode } from './types';
import { checkedPolicies, PolicyRuns, policyText, RuleStanding, ruleStanding } from './hover-verdicts';

export function ruleHover(rules: readonly PssRule[], pod: PodTarget, decision: PolicyDecision, runs: PolicyRuns): string {
  return rules.map((rule) => ruleSection(rule, pod, decision, runs)).join('\n\n---\n\n');
}

function ruleSection(rule: PssRule, pod: PodTarget, decision: PolicyDecision, runs: PolicyRuns): string {
  const d = rule.docs;
  return [
    `**${d.title}** · Pod Security *${rule.level}* check \`${rule.id}\` · ${versionsText(rule)}`,
    d.summary,
    `**Why it matters:** ${d.why}`,
    `**Allowed values:** ${d.allowed}`,
    `${objectLabel(pod, decision)}:\n${verdictLines(rule, pod, decision, runs)}`,
    `**How to fix:** ${d.fix}`,
    `[Pod Security Standards: ${rule.level}](${d.url})`,
  ].join('\n\n');
}

function versionsText(rule: PssRule): string {
  const [first, ...later] = rule.versions.map((v) => `v1.${v.minimumVersion}`);
  return later.length ? `since ${first}, changed in ${later.join(', ')}` : `since ${first}`;
}

/** `**This Deployment** \`web\` in namespace \`prod\` (labels of its Namespace manifest)` */
export function objectLabel(pod: PodTarget, decision: PolicyDecision): string {
  const o = pod.object;
  const name = o.name ? ` \`${o.name}\`` : '';
  return `**This ${o.kind}**${name} in namespace \`${decision.namespace}\` (${sourceText(decision)})`;
}

export function sourceText(decision: PolicyDecision): string {
  switch (decision.source) {
    case 'namespace': return 'labels of its Namespace manifest';
    case 'config': return 'configured namespace labels';
    case 'level': return 'one level for every object';
    default: return 'no labels known, default policy';
  }
}

function verdictLines(rule: PssRule, pod: PodTarget, decision: PolicyDecision, runs: PolicyRuns): string {
  const policies = checkedPolicies(decision);
  if (!policies.length) return '- every mode is `privileged`: nothing is checked';
  return policies.map(({ policy, modes }) => {
    const head = `${modes.join(' + ')} \`${policyText(policy)}\``;
    return `- ${standingLine(head, ruleStanding(rule.id, policy, runs), modes[0], pod, rule.level !== 'restricted' || policy.level === 'restricted')}`;
  }).join('\n');
}

/** `levelCovers`: the policy's level includes the rule's level (restricted includes baseline). */
function standingLine(head: string, standing: RuleStanding, mode: Mode, pod: PodTarget, levelCovers: boolean): string {
  switch (standing.state) {
    case 'fails': return `✗ ${head}: ${consequence(mode, pod)} — ${plainText(standing.message)}`;
    case 'passes': return `✓ ${head}: passes`;
    default:
      if (standing.replacedBy) return `– ${head}: checked by \`${standing.replacedBy}\` instead`;
      return levelCovers ? `– ${head}: not part of this policy version` : `– ${head}: not a baseline check`;
  }
}

/** What the controller does about a violation in this mode (enforce only rejects Pods themselves). */
function consequence(mode: Mode, pod: PodTarget): string {
  if (mode === 'enforce') return pod.isPod ? 'the API server rejects this Pod' : 'the Pods it creates are rejected';
  if (mode === 'warn') return 'the API server returns a warning';
  return 'recorded in the audit log';
}

/**
 * Hover that also explains the findings under the cursor. The field hover (hover.ts) covers the fields a Pod
 * Security check inspects; a finding can also sit where no such field is (a missing field is reported on the
 * container's `name` value or on its nearest existing key), and the hardening, network and RBAC rules have fields
 * and findings of their own. Each rule gets one section: a Pod Security rule the same section as on its fields
 * (with this object's verdict), any other rule its documentation and what it found here.
 */
import { plainText } from './hover-markdown';
import type { EvaluateOptions } from './evaluate';
import { hoverAt, HoverResult } from './hover';
import { ruleHover } from './hover-rule';
import { PolicyRuns } from './hover-verdicts';
import { pathAt } from './node-path';
import type { ParsedManifest } from './parse/documents';
import type { K8sObject } from './parse/objects';
import { podTarget } from './parse/pod-specs';
import type { PolicyDecision } from './policy/resolver';
import { ruleInfo, RuleInfo } from './rules/catalog';
import { HARDENING_RULES } from './rules/hardening';
import { pssRule } from './rules/registry';
import type { Finding, RuleCategory, Span } from './types';

export interface FindingsHoverInput {
  parsed: ParsedManifest;
  offset: number;
  policyFor(namespace: string | undefined): PolicyDecision;
  /** The findings as published (suppressed ones left out, severities as configured), same offsets as `parsed`. */
  findings: readonly Finding[];
  onRuleError?: EvaluateOptions['onRuleError'];
}

const SEPARATOR = '\n\n---\n\n';
/** Objects the rules of a category look at: RBAC rules at roles and bindings, network rules at NetworkPolicies. */
const KINDS_OF: Partial<Record<RuleCategory, readonly string[]>> = {
  rbac: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'],
  network: ['NetworkPolicy'],
};

export function hoverWithFindings(input: FindingsHoverInput): HoverResult | undefined {
  const base = hoverAt(input);
  const here = input.findings.filter((f) => f.span.start <= input.offset && input.offset <= f.span.end);
  const described = new Set(base ? rulesIn(base.markdown) : []);
  const sections: string[] = [];
  const seen = new Set<string>();
  for (const f of here) {
    if (seen.has(f.ruleId) || described.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const section = findingSection(f, here.filter((x) => x.ruleId === f.ruleId), input);
    if (section) sections.push(section);
  }
  if (!base) {
    for (const section of fieldSections(input, seen)) sections.push(section.markdown);
  }
  if (!sections.length) return base;
  const span = base?.span ?? smallest(here)?.span ?? fieldSections(input, new Set())[0]?.span;
  if (!span) return base;
  return { markdown: [...(base ? [base.markdown] : []), ...sections].join(SEPARATOR), span };
}

/** Rule ids a field hover already explains (its sections name them as `check \`id\``). */
function rulesIn(markdown: string): string[] {
  return [...markdown.matchAll(/check `([^`]+)`/g)].map((m) => m[1]);
}

function smallest(findings: readonly Finding[]): Finding | undefined {
  return [...findings].sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
}

function findingSection(finding: Finding, all: readonly Finding[], input: FindingsHoverInput): string | undefined {
  const pss = pssRule(finding.ruleId);
  if (pss) {
    const object = objectOf(input.parsed, finding.documentIndex, finding.span);
    const pod = object && podTarget(input.parsed.documents[object.documentIndex].reader, object);
    if (pod) return ruleHover([pss], pod, input.policyFor(object.namespace), new PolicyRuns(pod, input.onRuleError));
  }
  const info = ruleInfo(finding.ruleId);
  return info && infoSection(info, all.map((f) => `✗ ${plainText(f.message)}`));
}

/** A hardening, network or RBAC rule whose fields the cursor is on, in an object the rule looks at. */
function fieldSections(input: FindingsHoverInput, skip: ReadonlySet<string>): { markdown: string; span: Span }[] {
  const object = objectOf(input.parsed, undefined, { start: input.offset, end: input.offset });
  if (!object) return [];
  const path = pathAt(object.ref.node, input.offset);
  const key = path && [...path.keys].reverse().find((k): k is string => typeof k === 'string');
  if (!path || !key) return [];
  const pod = podTarget(input.parsed.documents[object.documentIndex].reader, object);
  const out: { markdown: string; span: Span }[] = [];
  for (const rule of HARDENING_RULES) {
    if (skip.has(rule.id) || !rule.docs.fields.includes(key)) continue;
    const kinds = KINDS_OF[rule.category];
    if (kinds ? !kinds.includes(object.kind) : !pod || !underPodSpec(path.keys, pod.templatePath)) continue;
    const info = ruleInfo(rule.id);
    if (!info) continue;
    const found = input.findings.filter((f) => f.ruleId === rule.id && f.documentIndex === object.documentIndex && within(f.span, object.ref.span));
    const lines = found.length ? found.map((f) => `✗ ${plainText(f.message)}`) : [`✓ no \`${rule.id}\` problem in this ${object.kind}`];
    out.push({ markdown: infoSection(info, lines), span: path.span });
  }
  return out;
}

function infoSection(info: RuleInfo, here: string[]): string {
  const category = info.category === 'pss' ? 'Pod Security' : info.category === 'rbac' ? 'RBAC' : info.category;
  const standard = info.category !== 'pss' ? `${category} rule` : info.level ? `*${info.level}* check` : 'Pod Security Admission check';
  const severity = info.defaultSeverity ? ` · default severity *${info.defaultSeverity}*` : '';
  return [
    `**${info.title}** · ${standard} \`${info.id}\`${severity}`,
    info.summary,
    `**Why it matters:** ${info.why}`,
    `**Here:**\n${here.map((l) => `- ${l}`).join('\n')}`,
    `**How to fix:** ${info.fix}`,
    `[Documentation](${info.url})`,
  ].join('\n\n');
}

/** The innermost object containing a span (in one document when given), not reached through an alias. */
function objectOf(parsed: ParsedManifest, documentIndex: number | undefined, span: Span): K8sObject | undefined {
  let best: K8sObject | undefined;
  for (const d of parsed.documents) {
    if (documentIndex !== undefined && d.index !== documentIndex) continue;
    for (const o of d.objects) {
      const s = o.ref.span;
      if (o.ref.aliased || !within(span, s)) continue;
      if (!best || s.end - s.start < best.ref.span.end - best.ref.span.start) best = o;
    }
  }
  return best;
}

function within(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The keys lead into the pod spec (or the pod template's metadata). */
function underPodSpec(keys: readonly (string | number)[], templatePath: readonly string[]): boolean {
  const spec = templatePath;
  const metadata = [...templatePath.slice(0, -1), 'metadata'];
  const startsWith = (prefix: readonly string[]) => keys.length > prefix.length && prefix.every((k, i) => keys[i] === k);
  return startsWith(spec) || startsWith(metadata);
}

/**
 * Hover for a manifest: on a field that a Pod Security check inspects, the rule and this object's verdict; on a
 * `pod-security.kubernetes.io/*` label of a Namespace, what the mode does and its valid values; on a workload's
 * (or Namespace's) `kind:`, its standing under its effective policy. Pure: parsed text and a policy lookup in,
 * Markdown and the hovered span out.
 */
import type { EvaluateOptions } from './evaluate';
import { PolicyRuns } from './hover-verdicts';
import { ruleHover } from './hover-rule';
import { isPodSecurityLabel, labelHover } from './hover-labels';
import { namespaceKindHover, workloadHover } from './hover-standing';
import { isPair } from 'yaml';
import type { Node } from 'yaml';
import { pathAt } from './node-path';
import type { NodeReader } from './parse/nodes';
import type { ParsedManifest } from './parse/documents';
import type { K8sObject } from './parse/objects';
import { podTarget, PodTarget } from './parse/pod-specs';
import type { PolicyDecision } from './policy/resolver';
import { PSS_RULES } from './rules/pss';
import type { PssRule } from './rules/rule';
import type { Span } from './types';

export interface HoverInput {
  parsed: ParsedManifest;
  offset: number;
  /** The effective policy of a namespace (`undefined`: the namespace of objects that name none). */
  policyFor(namespace: string | undefined): PolicyDecision;
  onRuleError?: EvaluateOptions['onRuleError'];
}

export interface HoverResult {
  markdown: string;
  /** The hovered key or value. */
  span: Span;
}

export function hoverAt(input: HoverInput): HoverResult | undefined {
  const { parsed, offset } = input;
  const object = objectAt(parsed, offset);
  if (!object) return undefined;
  const path = pathAt(object.ref.node, offset);
  if (!path) return undefined;
  const keys = path.keys;
  const reader = parsed.documents[object.documentIndex].reader;
  const pod = podTarget(reader, object);
  const at = (markdown: string | undefined) => (markdown ? { markdown, span: path.span } : undefined);

  if (keys.length === 1 && keys[0] === 'kind') {
    if (pod) return at(workloadHover(pod, input.policyFor(object.namespace), new PolicyRuns(pod, input.onRuleError)));
    if (object.kind === 'Namespace' && object.name) return at(namespaceKindHover(object.name, input.policyFor(object.name)));
    return undefined;
  }
  if (object.kind === 'Namespace' && object.name && keys.length === 3 && keys[0] === 'metadata' && keys[1] === 'labels') {
    const key = String(keys[2]);
    if (isPodSecurityLabel(key)) return at(labelHover(key, hoveredLabelValue(reader, object, offset) ?? object.labels.get(key), input.policyFor(object.name)));
    return undefined;
  }
  if (!pod) return undefined;
  const rules = rulesForPath(podRelativeKeys(pod, keys));
  if (!rules.length) return undefined;
  return at(ruleHover(rules, pod, input.policyFor(object.namespace), new PolicyRuns(pod, input.onRuleError)));
}

/**
 * The value of the label entry under the cursor, as the labels map reads values (`''` when empty). With a label
 * written twice, the last one wins, but the first is what is hovered.
 */
function hoveredLabelValue(reader: NodeReader, object: K8sObject, offset: number): string | undefined {
  const labels = reader.map(reader.path(object.ref, 'metadata', 'labels'));
  const inside = (n: unknown) => {
    const r = (n as Node | null)?.range;
    return !!r && offset >= r[0] && offset <= r[1];
  };
  const pair = labels?.items.find((p) => isPair(p) && (inside(p.key) || inside(p.value)));
  if (!pair) return undefined;
  const value = pair.value as Node | null;
  return value === null ? '' : reader.text({ node: value, span: { start: 0, end: 0 }, aliased: false });
}

/** The innermost object (List items are nested in their List) whose node contains the offset. */
function objectAt(parsed: ParsedManifest, offset: number): K8sObject | undefined {
  let best: K8sObject | undefined;
  for (const d of parsed.documents) {
    if (offset < d.span.start || offset > d.span.end) continue;
    for (const o of d.objects) {
      const s = o.ref.span;
      if (o.ref.aliased || offset < s.start || offset > s.end) continue;
      if (!best || s.end - s.start < best.ref.span.end - best.ref.span.start) best = o;
    }
  }
  return best;
}

/** Keys below the pod spec, or below the pod template's metadata (annotation-based checks); else none. */
function podRelativeKeys(pod: PodTarget, keys: (string | number)[]): string[] {
  const startsWith = (prefix: string[]) => prefix.every((k, i) => keys[i] === k);
  const metadataPath = [...pod.templatePath.slice(0, -1), 'metadata'];
  let rest: (string | number)[] = [];
  if (startsWith(pod.templatePath)) rest = keys.slice(pod.templatePath.length);
  else if (startsWith(metadataPath)) rest = keys.slice(metadataPath.length);
  return rest.filter((k): k is string => typeof k === 'string');
}

function fieldMatches(rule: PssRule, key: string): boolean {
  return rule.docs.fields.some((f) => (f.endsWith('*') ? key.startsWith(f.slice(0, -1)) : f === key));
}

/**
 * Keys a checked field can sit under (pod spec and metadata relative, list indexes left out). A key the rules name
 * under anything else is the user's own data: a label `hostPID`, `nodeSelector: {hostNetwork: ...}`,
 * `resources.limits.hostPort`.
 */
const ON_THE_WAY = new Set([
  'securityContext', 'containers', 'initContainers', 'ephemeralContainers', 'ports', 'volumes', 'windowsOptions', 'capabilities',
  'annotations', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'postStart', 'preStop', 'httpGet', 'tcpSocket',
]);

/**
 * The rules behind a field path. The first key on the path that any rule inspects, under keys a field can sit under
 * (ON_THE_WAY), is the anchor (`seLinuxOptions`
 * in `seLinuxOptions.type`); a deeper key only adds rules when the anchor's rules name it too (`hostPath` under
 * `volumes`), so generic sub-keys such as `type` do not drag in unrelated rules.
 */
export function rulesForPath(keys: string[]): PssRule[] {
  const anchor = keys.findIndex((k, i) => PSS_RULES.some((r) => fieldMatches(r, k)) && keys.slice(0, i).every((parent) => ON_THE_WAY.has(parent)));
  if (anchor < 0) return [];
  const anchorRules = PSS_RULES.filter((r) => fieldMatches(r, keys[anchor]));
  const chosen = new Set(anchorRules);
  for (const k of keys.slice(anchor + 1)) {
    if (anchorRules.some((r) => fieldMatches(r, k))) for (const r of PSS_RULES) if (fieldMatches(r, k)) chosen.add(r);
  }
  return PSS_RULES.filter((r) => chosen.has(r));
}

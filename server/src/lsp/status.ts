/** Builds the `podsec/status` payload for a document from what its analysis found. */
import type { Finding, ParsedManifest, PolicyResolver } from '../engine';
import { podTargets } from '../engine';
import type { NamespacePolicyStatus, ProblemCounts, StatusParams } from '../../../shared/protocol';

export function policiesOf(parsed: ParsedManifest, resolver: PolicyResolver): NamespacePolicyStatus[] {
  return policiesOfNamespaces(parsed.documents.flatMap((doc) => podTargets(doc).map((pod) => resolver.namespaceOf(pod.object))), resolver);
}

/** The policy of each namespace (by name, as the resolver names them), first appearance first, once each. */
export function policiesOfNamespaces(namespaces: readonly string[], resolver: PolicyResolver): NamespacePolicyStatus[] {
  const out: NamespacePolicyStatus[] = [];
  const seen = new Set<string>();
  for (const namespace of namespaces) {
    if (seen.has(namespace)) continue;
    seen.add(namespace);
    const d = resolver.forNamespace(namespace);
    const text = (m: 'enforce' | 'warn' | 'audit') => `${d[m].level}:${d[m].version}`;
    out.push({ namespace: d.namespace, enforce: text('enforce'), warn: text('warn'), audit: text('audit'), source: d.source });
  }
  return out;
}

export function countFindings(findings: readonly Finding[]): ProblemCounts {
  const counts: ProblemCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function sumCounts(parts: readonly ProblemCounts[]): ProblemCounts {
  const counts: ProblemCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const p of parts) for (const k of Object.keys(counts) as (keyof ProblemCounts)[]) counts[k] += p[k];
  return counts;
}

export function skippedStatus(uri: string, version: number, state: 'skipped' | 'failed', reason: string): StatusParams {
  return { uri, version, state, reason, policies: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } };
}

/**
 * Facts one file contributes to the workspace, for rules that look across files: Namespaces and their labels,
 * ServiceAccounts, NetworkPolicies, LimitRanges and the workloads of each namespace. Plain data (no nodes), so a
 * change can be detected by comparing values and the facts of unchanged files can be kept.
 */
import type { ParsedManifest } from './parse/documents';
import type { NodeReader, Ref } from './parse/nodes';
import { podTarget } from './parse/pod-specs';
import type { Labels } from './policy/namespace-policy';

export interface ObjectLocation {
  file: string;
  documentIndex: number;
  /** Order of the object within the file (documents and List items). */
  ordinal: number;
}

export interface NamespaceFact extends ObjectLocation {
  name: string;
  labels: Labels;
}

export interface ServiceAccountFact extends ObjectLocation {
  namespace?: string;
  name: string;
  automountServiceAccountToken?: boolean;
}

export interface NetworkPolicyFact extends ObjectLocation {
  namespace?: string;
  name: string;
  /** The policy selects every pod of its namespace (empty podSelector). */
  selectsAll: boolean;
  ingress: boolean;
  egress: boolean;
}

export interface NamespacedFact extends ObjectLocation {
  namespace?: string;
  name: string;
  kind: string;
}

export interface FileFacts {
  namespaces: NamespaceFact[];
  serviceAccounts: ServiceAccountFact[];
  networkPolicies: NetworkPolicyFact[];
  limitRanges: NamespacedFact[];
  workloads: NamespacedFact[];
}

export function emptyFacts(): FileFacts {
  return { namespaces: [], serviceAccounts: [], networkPolicies: [], limitRanges: [], workloads: [] };
}

export function factsIn(parsed: ParsedManifest, file: string): FileFacts {
  const facts = emptyFacts();
  let ordinal = 0;
  for (const d of parsed.documents) {
    for (const o of d.objects) {
      const at = { file, documentIndex: d.index, ordinal: ordinal++ };
      const name = o.name ?? '';
      if (o.kind === 'Namespace' && o.apiVersion === 'v1' && name) {
        facts.namespaces.push({ ...at, name, labels: Object.fromEntries(o.labels) });
      } else if (o.kind === 'ServiceAccount' && o.apiVersion === 'v1' && name) {
        facts.serviceAccounts.push({ ...at, namespace: o.namespace, name, automountServiceAccountToken: d.reader.bool(d.reader.child(o.ref, 'automountServiceAccountToken')) });
      } else if (o.kind === 'NetworkPolicy' && o.apiVersion.startsWith('networking.k8s.io/')) {
        facts.networkPolicies.push({ ...at, namespace: o.namespace, name, ...networkPolicyShape(d.reader, d.reader.child(o.ref, 'spec')) });
      } else if (o.kind === 'LimitRange' && o.apiVersion === 'v1') {
        facts.limitRanges.push({ ...at, namespace: o.namespace, name, kind: o.kind });
      } else if (podTarget(d.reader, o)) {
        facts.workloads.push({ ...at, namespace: o.namespace, name, kind: o.kind });
      }
    }
  }
  return facts;
}

/** policyTypes default to Ingress, plus Egress when egress rules are present (the API server's defaulting). */
function networkPolicyShape(r: NodeReader, spec: Ref | undefined): { selectsAll: boolean; ingress: boolean; egress: boolean } {
  const selector = r.child(spec, 'podSelector');
  const selectsAll = !!selector && (selector.node === null || r.entries(selector).every((e) => r.entries(e.value).length === 0 && !r.items(e.value).length));
  const types = r.items(r.child(spec, 'policyTypes')).map((t) => r.str(t));
  const explicit = types.length > 0;
  return {
    selectsAll,
    ingress: explicit ? types.includes('Ingress') : true,
    egress: explicit ? types.includes('Egress') : !!r.child(spec, 'egress'),
  };
}

/** Shared reading of RBAC objects (rbac.authorization.k8s.io). */
import type { NodeReader, Ref } from '../../parse/nodes';
import type { K8sObject } from '../../parse/objects';

export const RBAC_URL = 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/';

export function isRbac(object: K8sObject, kinds: string[]): boolean {
  return kinds.includes(object.kind) && object.apiVersion.startsWith('rbac.authorization.k8s.io/');
}

export interface PolicyRule {
  ref: Ref;
  apiGroups: { value: string; ref: Ref }[];
  resources: { value: string; ref: Ref }[];
  verbs: { value: string; ref: Ref }[];
  resourceNames: string[];
}

export function policyRules(r: NodeReader, object: K8sObject): PolicyRule[] {
  const list = (rule: Ref, key: string) => r.items(r.child(rule, key)).map((ref) => ({ value: r.text(ref) ?? '', ref }));
  return r.items(r.child(object.ref, 'rules')).map((rule) => ({
    ref: rule,
    apiGroups: list(rule, 'apiGroups'),
    resources: list(rule, 'resources'),
    verbs: list(rule, 'verbs'),
    resourceNames: list(rule, 'resourceNames').map((x) => x.value),
  }));
}

export function roleKind(object: K8sObject): string {
  return `${object.kind} "${object.name ?? ''}"`;
}

/*
 * networkPolicyDefaultDeny (network)
 * A namespace with workloads should have NetworkPolicies with an empty podSelector that isolate every pod for both
 * Ingress and Egress (one policy covering both, or one for each). Reported once per namespace.
 */
import { namespaceReportPlace } from './namespace-location';
import type { HardeningRule } from './rule';

export const networkPolicyDefaultDeny: HardeningRule = {
  id: 'networkPolicyDefaultDeny',
  category: 'network',
  defaultSeverity: 'warning',
  check(ctx) {
    const place = namespaceReportPlace(ctx);
    if (!place) return [];
    const { span, namespace } = place;
    const { workspace, defaultNamespace } = ctx;
    if (!workspace.workloads(namespace, defaultNamespace).length) return [];
    const all = workspace.networkPolicies(namespace, defaultNamespace).filter((p) => p.selectsAll);
    const ingress = all.some((p) => p.ingress);
    const egress = all.some((p) => p.egress);
    if (ingress && egress) return [];
    const missing = [!ingress && 'Ingress', !egress && 'Egress'].filter(Boolean).join(' and ');
    return [{ span, message: `namespace "${namespace}" has workloads but no default-deny NetworkPolicy for ${missing} (empty podSelector)` }];
  },
  docs: {
    title: 'Default-deny NetworkPolicy',
    summary: 'Every namespace with workloads should have a NetworkPolicy with an empty `podSelector` and `policyTypes: [Ingress, Egress]`, so that traffic is denied unless another policy allows it.',
    why: 'Without it every pod can reach every other pod and the internet: one compromised pod can scan the cluster, reach databases and exfiltrate data.',
    fix: 'Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress, Egress]`, then allow the flows the workloads need.',
    url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
    fields: ['podSelector', 'policyTypes'],
  },
};

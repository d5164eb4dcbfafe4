/*
 * networkPolicyAllowAll (network)
 * An ingress or egress rule that allows everything: an empty rule (`- {}`), or a peer `ipBlock.cidr` of
 * 0.0.0.0/0 or ::/0 without `except`.
 */
import type { Ref } from '../../parse/nodes';
import type { HardeningRule, HardeningViolation } from './rule';

const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0']);

export const networkPolicyAllowAll: HardeningRule = {
  id: 'networkPolicyAllowAll',
  category: 'network',
  defaultSeverity: 'info',
  check({ object, document }) {
    if (object.kind !== 'NetworkPolicy' || !object.apiVersion.startsWith('networking.k8s.io/')) return [];
    const r = document.reader;
    const spec = r.child(object.ref, 'spec');
    const out: HardeningViolation[] = [];
    for (const [direction, peersKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
      for (const rule of r.items(r.child(spec, direction))) {
        const peers = r.child(rule, peersKey);
        const ports = r.child(rule, 'ports');
        const emptyRule = rule.node === null || (r.map(rule) !== undefined && r.entries(rule).length === 0);
        if (emptyRule) {
          out.push({ span: rule.span, message: `${direction} rule allows all ${direction === 'ingress' ? 'sources' : 'destinations'} on all ports (empty rule)` });
          continue;
        }
        for (const peer of r.items(peers)) {
          const cidr = r.child(r.child(peer, 'ipBlock'), 'cidr');
          const value = r.str(cidr);
          const except = r.items(r.child(r.child(peer, 'ipBlock'), 'except'));
          if (value && OPEN_CIDRS.has(value) && except.length === 0) out.push(openCidr(direction, value, cidr!, !!ports));
        }
      }
    }
    return out;
  },
  docs: {
    title: 'NetworkPolicy that allows everything',
    summary: 'An ingress or egress rule should not allow all traffic: an empty rule, or an `ipBlock` of `0.0.0.0/0` / `::/0` without `except`.',
    why: 'An allow-all rule silently cancels the isolation a default-deny policy gives: any source can reach the pods, or the pods can reach anything, including cloud metadata endpoints.',
    fix: 'Name the peers (podSelector, namespaceSelector, specific CIDRs) and ports the workload needs; add `except` for private and metadata ranges when a wide CIDR is really intended.',
    url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
    fields: ['ingress', 'egress', 'ipBlock', 'cidr'],
  },
};

function openCidr(direction: string, cidr: string, ref: Ref, hasPorts: boolean): HardeningViolation {
  return { span: ref.span, message: `${direction} rule allows ${cidr} without except${hasPorts ? '' : ' on all ports'}` };
}

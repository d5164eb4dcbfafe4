/*
 * windowsHostProcess (baseline, v1.0)
 * Windows pods offer the ability to run HostProcess containers which enables privileged access to the Windows
 * node. Privileged access to the host is disallowed in the baseline policy.
 * Restricted Fields: spec.securityContext.windowsOptions.hostProcess,
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.windowsOptions.hostProcess
 * Allowed Values: false, undefined/null
 */
import type { Ref } from '../../parse/nodes';
import type { PodTarget } from '../../parse/pod-specs';
import { unique, whoPhrase } from '../format';
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

/** A container name, or undefined for the pod-level field. */
type Setter = string | undefined;

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<Setter>[] = [];
  const visit = (securityContext: Ref | undefined, setter: Setter) => {
    const ref = r.path(securityContext, 'windowsOptions', 'hostProcess');
    if (r.bool(ref) === true) parts.push({ span: ref!.span, part: setter });
  };
  visit(r.child(pod.spec, 'securityContext'), undefined);
  for (const c of pod.containers) visit(r.child(c.ref, 'securityContext'), c.name);
  return byPlace(parts);
}

function format(items: Setter[][]) {
  const setters = items.flat();
  const containers = unique(setters.filter((s): s is string => s !== undefined));
  return {
    reason: 'hostProcess',
    detail: `${whoPhrase(setters.includes(undefined), containers)} must not set securityContext.windowsOptions.hostProcess=true`,
  };
}

export const windowsHostProcess: PssRule = {
  id: 'windowsHostProcess',
  level: 'baseline',
  versions: [versioned<Setter[]>({ minimumVersion: 0, check, format })],
  docs: {
    title: 'HostProcess',
    summary: 'Windows pods and containers must not run as HostProcess containers (`windowsOptions.hostProcess: true`).',
    why: 'A HostProcess container runs directly on the Windows node as a host process, with access to the node\'s filesystem, network and devices: the Windows equivalent of a privileged container.',
    allowed: '`false` or unset',
    fix: 'Remove `hostProcess: true` (and the `hostNetwork: true` it requires); node-level Windows agents belong in a namespace with a privileged policy.',
    url: BASELINE_URL,
    fields: ['hostProcess'],
  },
};

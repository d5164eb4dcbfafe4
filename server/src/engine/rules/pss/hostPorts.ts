/*
 * hostPorts (baseline, v1.0)
 * HostPort should be disallowed entirely (recommended) or restricted to a known list.
 * Restricted Fields: spec.{initContainers,containers,ephemeralContainers}[*].ports[*].hostPort
 * Allowed Values: undefined/0 (the controller has no allow-list)
 *
 * The controller sees the stored Pod: for a Pod with `hostNetwork: true` the API server defaults each
 * init/regular container port's missing or zero hostPort to its containerPort, so that port is reported on its
 * `containerPort` value. Pod templates are not defaulted this way.
 */
import type { Ref } from '../../parse/nodes';
import type { ContainerRef, PodTarget } from '../../parse/pod-specs';
import { containersPhrase, pluralize, sortedUnique, unique } from '../format';
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

interface HostPort {
  container: string;
  port: number;
}

/** An int32 port as the API server decodes it: unset/null is 0, anything but an integer is undecodable. */
function portNumber(pod: PodTarget, ref: Ref | undefined): number | undefined {
  if (ref === undefined || ref.node === null) return 0;
  const n = pod.reader.num(ref);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** SetDefaults_Pod: hostNetwork Pods get hostPort = containerPort on containers and init containers. */
function defaultsHostPorts(pod: PodTarget, c: ContainerRef): boolean {
  return pod.isPod && c.kind !== 'ephemeralContainers' && pod.reader.bool(pod.reader.child(pod.spec, 'hostNetwork')) === true;
}

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<HostPort>[] = [];
  for (const c of pod.containers) {
    for (const port of r.items(r.child(c.ref, 'ports'))) {
      if (!r.map(port)) continue;
      const hostPortRef = r.child(port, 'hostPort');
      const hostPort = portNumber(pod, hostPortRef);
      if (hostPort === undefined) continue;
      if (hostPort !== 0) {
        parts.push({ span: hostPortRef!.span, part: { container: c.name, port: hostPort } });
      } else if (defaultsHostPorts(pod, c)) {
        const containerPortRef = r.child(port, 'containerPort');
        const containerPort = portNumber(pod, containerPortRef);
        if (containerPort) parts.push({ span: containerPortRef!.span, part: { container: c.name, port: containerPort } });
      }
    }
  }
  return byPlace(parts);
}

function format(items: HostPort[][]) {
  const ports = items.flat();
  const names = unique(ports.map((p) => p.container));
  // Distinct and sorted as strings, like the controller's sets.String: "100" sorts before "20".
  const numbers = sortedUnique(ports.map((p) => String(p.port)));
  return {
    reason: 'hostPort',
    detail: `${containersPhrase(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('hostPort', 'hostPorts', numbers.length)} ${numbers.join(', ')}`,
  };
}

export const hostPorts: PssRule = {
  id: 'hostPorts',
  level: 'baseline',
  versions: [versioned<HostPort[]>({ minimumVersion: 0, check, format })],
  docs: {
    title: 'Host ports',
    summary: 'Container ports must not set `hostPort` (a Pod with `hostNetwork: true` gets `hostPort = containerPort` from the API server, so its ports count too).',
    why: 'A host port binds the container directly to the node\'s network interface, bypassing Services and NetworkPolicies, and lets a pod claim ports other workloads or node daemons rely on.',
    allowed: '`0` or unset',
    fix: 'Remove `hostPort` and expose the container through a Service (ClusterIP, NodePort or LoadBalancer) instead.',
    url: BASELINE_URL,
    fields: ['hostPort'],
  },
};

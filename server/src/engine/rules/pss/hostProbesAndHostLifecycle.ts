/*
 * hostProbesAndHostLifecycle (baseline, v1.34)
 * Probes and lifecycle handlers must not target a host other than the pod itself.
 * Restricted Fields:
 *   spec.{initContainers,containers,ephemeralContainers}[*].{livenessProbe,readinessProbe,startupProbe}.{httpGet,tcpSocket}.host
 *   spec.{initContainers,containers,ephemeralContainers}[*].lifecycle.{postStart,preStop}.{httpGet,tcpSocket}.host
 * Allowed Values: "", undefined/null
 * Every non-empty host is forbidden, including localhost and 127.0.0.1.
 */
import type { PodTarget } from '../../parse/pod-specs';
import { joinQuote, pluralize, sortedUnique } from '../format';
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

const HANDLERS: readonly string[][] = [['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop']];
const ACTIONS = ['httpGet', 'tcpSocket'] as const;

interface Host {
  container: string;
  host: string;
}

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<Host>[] = [];
  for (const c of pod.containers) {
    for (const handler of HANDLERS) {
      for (const action of ACTIONS) {
        const ref = r.path(c.ref, ...handler, action, 'host');
        const host = r.str(ref);
        if (host) parts.push({ span: ref!.span, part: { container: c.name, host } });
      }
    }
  }
  return byPlace(parts);
}

function format(items: Host[][]) {
  const found = items.flat();
  // Unlike most checks, this one lists both the containers and the hosts distinct and sorted.
  const names = sortedUnique(found.map((f) => f.container));
  const hosts = sortedUnique(found.map((f) => f.host));
  return {
    reason: 'probe or lifecycle host',
    detail: `${pluralize('container', 'containers', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', hosts.length)} ${joinQuote(hosts)}`,
  };
}

export const hostProbesAndHostLifecycle: PssRule = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  versions: [versioned<Host[]>({ minimumVersion: 34, check, format })],
  docs: {
    title: 'Host probes and lifecycle hooks',
    summary: 'Probes (`livenessProbe`, `readinessProbe`, `startupProbe`) and lifecycle hooks (`postStart`, `preStop`) must not set `httpGet.host` or `tcpSocket.host` (from policy v1.34).',
    why: 'The kubelet runs probes and hooks from the node, so a `host` field makes it connect to any address on the pod\'s behalf: a way to reach node-local services, cloud metadata endpoints or other pods that the pod itself cannot reach.',
    allowed: 'unset or `""` (the pod\'s own IP); v1.0–v1.33: not checked',
    fix: 'Remove `host`, so the probe targets the pod\'s own IP; to check another service, do it from inside the container (an `exec` probe).',
    url: BASELINE_URL,
    fields: ['host'],
  },
};

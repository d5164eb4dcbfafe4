/*
 * procMount (baseline, v1.0; v1.35; replaced by procMount_restricted under restricted from v1.35)
 * The default /proc masks are set up to reduce attack surface, and should be required.
 * Restricted Fields: spec.{initContainers,containers,ephemeralContainers}[*].securityContext.procMount
 * Allowed Values: undefined/null, "Default"
 * v1.35+: any value is allowed when spec.hostUsers is false (the pod runs in a user namespace).
 */
import type { PodTarget } from '../../parse/pod-specs';
import { containersPhrase, joinQuote, sortedUnique, unique } from '../format';
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

interface ProcMount {
  container: string;
  value: string;
}

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<ProcMount>[] = [];
  for (const c of pod.containers) {
    const ref = r.path(c.ref, 'securityContext', 'procMount');
    const value = r.str(ref);
    if (value !== undefined && value !== 'Default') parts.push({ span: ref!.span, part: { container: c.name, value } });
  }
  return byPlace(parts);
}

function format(items: ProcMount[][]) {
  const found = items.flat();
  return {
    reason: 'procMount',
    detail: `${containersPhrase(unique(found.map((f) => f.container)))} must not set securityContext.procMount to ${joinQuote(sortedUnique(found.map((f) => f.value)))}`,
  };
}

const userNamespaced = (pod: PodTarget) => pod.reader.bool(pod.reader.child(pod.spec, 'hostUsers')) === false;

export const procMount: PssRule = {
  id: 'procMount',
  level: 'baseline',
  versions: [
    versioned<ProcMount[]>({ minimumVersion: 0, check, format }),
    versioned<ProcMount[]>({ minimumVersion: 35, check: (pod) => (userNamespaced(pod) ? [] : check(pod)), format }),
  ],
  docs: {
    title: '/proc mount type',
    summary: 'Containers must keep the default masked `/proc`: `securityContext.procMount` may only be `Default` (from v1.35, any value when the pod sets `hostUsers: false`).',
    why: 'The runtime masks and makes read-only sensitive parts of /proc (kernel keys, sysrq-trigger, kcore); `Unmasked` exposes them, which helps a process read kernel memory or escape to the host.',
    allowed: 'unset or `Default`; v1.35+: anything when `spec.hostUsers: false`',
    fix: 'Remove `procMount` or set it to `Default`; a pod that needs an unmasked /proc (nested containers) should run in a user namespace with `hostUsers: false`.',
    url: BASELINE_URL,
    fields: ['procMount'],
  },
};

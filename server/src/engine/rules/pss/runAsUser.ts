/*
 * runAsUser (restricted, v1.23; v1.35)
 * Containers must not set runAsUser to 0.
 * Restricted Fields: spec.securityContext.runAsUser, spec.{initContainers,containers,ephemeralContainers}[*].securityContext.runAsUser
 * Allowed Values: any non-zero value, undefined/null
 * v1.35+: skipped entirely when spec.hostUsers is false (the pod runs in a user namespace).
 */
import type { PodTarget } from '../../parse/pod-specs';
import { unique, whoPhrase } from '../format';
import { byPlace, Part } from '../places';
import { RESTRICTED_URL, PssRule, versioned } from '../rule';

/** `pod` for the pod-level field, else a container name. Pod and containers are judged independently. */
interface Item {
  who: 'pod' | 'container';
  name: string;
}

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<Item>[] = [];
  const podValue = r.path(pod.spec, 'securityContext', 'runAsUser');
  if (r.num(podValue) === 0) parts.push({ span: podValue!.span, part: { who: 'pod', name: '' } });
  for (const c of pod.containers) {
    const value = r.path(c.ref, 'securityContext', 'runAsUser');
    if (r.num(value) === 0) parts.push({ span: value!.span, part: { who: 'container', name: c.name } });
  }
  return byPlace(parts);
}

function format(groups: Item[][]) {
  const items = groups.flat();
  const pod = items.some((i) => i.who === 'pod');
  const names = unique(items.filter((i) => i.who === 'container').map((i) => i.name));
  return { reason: 'runAsUser=0', detail: `${whoPhrase(pod, names)} must not set runAsUser=0` };
}

const userNamespaced = (pod: PodTarget) => pod.reader.bool(pod.reader.child(pod.spec, 'hostUsers')) === false;

export const runAsUser: PssRule = {
  id: 'runAsUser',
  level: 'restricted',
  versions: [
    versioned<Item[]>({ minimumVersion: 23, check, format }),
    versioned<Item[]>({ minimumVersion: 35, check: (pod) => (userNamespaced(pod) ? [] : check(pod)), format }),
  ],
  docs: {
    title: 'Running as UID 0',
    summary: 'Neither the pod nor any container may set `runAsUser: 0` (root). Leaving it unset is fine.',
    why: 'UID 0 in a container is root on the node\'s kernel: a container escape, a writable hostPath or a kernel bug becomes full node compromise. An explicit `runAsUser: 0` also overrides the image\'s non-root `USER`.',
    allowed: 'any non-zero UID, or unset (from v1.23); from v1.35 not checked for pods with `hostUsers: false`',
    fix: 'Remove `runAsUser: 0` or set a non-zero UID (for example `runAsUser: 1000`), and keep `runAsNonRoot: true`.',
    url: RESTRICTED_URL,
    fields: ['runAsUser'],
  },
};

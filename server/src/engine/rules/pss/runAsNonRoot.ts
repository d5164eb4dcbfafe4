/*
 * runAsNonRoot (restricted, v1.0; v1.35)
 * Containers must be required to run as non-root users.
 * Restricted Fields: spec.securityContext.runAsNonRoot, spec.{initContainers,containers,ephemeralContainers}[*].securityContext.runAsNonRoot
 * Allowed Values: true. Container fields may be undefined/null if the pod-level field is true.
 * v1.35+: skipped entirely when spec.hostUsers is false (the pod runs in a user namespace).
 */
import { containersPhrase, joinQuote, pluralize, unique } from '../format';
import { containerAnchor } from '../anchors';
import { byPlace, Part } from '../places';
import type { PodTarget } from '../../parse/pod-specs';
import { RESTRICTED_URL, PssRule, versioned } from '../rule';

interface Item {
  /** `pod` for the pod-level field, else a container. */
  who: 'pod' | 'container';
  /** The container's name (empty for the pod). */
  name: string;
  /** Set to `false`, as opposed to left unset without a pod-level `true` to inherit. */
  explicit: boolean;
}

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<Item>[] = [];
  const podValue = r.path(pod.spec, 'securityContext', 'runAsNonRoot');
  const podSetting = r.bool(podValue);
  if (podSetting === false) parts.push({ span: podValue!.span, part: { who: 'pod', name: '', explicit: true } });
  for (const c of pod.containers) {
    const value = r.path(c.ref, 'securityContext', 'runAsNonRoot');
    const setting = r.bool(value);
    if (setting === false) parts.push({ span: value!.span, part: { who: 'container', name: c.name, explicit: true } });
    else if (setting === undefined && podSetting !== true) {
      parts.push({ span: containerAnchor(pod, c, ['securityContext', 'runAsNonRoot']), part: { who: 'container', name: c.name, explicit: false } });
    }
  }
  // Places shared through an alias (`securityContext: *sc`, `containers: *list`, `spec: *shared`) get one finding.
  return byPlace(parts);
}

function format(groups: Item[][]) {
  const items = groups.flat();
  const explicit = items.filter((i) => i.explicit);
  if (explicit.length) {
    const who: string[] = [];
    if (explicit.some((i) => i.who === 'pod')) who.push('pod');
    const names = unique(explicit.filter((i) => i.who === 'container').map((i) => i.name));
    if (names.length) who.push(containersPhrase(names));
    return { reason: 'runAsNonRoot != true', detail: `${who.join(' and ')} must not set securityContext.runAsNonRoot=false` };
  }
  const names = unique(items.map((i) => i.name));
  return {
    reason: 'runAsNonRoot != true',
    detail: `pod or ${pluralize('container', 'containers', names.length)} ${joinQuote(names)} must set securityContext.runAsNonRoot=true`,
  };
}

const userNamespaced = (pod: PodTarget) => pod.reader.bool(pod.reader.child(pod.spec, 'hostUsers')) === false;

export const runAsNonRoot: PssRule = {
  id: 'runAsNonRoot',
  level: 'restricted',
  versions: [
    versioned<Item[]>({ minimumVersion: 0, check, format }),
    versioned<Item[]>({ minimumVersion: 35, check: (pod) => (userNamespaced(pod) ? [] : check(pod)), format }),
  ],
  docs: {
    title: 'Running as non-root',
    summary: 'Containers must run as a non-root user: `runAsNonRoot: true` in the pod\'s `securityContext` (covering every container) or in each container\'s.',
    why: 'Root in a container is root on the host\'s kernel: a container escape, a writable hostPath or a kernel bug becomes full node compromise. `runAsNonRoot` makes the kubelet refuse to start a container whose image would run as UID 0.',
    allowed: '`true` (containers may leave it unset when the pod-level value is `true`); from v1.35 not checked for pods with `hostUsers: false`',
    fix: 'Set `securityContext.runAsNonRoot: true` at pod level, and make sure the image runs as a non-zero UID (`USER` in the Dockerfile or `runAsUser`).',
    url: RESTRICTED_URL,
    fields: ['runAsNonRoot'],
  },
};

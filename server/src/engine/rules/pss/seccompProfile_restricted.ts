/*
 * seccompProfile_restricted (restricted, v1.19; v1.25; overrides seccompProfile_baseline)
 * Seccomp profile must be explicitly set to one of the allowed values. Both the Unconfined profile and the
 * absence of a profile are prohibited.
 * Restricted Fields: spec.securityContext.seccompProfile.type, spec.{initContainers,containers,ephemeralContainers}[*].securityContext.seccompProfile.type
 * Allowed Values: RuntimeDefault, Localhost. Container fields may be undefined/null if the pod-level field is set
 *   to an allowed value; an explicitly bad pod-level value fails even when every container is fine.
 * v1.25+: pods with spec.os.name: windows are exempt. Annotations are never consulted.
 */
import type { Ref } from '../../parse/nodes';
import type { PodTarget } from '../../parse/pod-specs';
import type { Span } from '../../types';
import { containerAnchor } from '../anchors';
import { joinQuote, pluralize, sortedUnique, unique, whoPhrase } from '../format';
import { byPlace, Part } from '../places';
import { RESTRICTED_URL, PssRule, versioned } from '../rule';

interface Item {
  who: 'pod' | 'container';
  /** Container name (empty for the pod). */
  name: string;
  /** The bad type that was set, or undefined when the container has no profile and the pod gives it none. */
  value?: string;
}

const VALID = new Set(['RuntimeDefault', 'Localhost']);

/** A set `seccompProfile` object (null means unset) judged on its type: valid, or the bad value and where it is. */
function judge(pod: PodTarget, profile: Ref): { valid: true } | { valid: false; value: string; span: Span } {
  const r = pod.reader;
  const type = r.child(profile, 'type');
  const value = r.text(type) ?? '';
  if (VALID.has(value)) return { valid: true };
  return { valid: false, value, span: type?.span ?? profile.keySpan ?? profile.span };
}

const isSet = (ref: Ref | undefined): ref is Ref => !!ref && ref.node !== null;

function check(pod: PodTarget) {
  const r = pod.reader;
  const out: Part<Item>[] = [];
  let podCovers = false;
  const podProfile = r.path(pod.spec, 'securityContext', 'seccompProfile');
  if (isSet(podProfile)) {
    const verdict = judge(pod, podProfile);
    if (verdict.valid) podCovers = true;
    else out.push({ span: verdict.span, part: { who: 'pod', name: '', value: verdict.value } });
  }
  for (const c of pod.containers) {
    const profile = r.path(c.ref, 'securityContext', 'seccompProfile');
    if (isSet(profile)) {
      const verdict = judge(pod, profile);
      if (!verdict.valid) out.push({ span: verdict.span, part: { who: 'container', name: c.name, value: verdict.value } });
    } else if (!podCovers) {
      out.push({ span: containerAnchor(pod, c, ['securityContext', 'seccompProfile']), part: { who: 'container', name: c.name } });
    }
  }
  return byPlace(out);
}

function format(groups: Item[][]) {
  const items = groups.flat();
  const explicit = items.filter((i) => i.value !== undefined);
  if (explicit.length) {
    const pod = explicit.some((i) => i.who === 'pod');
    const names = unique(explicit.filter((i) => i.who === 'container').map((i) => i.name));
    const values = sortedUnique(explicit.map((i) => i.value!));
    return { reason: 'seccompProfile', detail: `${whoPhrase(pod, names)} must not set securityContext.seccompProfile.type to ${joinQuote(values)}` };
  }
  const names = unique(items.map((i) => i.name));
  return {
    reason: 'seccompProfile',
    detail: `pod or ${pluralize('container', 'containers', names.length)} ${joinQuote(names)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
  };
}

const isWindows = (pod: PodTarget) => pod.reader.str(pod.reader.path(pod.spec, 'os', 'name')) === 'windows';

export const seccompProfile_restricted: PssRule = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  versions: [
    versioned<Item[]>({ minimumVersion: 19, overrides: ['seccompProfile_baseline'], check, format }),
    versioned<Item[]>({ minimumVersion: 25, overrides: ['seccompProfile_baseline'], check: (pod) => (isWindows(pod) ? [] : check(pod)), format }),
  ],
  docs: {
    title: 'Seccomp profile (restricted)',
    summary: 'A seccomp profile must be set, to `RuntimeDefault` or `Localhost`: at pod level (covering every container) or on each container. `Unconfined` is forbidden anywhere.',
    why: 'Seccomp filters the system calls a container may make; without it a process can reach every kernel entry point, including rarely used ones behind many container-escape exploits (`unshare`, `keyctl`, `bpf`, `ptrace`). Container runtimes run without a filter unless one is requested.',
    allowed: '`RuntimeDefault` or `Localhost` (from v1.19, replacing baseline `seccompProfile_baseline` under restricted); containers may leave it unset when the pod-level type is allowed; from v1.25 not checked for pods with `spec.os.name: windows`',
    fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod\'s `securityContext`, and remove any `Unconfined` profile.',
    url: RESTRICTED_URL,
    fields: ['seccompProfile'],
  },
};

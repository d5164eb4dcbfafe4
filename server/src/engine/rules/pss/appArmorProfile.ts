/*
 * appArmorProfile (baseline, v1.0)
 * On supported hosts, the 'runtime/default' AppArmor profile is applied by default. The baseline policy should
 * prevent overriding or disabling the default AppArmor profile, or restrict overrides to an allowed set of profiles.
 *
 * Restricted Fields: metadata.annotations['container.apparmor.security.beta.kubernetes.io/*']
 * Allowed Values: 'runtime/default', 'localhost/*', empty, undefined
 *
 * Restricted Fields: spec.securityContext.appArmorProfile.type,
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.appArmorProfile.type
 * Allowed Values: 'RuntimeDefault', 'Localhost', undefined
 *
 * The field check came with the 1.30 controller without a new policy version, so it applies at every version.
 * Annotations are read from the pod template's metadata, whether or not a container of that name exists.
 */
import type { PodTarget } from '../../parse/pod-specs';
import type { Ref } from '../../parse/nodes';
import type { Span } from '../../types';
import { goQuote, joinQuote, pluralize, sortedUnique, unique, whoPhrase } from '../format';
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);

interface Bad {
  setter: 'pod' | 'container' | 'annotation';
  /** Container name, or annotation key. */
  name: string;
  /** The profile type, or the annotation value. */
  value: string;
}

const allowedAnnotation = (v: string) => v === '' || v === 'runtime/default' || v.startsWith('localhost/');

/** A present `appArmorProfile` object with a type other than RuntimeDefault/Localhost (a missing type is ""). */
function badProfile(pod: PodTarget, securityContext: Ref | undefined): { span: Span; value: string } | undefined {
  const r = pod.reader;
  const profile = r.child(securityContext, 'appArmorProfile');
  if (!r.map(profile)) return undefined;
  const type = r.child(profile, 'type');
  const value = type === undefined || type.node === null ? '' : r.str(type);
  if (value === undefined || ALLOWED_TYPES.has(value)) return undefined;
  return { span: type?.span ?? profile!.keySpan ?? profile!.span, value };
}

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<Bad>[] = [];
  const podBad = badProfile(pod, r.child(pod.spec, 'securityContext'));
  if (podBad) parts.push({ span: podBad.span, part: { setter: 'pod', name: '', value: podBad.value } });
  for (const c of pod.containers) {
    const bad = badProfile(pod, r.child(c.ref, 'securityContext'));
    if (bad) parts.push({ span: bad.span, part: { setter: 'container', name: c.name, value: bad.value } });
  }
  for (const { key, value } of r.entries(r.child(pod.metadata, 'annotations'))) {
    if (!key.startsWith(ANNOTATION_PREFIX)) continue;
    const text = value.node === null ? '' : r.str(value);
    if (text === undefined || allowedAnnotation(text)) continue;
    parts.push({ span: value.span, part: { setter: 'annotation', name: key, value: text } });
  }
  return byPlace(parts);
}

function format(items: Bad[][]) {
  const bad = items.flat();
  const fields = bad.filter((b) => b.setter !== 'annotation');
  const annotations = sortedUnique(bad.filter((b) => b.setter === 'annotation').map((b) => `${b.name}=${goQuote(b.value)}`));
  const values = [...sortedUnique(fields.map((b) => b.value)), ...annotations];
  const containers = unique(bad.filter((b) => b.setter === 'container').map((b) => b.name));
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    detail: `${whoPhrase(bad.some((b) => b.setter === 'pod'), containers, annotations.length)} must not set AppArmor profile type to ${joinQuote(values)}`,
  };
}

export const appArmorProfile: PssRule = {
  id: 'appArmorProfile',
  level: 'baseline',
  versions: [versioned<Bad[]>({ minimumVersion: 0, check, format })],
  docs: {
    title: 'AppArmor',
    summary: 'Pods and containers must not override or disable the default AppArmor profile: no `appArmorProfile.type: Unconfined`, and no `container.apparmor.security.beta.kubernetes.io/*` annotation other than `runtime/default` or `localhost/…` on the pod (template).',
    why: 'AppArmor confines what a container may do on the host (mounts, raw sockets, writes under /proc and /sys); running unconfined removes that layer, so a compromised process meets only the kernel\'s remaining defences.',
    allowed: 'fields: `RuntimeDefault`, `Localhost`, or no `appArmorProfile`; annotations: `runtime/default`, `localhost/<profile>` or empty (checked at every policy version)',
    fix: 'Remove the `appArmorProfile` or annotation, or use `type: RuntimeDefault` (or `Localhost` with a `localhostProfile` loaded on the nodes); prefer the `securityContext.appArmorProfile` field over the deprecated annotation.',
    url: BASELINE_URL,
    fields: ['appArmorProfile', 'container.apparmor.security.beta.kubernetes.io/*'],
  },
};

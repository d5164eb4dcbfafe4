/*
 * seccompProfile_baseline (baseline, v1.0; v1.19; replaced by seccompProfile_restricted under restricted from v1.19)
 * If seccomp profiles are specified, only runtime default and localhost profiles are allowed.
 *
 * v1.0 - v1.18 (alpha annotations only; the fields are ignored):
 * Restricted Fields: metadata.annotations['seccomp.security.alpha.kubernetes.io/pod'],
 *   metadata.annotations['container.seccomp.security.alpha.kubernetes.io/<name of a visited container>']
 * Allowed Values: 'runtime/default', 'docker/default', 'localhost/*', undefined (an empty value is forbidden)
 *
 * v1.19+ (fields only; the annotations are ignored):
 * Restricted Fields: spec.securityContext.seccompProfile.type,
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.seccompProfile.type
 * Allowed Values: 'RuntimeDefault', 'Localhost', undefined (the whole seccompProfile absent)
 * Baseline never requires a profile; the pod level and every container are checked independently.
 */
import type { Ref } from '../../parse/nodes';
import type { PodTarget } from '../../parse/pod-specs';
import { goQuote, joinQuote, pluralize, sortedUnique, unique, whoPhrase } from '../format';
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);

const allowedAnnotation = (v: string) => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');

/** `key="value"` as the controller renders a forbidden annotation. */
type Annotation = string;

function checkAnnotations(pod: PodTarget) {
  const r = pod.reader;
  const annotations = new Map(r.entries(r.child(pod.metadata, 'annotations')).map((e) => [e.key, e.value] as const));
  const keys = unique([POD_ANNOTATION, ...pod.containers.map((c) => CONTAINER_ANNOTATION_PREFIX + c.name)]);
  const parts: Part<Annotation>[] = [];
  for (const key of keys) {
    const ref = annotations.get(key);
    if (!ref) continue;
    const value = ref.node === null ? '' : r.str(ref);
    if (value !== undefined && !allowedAnnotation(value)) parts.push({ span: ref.span, part: `${key}=${goQuote(value)}` });
  }
  return byPlace(parts);
}

function formatAnnotations(items: Annotation[][]) {
  const forbidden = sortedUnique(items.flat());
  return { reason: 'seccompProfile', detail: `forbidden ${pluralize('annotation', 'annotations', forbidden.length)} ${forbidden.join(', ')}` };
}

interface BadType {
  /** Undefined for the pod-level field. */
  container?: string;
  value: string;
}

function checkFields(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<BadType>[] = [];
  const visit = (securityContext: Ref | undefined, container: string | undefined) => {
    const profile = r.child(securityContext, 'seccompProfile');
    if (!r.map(profile)) return;
    const type = r.child(profile, 'type');
    // A present profile without a type decodes as type "", which is not an allowed type.
    const value = type === undefined || type.node === null ? '' : r.str(type);
    if (value === undefined || ALLOWED_TYPES.has(value)) return;
    parts.push({ span: type?.span ?? profile!.keySpan ?? profile!.span, part: { container, value } });
  };
  visit(r.child(pod.spec, 'securityContext'), undefined);
  for (const c of pod.containers) visit(r.child(c.ref, 'securityContext'), c.name);
  return byPlace(parts);
}

function formatFields(items: BadType[][]) {
  const bad = items.flat();
  const containers = unique(bad.flatMap((b) => (b.container === undefined ? [] : [b.container])));
  return {
    reason: 'seccompProfile',
    detail: `${whoPhrase(bad.some((b) => b.container === undefined), containers)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(bad.map((b) => b.value)))}`,
  };
}

export const seccompProfile_baseline: PssRule = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  versions: [
    versioned<Annotation[]>({ minimumVersion: 0, check: checkAnnotations, format: formatAnnotations }),
    versioned<BadType[]>({ minimumVersion: 19, check: checkFields, format: formatFields }),
  ],
  docs: {
    title: 'Seccomp',
    summary: 'A seccomp profile, if set, must not be `Unconfined`: from v1.19 `seccompProfile.type` must be `RuntimeDefault` or `Localhost`; before v1.19 the `seccomp.security.alpha.kubernetes.io` annotations are checked instead.',
    why: 'Seccomp filters the system calls a container may make; running `Unconfined` exposes the whole kernel syscall surface, including the calls behind most container-escape exploits.',
    allowed: 'v1.19+: `RuntimeDefault`, `Localhost` or no `seccompProfile` (baseline does not require one); v1.0–v1.18: annotation values `runtime/default`, `docker/default`, `localhost/<profile>`, or no annotation',
    fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` (or `Localhost` with a `localhostProfile`), or remove the `Unconfined` profile.',
    url: BASELINE_URL,
    fields: ['seccompProfile', 'seccomp.security.alpha.kubernetes.io/pod', 'container.seccomp.security.alpha.kubernetes.io/*'],
  },
};

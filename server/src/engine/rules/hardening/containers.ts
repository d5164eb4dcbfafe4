/** Container helpers shared by the hardening rules. */
import type { ContainerRef, PodTarget } from '../../parse/pod-specs';

/** Init and regular containers: ephemeral (debug) containers cannot set resources and are short-lived by design. */
export function longRunningContainers(pod: PodTarget): ContainerRef[] {
  return pod.containers.filter((c) => c.kind !== 'ephemeralContainers');
}

export function isWindowsPod(pod: PodTarget): boolean {
  return pod.reader.str(pod.reader.path(pod.spec, 'os', 'name')) === 'windows';
}

export interface ImageRef {
  name: string;
  tag?: string;
  digest?: string;
}

/** `registry:5000/team/app:1.2@sha256:…` -> name, tag, digest (a `:` before the last `/` is a registry port). */
export function parseImage(image: string): ImageRef {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}

/**
 * Where to report a required field that is missing. The anchor is the deepest existing key on the field's path
 * (for example `securityContext:` or `capabilities:`), else the container's `name` value, else the start of the
 * container item. For pod-level fields it is the deepest existing key under the pod spec, else the `spec:` key.
 * Fixes start from the same anchor.
 */
import type { ContainerRef, PodTarget } from '../parse/pod-specs';
import type { Ref } from '../parse/nodes';
import type { Span } from '../types';

export function containerAnchor(pod: PodTarget, container: ContainerRef, path: string[]): Span {
  const r = pod.reader;
  let deepest: Ref | undefined;
  let cur: Ref | undefined = container.ref;
  for (const key of path) {
    cur = r.child(cur, key);
    if (!cur) break;
    deepest = cur;
  }
  if (deepest) return deepest.keySpan ?? deepest.span;
  const name = r.child(container.ref, 'name');
  if (name) return name.span;
  return firstLineOf(container.ref.span);
}

export function podAnchor(pod: PodTarget, path: string[]): Span {
  const r = pod.reader;
  let deepest: Ref | undefined;
  let cur: Ref | undefined = pod.spec;
  for (const key of path) {
    cur = r.child(cur, key);
    if (!cur) break;
    deepest = cur;
  }
  if (deepest) return deepest.keySpan ?? deepest.span;
  return pod.spec.keySpan ?? firstLineOf(pod.spec.span);
}

/** A zero-length item would be invisible; a whole map would squiggle many lines. Keep it to a token. */
function firstLineOf(span: Span): Span {
  return { start: span.start, end: span.start + 1 };
}

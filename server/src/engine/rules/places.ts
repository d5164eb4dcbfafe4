/**
 * One violation per offending place. Several offending values can sit at one place when they are reached through
 * the same alias or merge key (`add: *caps`, `<<: *base`): the evaluator keeps one finding per place, so they are
 * gathered into a single violation whose item lists them all, and the finding there names every one of them.
 */
import type { Span } from '../types';
import type { Violation } from './rule';

export interface Part<P> {
  span: Span;
  part: P;
}

/** Groups parts by span, in order of first appearance (the controller's visit order). */
export function byPlace<P>(parts: readonly Part<P>[]): Violation<P[]>[] {
  const out = new Map<string, Violation<P[]>>();
  for (const { span, part } of parts) {
    const key = `${span.start}:${span.end}`;
    const existing = out.get(key);
    if (existing) existing.item.push(part);
    else out.set(key, { span, item: [part] });
  }
  return [...out.values()];
}

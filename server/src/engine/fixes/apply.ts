/**
 * Applying and combining edits. Several fixes are combined the way eslint's `getApplicable` does it: in order, a
 * fix is taken whole or not at all, and it is dropped when one of its edits collides with an edit already taken
 * (identical edits count once, so two findings asking for the same pod-level field add it once).
 */
import type { TextEdit } from './types';

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

const same = (a: TextEdit, b: TextEdit) => a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;

/**
 * Two edits collide when they overlap, or when an insertion lands on or inside the other edit: two insertions at
 * one place (two `securityContext:` keys) or an insertion at the edge of a removed block could make invalid text.
 * Removals that only touch each other (adjacent lines) do not collide.
 */
export function collide(a: TextEdit, b: TextEdit): boolean {
  if (same(a, b)) return false;
  if (a.span.start === a.span.end) return b.span.start <= a.span.start && a.span.start <= b.span.end;
  if (b.span.start === b.span.end) return a.span.start <= b.span.start && b.span.start <= a.span.end;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/** Whether the edits of one fix can be applied together. */
export function isApplicable(edits: readonly TextEdit[]): boolean {
  return edits.every((a, i) => edits.every((b, j) => j <= i || !collide(a, b)));
}

export interface Combined {
  edits: TextEdit[];
  /** Indexes (into the input) of the edit groups that were taken. */
  taken: number[];
}

/** Takes each group of edits whole, in order, unless it collides with what was taken before. */
export function combineEdits(groups: readonly (readonly TextEdit[])[]): Combined {
  const edits: TextEdit[] = [];
  const taken: number[] = [];
  groups.forEach((group, index) => {
    if (!group.length || !isApplicable(group)) return;
    if (group.some((e) => edits.some((t) => collide(e, t)))) return;
    for (const e of group) if (!edits.some((t) => same(t, e))) edits.push(e);
    taken.push(index);
  });
  return { edits: edits.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end), taken };
}

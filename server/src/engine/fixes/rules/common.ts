/** Shared pieces of the per-rule fixes: the fixer shape, building a Fix, and finding the edited place. */
import { isMap } from 'yaml';
import type { Ref } from '../../parse/nodes';
import type { ContainerRef } from '../../parse/pod-specs';
import type { Span } from '../../types';
import { editableMap, editableSeq, ownPair } from '../edits/nodes';
import { removeItems, removePairs } from '../edits/remove';
import type { FixContext } from '../locate';
import { contains } from '../locate';
import { refuse } from '../refuse';
import type { Fix, TextEdit } from '../types';

export interface RuleFixer {
  ruleId: string;
  /**
   * False for a rule none of whose fixes is ever preferred (they change what the workload does, so the user must pick
   * them): fix-all and "Fix all <rule> problems", which apply preferred fixes only, skip its findings unlocated.
   */
  preferred?: false;
  /** The fixes for one finding, preferred first; may throw CannotFix (caught by the caller). */
  fixes(ctx: FixContext): Fix[];
}

/** A fix from the edits that are needed (undefined ones are already satisfied); none when nothing is left to do. */
export function fix(ctx: FixContext, title: string, edits: (TextEdit | undefined)[], isPreferred = true): Fix[] {
  const needed = edits.filter((e): e is TextEdit => !!e);
  return needed.length ? [{ ruleId: ctx.finding.ruleId, title, isPreferred, edits: needed }] : [];
}

export function containerOf(ctx: FixContext): ContainerRef {
  if (ctx.site.kind !== 'container') refuse('finding is not on a container');
  return ctx.site.container;
}

/** The securityContext ref of the finding's container, or of the pod when the finding is at pod level. */
export function securityContextOf(ctx: FixContext): { owner: Ref; securityContext: Ref | undefined; who: 'pod' | 'container' } {
  const r = ctx.reader;
  if (ctx.site.kind === 'container') return { owner: ctx.site.container.ref, securityContext: r.child(ctx.site.container.ref, 'securityContext'), who: 'container' };
  if (ctx.site.kind === 'pod') return { owner: ctx.pod.spec, securityContext: r.child(ctx.pod.spec, 'securityContext'), who: 'pod' };
  return refuse('finding is not on a pod or container');
}

/** The candidate whose span contains the finding's; the only candidate when none does; else none. */
export function pick<T>(ctx: FixContext, candidates: T[], spanOf: (c: T) => Span | undefined): T | undefined {
  const hits = candidates.filter((c) => {
    const s = spanOf(c);
    return s !== undefined && contains(s, ctx.finding.span);
  });
  if (hits.length === 1) return hits[0];
  if (hits.length === 0 && candidates.length === 1) return candidates[0];
  return undefined;
}

/**
 * Removes items from the list under `key` of `holder`; when no item would be left, the whole `key:` entry goes,
 * and when that would leave `holder` empty and `holder` is itself an entry of `parent`, that entry goes instead.
 */
export function removeListItems(ctx: FixContext, holder: Ref, key: string, indices: number[], parent?: Ref): TextEdit[] {
  const r = ctx.reader;
  const list = r.child(holder, key) ?? refuse('no list');
  const seq = editableSeq(list);
  if (indices.length < seq.items.length) return removeItems(ctx, seq, indices);
  return removeEntries(ctx, holder, [key], parent);
}

/** Removes entries of a map; the map's own entry in `parent` goes instead when nothing would be left. */
export function removeEntries(ctx: FixContext, holder: Ref, keys: string[], parent?: Ref): TextEdit[] {
  const map = editableMap(holder);
  const pairs = keys.map((k) => ownPair(map, k) ?? refuse(`no ${k} to remove`));
  if (pairs.length === map.items.length && parent && holder.pair && isMap(parent.node)) {
    return removePairs(ctx, editableMap(parent), [holder.pair]);
  }
  return removePairs(ctx, map, pairs);
}

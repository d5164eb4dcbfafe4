/**
 * Makes a nested field hold a value, creating the maps on the way: `securityContext.capabilities.drop` under a
 * container that has only `securityContext:` gets `capabilities:` inserted there, and so on. Each existing map on
 * the path is edited in place; anything reached through an alias or merge key is refused.
 */
import { isMap } from 'yaml';
import type { NodeReader, Ref } from '../../parse/nodes';
import { refuse } from '../refuse';
import type { FixValue, TextEdit } from '../types';
import type { EditContext } from './context';
import { fillEmpty, insertPairs } from './insert';
import { editableMap, ownPair } from './nodes';
import { setScalar } from './set-scalar';

/** `['a', 'b'], v` -> `{a: {b: v}}` */
export function nest(keys: string[], leaf: FixValue): FixValue {
  return keys.reduceRight<FixValue>((value, key) => ({ [key]: value }), leaf);
}

/** One edit that makes `base.path` equal `leaf`, or undefined when it already does. */
export function ensurePath(ctx: EditContext, reader: NodeReader, base: Ref, path: string[], leaf: FixValue): TextEdit | undefined {
  let current = base;
  for (let i = 0; i < path.length; i++) {
    const map = editableMap(current);
    ownPair(map, path[i]);
    const child = reader.child(current, path[i]);
    const rest = path.slice(i + 1);
    if (!child) return insertPairs(ctx, map, { [path[i]]: nest(rest, leaf) });
    if (child.aliased || !child.pair) refuse('value comes from an alias or merge key');
    if (i === path.length - 1 && typeof leaf !== 'object') return setScalar(ctx, child, leaf);
    if (child.node === null) return fillEmpty(ctx, map, child.pair, nest(rest, leaf));
    if (!isMap(child.node)) refuse(`${path[i]} is not a map`);
    current = child;
  }
  // The path exists and ends in a map: merge the leaf's entries into it.
  if (typeof leaf !== 'object' || Array.isArray(leaf)) refuse('cannot merge a list');
  const entries = Object.entries(leaf);
  if (entries.length !== 1) refuse('merging several entries');
  return ensurePath(ctx, reader, current, [entries[0][0]], entries[0][1]);
}

/** Source positions of `yaml` nodes as the edit builders need them, and the checks that make an edit unsafe. */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Ref } from '../../parse/nodes';
import { refuse } from '../refuse';
import type { Quote } from '../render';
import { skipSpaceBack } from '../text';

export const isBlockScalar = (n: unknown): boolean => isScalar(n) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED');

/**
 * Where a node's own text ends: after a scalar or a flow collection's closing bracket, or where the last item of a
 * block collection ends. Trailing comments and blank lines are not part of it.
 */
export function contentEnd(text: string, node: unknown): number {
  if (isPair(node)) {
    const value = node.value as Node | null;
    if (value?.range && value.range[1] > value.range[0]) return contentEnd(text, value);
    return (node.key as Node | null)?.range?.[1] ?? refuse('pair without a position');
  }
  if (isCollection(node) && !node.flow && node.items.length) return contentEnd(text, node.items[node.items.length - 1]);
  const range = (node as Node | null)?.range ?? refuse('node without a position');
  if (isBlockScalar(node)) return Math.max(range[0], skipSpaceBack(text, range[1]));
  return range[1];
}

/** The node whose text comes last in `node` (the deepest last item of block collections, a pair's value). */
export function lastLeaf(node: unknown): unknown {
  if (isPair(node)) {
    const value = node.value as Node | null;
    return value?.range && value.range[1] > value.range[0] ? lastLeaf(value) : node.key;
  }
  if (isCollection(node) && !node.flow && node.items.length) return lastLeaf(node.items[node.items.length - 1]);
  return node;
}

export function startOf(node: unknown): number {
  if (isPair(node)) return startOf(node.key);
  return (node as Node | null)?.range?.[0] ?? refuse('node without a position');
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) && key.value !== null && key.value !== undefined ? String(key.value) : undefined;
}

/** The map's own entry for `key` (merge keys not followed); refused when the key is written twice. */
export function ownPair(map: YAMLMap, key: string): Pair | undefined {
  const pairs = map.items.filter((p) => isPair(p) && keyText(p.key) === key);
  if (pairs.length > 1) refuse(`duplicate key ${key}`);
  return pairs[0];
}

/** The node a ref stands for, as written in place (not resolved), refusing anything reached through an alias. */
export function ownNode(ref: Ref): Node | null {
  if (ref.aliased) refuse('value comes from an alias or merge key');
  const raw = ref.pair ? (ref.pair.value as Node | null) : ref.node;
  if (isAlias(raw)) refuse('value is an alias');
  return raw;
}

/** A map a fix may insert into or remove from: written in place, not anchored (other places may share it). */
export function editableMap(ref: Ref | undefined): YAMLMap {
  if (!ref) refuse('missing map');
  const node = ownNode(ref);
  if (!isMap(node)) refuse('not a map');
  if (node.anchor) refuse('map is anchored');
  return node;
}

export function editableSeq(ref: Ref | undefined): YAMLSeq {
  if (!ref) refuse('missing sequence');
  const node = ownNode(ref);
  if (!isSeq(node)) refuse('not a sequence');
  if (node.anchor) refuse('sequence is anchored');
  return node;
}

export function quoteOf(node: unknown): Quote {
  if (isScalar(node)) {
    if (node.type === 'QUOTE_DOUBLE') return 'double';
    if (node.type === 'QUOTE_SINGLE') return 'single';
  }
  return 'plain';
}

/** Whether the keys of a map are written in double quotes (JSON-like flow maps). */
export function keysQuoted(map: YAMLMap): boolean {
  const keys = map.items.filter(isPair).map((p) => p.key);
  return keys.length > 0 && keys.every((k) => isScalar(k) && k.type === 'QUOTE_DOUBLE');
}

/**
 * Which YAML token is at an offset, and the path of keys and indices that leads to it from a root node. Used by
 * hover to decide what the cursor is on. Aliases are not followed: the cursor is on the alias itself.
 */
import { isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import type { Span } from './types';

export interface NodePath {
  /** Map keys (strings) and sequence indices from the root to the token. */
  keys: (string | number)[];
  /** The token under the cursor: a key, or a scalar (or alias) value. */
  span: Span;
  /** True when the cursor is on a key rather than on a value. */
  onKey: boolean;
}

/** Guards against pathological nesting (the parser has its own limits; this keeps the walk bounded anyway). */
const MAX_DEPTH = 200;

const contains = (r: [number, number, number] | null | undefined, offset: number): r is [number, number, number] =>
  !!r && r[0] <= offset && offset <= r[1];

/**
 * The path to the token containing `offset` (the end of a token counts as inside, as editors place the caret after
 * the last character). Undefined when the offset is on whitespace, punctuation or a comment.
 */
export function pathAt(root: Node | null | undefined, offset: number): NodePath | undefined {
  const keys: (string | number)[] = [];
  let node: unknown = root;
  for (let depth = 0; depth < MAX_DEPTH && node; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (contains((p.key as Node | null)?.range, offset) || contains((p.value as Node | null)?.range, offset)));
      if (!pair) return undefined;
      const key = pair.key as Node | null;
      if (!isScalar(key)) return undefined;
      keys.push(String(key.value));
      if (contains(key.range, offset)) return { keys, span: { start: key.range![0], end: key.range![1] }, onKey: true };
      node = pair.value;
      continue;
    }
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains((item as Node | null)?.range, offset));
      if (index < 0) return undefined;
      keys.push(index);
      node = node.items[index];
      continue;
    }
    const range = (node as Node).range;
    if (!contains(range, offset)) return undefined;
    return { keys, span: { start: range[0], end: range[1] }, onKey: false };
  }
  return undefined;
}

/**
 * Alias bookkeeping for one composed document, in one linear pass and without expanding anything:
 * - the anchor each alias refers to (the last one of that name before it, as `yaml` resolves them), so lookups
 *   through aliases cost O(1) instead of a walk of the whole document per alias (`Alias.resolve` does that walk);
 * - how many nodes expanding every alias and merge key would add (sizes are memoised per anchored node, so a
 *   "billion laughs" document is measured, not expanded), and the first alias at which that exceeds the limit;
 * - aliases used inside their own anchor (infinite expansion) and aliases with no anchor before them.
 * Recursion follows the document's nesting only, which the token stream has already bounded.
 */
import { Alias, Document, isAlias, isMap, isNode, isPair, isSeq, Node } from 'yaml';
import type { Span } from '../types';
import { NodeReader } from './nodes';

export interface AliasScan {
  targets: Map<Alias, Node>;
  /** Aliases whose anchor does not occur before them. */
  unresolved: Alias[];
  /** The first alias at which expansion exceeds the limit, or that refers to its own enclosing anchor. */
  exceeded?: { alias: Alias; span: Span; cycle: boolean };
}

export function scanAliases(doc: Document, maxAliasNodes: number): AliasScan {
  const targets = new Map<Alias, Node>();
  const unresolved: Alias[] = [];
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  let added = 0;
  let exceeded: AliasScan['exceeded'];

  /** The node's size once expanded (capped just above the limit, so numbers stay small). */
  const visit = (value: unknown): number => {
    if (exceeded) return 0;
    if (isAlias(value)) {
      const target = anchors.get(value.source);
      if (!target) {
        unresolved.push(value);
        return 1;
      }
      targets.set(value, target);
      const size = sizes.get(target);
      if (size === undefined || open.has(target)) {
        exceeded = { alias: value, span: aliasSpan(value), cycle: true };
        return 0;
      }
      added += size - 1;
      if (added > maxAliasNodes) exceeded = { alias: value, span: aliasSpan(value), cycle: false };
      return size;
    }
    if (!isNode(value)) return 0;
    const anchor = value.anchor;
    if (anchor) {
      anchors.set(anchor, value);
      open.add(value);
    }
    let size = 1;
    if (isMap(value)) {
      for (const item of value.items) if (isPair(item)) size += visit(item.key) + visit(item.value);
    } else if (isSeq(value)) {
      for (const item of value.items) size += visit(item);
    }
    size = Math.min(size, maxAliasNodes + 1);
    if (anchor) {
      open.delete(value);
      sizes.set(value, size);
    }
    return size;
  };
  visit(doc.contents);
  return { targets, unresolved, exceeded };
}

function aliasSpan(alias: Alias): Span {
  const r = alias.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

/** A NodeReader that resolves aliases from a precomputed table. */
export class IndexedNodeReader extends NodeReader {
  constructor(doc: Document, private readonly targets: ReadonlyMap<Alias, Node>) {
    super(doc);
  }

  override resolve(node: unknown): Node | null {
    if (!isAlias(node)) return (node as Node | undefined) ?? null;
    return this.targets.get(node) ?? null;
  }
}

/**
 * Typed, alias- and merge-aware access to `yaml` nodes that remembers where in the source each value was found.
 * A value reached through an alias (`*x`) or a merge key (`<<`) is reported at the place that uses it, not at the
 * anchor (which may belong to another container); such refs are marked `aliased` so fixes can refuse to edit them.
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../types';

/** Aliases followed in one lookup before giving up (cycles and alias chains). */
const MAX_ALIAS_DEPTH = 64;

export interface Ref {
  /** The resolved node (aliases followed); `null` for an empty value such as `securityContext:`. */
  node: Node | null;
  /** Where the value is in this object's own source text. */
  span: Span;
  /** The key (`privileged` in `privileged: true`), when the value came from a map entry in place. */
  keySpan?: Span;
  /** The value was reached through an alias or merge key, so its text is not at `span`. */
  aliased: boolean;
  /** The map pair holding this value, when the value came from a map entry in place. */
  pair?: Pair;
}

export function nodeSpan(node: Node | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || key.value === '<<') && key.source === '<<';
}

function keyString(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null || key.value === undefined ? undefined : String(key.value);
  return undefined;
}

export class NodeReader {
  constructor(readonly doc: Document) {}

  resolve(node: unknown): Node | null {
    let n = node;
    for (let depth = 0; isAlias(n); depth++) {
      if (depth >= MAX_ALIAS_DEPTH) return null;
      n = n.resolve(this.doc);
    }
    return (n as Node | undefined) ?? null;
  }

  /** A ref for a top-level node (e.g. the document's contents). */
  root(node: Node | null | undefined): Ref | undefined {
    if (!node) return undefined;
    const span = nodeSpan(node);
    if (!span) return undefined;
    return { node: this.resolve(node), span, aliased: isAlias(node) };
  }

  map(ref: Ref | undefined): YAMLMap | undefined {
    return ref && isMap(ref.node) ? ref.node : undefined;
  }

  seq(ref: Ref | undefined): YAMLSeq | undefined {
    return ref && isSeq(ref.node) ? ref.node : undefined;
  }

  /** The value under `key` in a map (last explicit entry wins, then merged maps in order). */
  child(ref: Ref | undefined, key: string): Ref | undefined {
    const map = this.map(ref);
    if (!ref || !map) return undefined;
    let found: Pair | undefined;
    for (const item of map.items) if (isPair(item) && !isMergeKey(item.key) && keyString(item.key) === key) found = item;
    if (found) return this.pairValue(ref, found, false);
    for (const item of map.items) {
      if (!isPair(item) || !isMergeKey(item.key)) continue;
      const site = nodeSpan(item.value as Node) ?? ref.span;
      const sources = this.resolve(item.value);
      const maps = isSeq(sources) ? sources.items.map((s) => this.resolve(s)) : [sources];
      for (const source of maps) {
        if (!isMap(source)) continue;
        const inner = this.child({ node: source, span: site, aliased: true }, key);
        if (inner) return inner;
      }
    }
    return undefined;
  }

  private pairValue(parent: Ref, pair: Pair, viaMerge: boolean): Ref {
    const keyNode = pair.key as Node | null;
    const valueNode = pair.value as Node | null;
    const aliased = parent.aliased || viaMerge || isAlias(valueNode);
    const keySpan = parent.aliased ? undefined : nodeSpan(keyNode);
    let span: Span;
    if (parent.aliased) span = parent.span;
    else span = nodeSpan(valueNode) ?? keySpan ?? parent.span;
    // An empty value (`key:`) has a zero-width range after the colon; point at the key instead.
    if (!parent.aliased && span.start === span.end && keySpan) span = keySpan;
    const resolved = this.resolve(valueNode);
    const node = isScalar(resolved) && resolved.value === null ? null : resolved;
    return { node, span, keySpan, aliased, pair: parent.aliased ? undefined : pair };
  }

  /** The items of a sequence, each as a ref. */
  items(ref: Ref | undefined): Ref[] {
    const seq = this.seq(ref);
    if (!ref || !seq) return [];
    return seq.items.map((item) => {
      const node = item as Node | null;
      const span = ref.aliased ? ref.span : nodeSpan(node) ?? ref.span;
      const resolved = this.resolve(node);
      return { node: isScalar(resolved) && resolved.value === null ? null : resolved, span, aliased: ref.aliased || isAlias(node) };
    });
  }

  /** The entries of a map (merged keys included, explicit keys first), with string keys. */
  entries(ref: Ref | undefined): { key: string; value: Ref }[] {
    const map = this.map(ref);
    if (!ref || !map) return [];
    const keys: string[] = [];
    const seen = new Set<string>();
    const collect = (m: YAMLMap, depth: number): void => {
      if (depth > MAX_ALIAS_DEPTH) return;
      for (const item of m.items) {
        if (!isPair(item)) continue;
        if (isMergeKey(item.key)) {
          const sources = this.resolve(item.value);
          for (const s of isSeq(sources) ? sources.items.map((x) => this.resolve(x)) : [sources]) if (isMap(s)) collect(s, depth + 1);
          continue;
        }
        const k = keyString(item.key);
        if (k !== undefined && !seen.has(k)) { seen.add(k); keys.push(k); }
      }
    };
    collect(map, 0);
    return keys.map((key) => ({ key, value: this.child(ref, key)! })).filter((e) => e.value);
  }

  /** Walks a path of keys; undefined as soon as one is missing. */
  path(ref: Ref | undefined, ...keys: string[]): Ref | undefined {
    let r = ref;
    for (const k of keys) r = this.child(r, k);
    return r;
  }

  /** A string scalar's value (numbers and booleans are not strings to the API server). */
  str(ref: Ref | undefined): string | undefined {
    const n = ref?.node;
    return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
  }

  bool(ref: Ref | undefined): boolean | undefined {
    const n = ref?.node;
    return isScalar(n) && typeof n.value === 'boolean' ? n.value : undefined;
  }

  num(ref: Ref | undefined): number | undefined {
    const n = ref?.node;
    if (!isScalar(n)) return undefined;
    if (typeof n.value === 'number') return n.value;
    if (typeof n.value === 'bigint') return Number(n.value);
    return undefined;
  }

  /** Scalar value rendered as text (for names that may be written unquoted as numbers). */
  text(ref: Ref | undefined): string | undefined {
    const n = ref?.node;
    if (!isScalar(n) || n.value === null || n.value === undefined || typeof n.value === 'symbol') return undefined;
    return String(n.value);
  }

  /** String values of a map whose values are strings (labels, annotations). */
  stringMap(ref: Ref | undefined): Map<string, { value: string; ref: Ref }> {
    const out = new Map<string, { value: string; ref: Ref }>();
    for (const { key, value } of this.entries(ref)) {
      const v = this.text(value);
      if (v !== undefined) out.set(key, { value: v, ref: value });
      else if (value.node === null) out.set(key, { value: '', ref: value });
    }
    return out;
  }
}

export type { Scalar };

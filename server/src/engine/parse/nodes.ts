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

/** A plain `<<` key (or one tagged `!!merge`); a quoted `"<<"` is an ordinary key, as in go-yaml v2. */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  if (key.tag === 'tag:yaml.org,2002:merge') return true;
  return (key.type === undefined || key.type === 'PLAIN') && key.source === '<<';
}

function scalarKey(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null || key.value === undefined ? undefined : String(key.value);
  return undefined;
}

export class NodeReader {
  /** Per map: each key's pair (the last one, as go-yaml assigns), or null when it has a merge key. */
  private readonly keyIndexes = new WeakMap<YAMLMap, Map<string, Pair> | null>();

  constructor(readonly doc: Document) {}

  /** A key as text; an alias key (`*k : true`) names what it points at, as go-yaml resolves it. */
  private keyString(key: unknown): string | undefined {
    return scalarKey(isAlias(key) ? this.resolve(key) : key);
  }

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

  /**
   * The value under `key` in a map, as kubectl's YAML reader (go-yaml v2) assigns it: entries apply in order, so the
   * last one wins, and a `<<` merge entry assigns every key of the merged maps at its position (overriding an
   * explicit key written before it; in `<<: [*a, *b]` the earlier map wins).
   */
  child(ref: Ref | undefined, key: string, depth = 0): Ref | undefined {
    const map = this.map(ref);
    if (!ref || !map || depth > MAX_ALIAS_DEPTH) return undefined;
    // Rules ask the same maps for many keys: without merge keys, each key's pair is looked up, not searched for.
    const index = this.keyIndex(map);
    if (index) {
      const pair = index.get(key);
      return pair && this.pairValue(ref, pair);
    }
    let found: Ref | undefined;
    for (const item of map.items) {
      if (!isPair(item)) continue;
      if (!isMergeKey(item.key)) {
        if (this.keyString(item.key) === key) found = this.pairValue(ref, item);
        continue;
      }
      const merged = this.mergedChild(ref, item.value as Node | null, key, depth);
      if (merged) found = merged;
    }
    return found;
  }

  private keyIndex(map: YAMLMap): Map<string, Pair> | null {
    let index = this.keyIndexes.get(map);
    if (index === undefined) {
      index = new Map();
      for (const item of map.items) {
        if (!isPair(item)) continue;
        if (isMergeKey(item.key)) {
          index = null;
          break;
        }
        const k = this.keyString(item.key);
        if (k !== undefined) index.set(k, item);
      }
      this.keyIndexes.set(map, index);
    }
    return index;
  }

  /** `key` in the map(s) of a merge entry's value; an alias is reported where it is used, an inline map in place. */
  private mergedChild(ref: Ref, value: Node | null, key: string, depth: number): Ref | undefined {
    // Through an alias (`<<: *base`, or an alias to a whole list of maps) the merged text is elsewhere.
    const site = ref.aliased ? ref.span : isAlias(value) ? nodeSpan(value) : undefined;
    const sourceRef = (node: Node | null): Ref | undefined => {
      const resolved = this.resolve(node);
      if (!isMap(resolved)) return undefined;
      const span = site ?? nodeSpan(node) ?? ref.span;
      return { node: resolved, span, aliased: site !== undefined || isAlias(node) };
    };
    const resolved = this.resolve(value);
    const sources = isSeq(resolved) ? resolved.items.map((s) => sourceRef(s as Node | null)) : [sourceRef(value)];
    for (const source of sources) {
      const inner = source && this.child(source, key, depth + 1);
      if (inner) return inner;
    }
    return undefined;
  }

  private pairValue(parent: Ref, pair: Pair): Ref {
    const keyNode = pair.key as Node | null;
    const valueNode = pair.value as Node | null;
    const aliased = parent.aliased || isAlias(valueNode);
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
        const k = this.keyString(item.key);
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
    if (!isScalar(n)) return undefined;
    if (typeof n.value === 'string') return n.value;
    return readAsStringByKubectl(n) ? n.source : undefined;
  }

  bool(ref: Ref | undefined): boolean | undefined {
    const n = ref?.node;
    return isScalar(n) && typeof n.value === 'boolean' ? n.value : undefined;
  }

  num(ref: Ref | undefined): number | undefined {
    const n = ref?.node;
    if (!isScalar(n)) return undefined;
    if (typeof n.value === 'number') return readAsStringByKubectl(n) ? undefined : n.value;
    if (typeof n.value === 'bigint') return Number(n.value);
    if (typeof n.value === 'string') return goPrefixedInt(n) ?? taggedNumber(n);
    return undefined;
  }

  /**
   * Scalar value rendered as text (for names that may be written unquoted as numbers). Non-string scalars keep
   * their source spelling (`0x10`, not `16`), which is what the author wrote and what an error message should show.
   */
  text(ref: Ref | undefined): string | undefined {
    const n = ref?.node;
    if (!isScalar(n) || n.value === null || n.value === undefined || typeof n.value === 'symbol') return undefined;
    if (typeof n.value === 'string') return n.value;
    return n.source ?? String(n.value);
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

/**
 * kubectl reads YAML with go-yaml v2, whose YAML 1.1 differs from the yaml package's in two ways that reach the API
 * server: timestamps (`2024-01-01`) decode as plain strings, and there are no sexagesimal numbers (`1:30` is a
 * string, not 90).
 */
function readAsStringByKubectl(n: Scalar): boolean {
  if (n.type !== 'PLAIN' || typeof n.source !== 'string') return false;
  return n.value instanceof Date || (typeof n.value === 'number' && n.source.includes(':'));
}

/** Integers go-yaml v2 reads through strconv.ParseInt(s, 0, 64) that the yaml package leaves as strings: `0o17`, `0X1F`, `0B1`. */
const GO_PREFIXED_INT = /^([-+]?)0([oO][0-7]+|[xX][0-9a-fA-F]+|[bB][01]+)$/;
const GO_BASES: Record<string, number> = { o: 8, x: 16, b: 2 };

function goPrefixedInt(n: Scalar): number | undefined {
  if (n.type !== 'PLAIN' || typeof n.value !== 'string') return undefined;
  const m = GO_PREFIXED_INT.exec(n.value.replace(/_/g, ''));
  if (!m) return undefined;
  const value = Number.parseInt(m[2].slice(1), GO_BASES[m[2][0].toLowerCase()]);
  return m[1] === '-' ? -value : value;
}

/**
 * `!!float 0` or `!!float 1e3`, which the yaml package leaves as a string (its YAML 1.1 float needs a `.`): go-yaml v2
 * reads the text as it would untagged and turns the integer into a float, so the API server gets the number.
 */
const FLOAT_TAG = 'tag:yaml.org,2002:float';
const DECIMAL = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;

function taggedNumber(n: Scalar): number | undefined {
  if (n.tag !== FLOAT_TAG || typeof n.value !== 'string') return undefined;
  const text = n.value.replace(/_/g, '');
  return DECIMAL.test(text) ? Number(text) : undefined;
}

export type { Scalar };

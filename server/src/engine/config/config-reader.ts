/**
 * Small typed accessors over a parsed `yaml` document for the config validator: every accessor reports a problem
 * at the offending node (or at its key when the value is empty) and returns undefined, so the caller simply skips
 * what is wrong and keeps reading the rest of the file.
 */
import { Document, isAlias, isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../types';
import type { ConfigProblem } from './types';

export interface Entry {
  key: string;
  keySpan: Span;
  /** The value node, aliases resolved; undefined for `key:` with nothing after it. */
  value: Node | undefined;
  /** Where to report a problem with the value: the value itself, else the key. */
  valueSpan: Span;
}

export class ConfigReader {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly doc: Document.Parsed, private readonly text: string) {}

  report(span: Span, message: string): void {
    this.problems.push({ message, span });
  }

  resolve(node: unknown): Node | undefined {
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? undefined;
    return (node as Node | null) ?? undefined;
  }

  /** The node's extent without the line breaks a block collection ends with. */
  span(node: Node | undefined, fallback: Span): Span {
    const r = node?.range;
    if (!r || r[1] <= r[0]) return fallback;
    let end = r[1];
    while (end > r[0] && /\s/.test(this.text[end - 1])) end--;
    return { start: r[0], end };
  }

  /** The value as written, for messages (`got 1.30` shows what the user typed, not the number YAML made of it). */
  source(node: Node | undefined): string {
    const r = node?.range;
    if (!r || r[1] <= r[0]) return 'nothing';
    const span = this.span(node, { start: r[0], end: r[1] });
    const written = this.text.slice(span.start, span.end);
    const firstLine = written.split(/\r?\n|\r/)[0];
    return firstLine.length > 40 || firstLine !== written ? `${firstLine.slice(0, 40)}…` : written;
  }

  /** The entries of a mapping; reports and returns undefined when the value is not one. */
  entries(node: Node | undefined, span: Span, what: string): Entry[] | undefined {
    const n = this.resolve(node);
    if (n === undefined || (isScalar(n) && n.value === null)) return [];
    if (!isMap(n)) {
      this.report(this.span(n, span), `${what} must be a mapping (got ${this.source(n)})`);
      return undefined;
    }
    const out: Entry[] = [];
    for (const pair of (n as YAMLMap).items as Pair<unknown, unknown>[]) {
      const keyNode = this.resolve(pair.key);
      const keySpan = this.span(keyNode, this.span(n, span));
      if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
        this.report(keySpan, `${what}: keys must be plain names`);
        continue;
      }
      const value = this.resolve(pair.value);
      out.push({ key: String(keyNode.value), keySpan, value, valueSpan: this.span(value, keySpan) });
    }
    return out;
  }

  /** A string scalar; numbers and booleans are reported with what was written. */
  string(entry: Pick<Entry, 'value' | 'valueSpan'>, what: string): string | undefined {
    const v = entry.value;
    if (isScalar(v) && typeof (v as Scalar).value === 'string') return (v as Scalar<string>).value;
    this.report(entry.valueSpan, `${what} must be a string (got ${this.source(v)})`);
    return undefined;
  }

  /** `true` or `false` (YAML 1.2: `yes`/`on` are strings and are reported). */
  boolean(entry: Pick<Entry, 'value' | 'valueSpan'>, what: string): boolean | undefined {
    const v = entry.value;
    if (isScalar(v) && typeof (v as Scalar).value === 'boolean') return (v as Scalar<boolean>).value;
    this.report(entry.valueSpan, `${what} must be true or false (got ${this.source(v)})`);
    return undefined;
  }

  /** One of a fixed list of strings. */
  oneOf<T extends string>(entry: Pick<Entry, 'value' | 'valueSpan'>, allowed: readonly T[], what: string): T | undefined {
    const v = entry.value;
    const s = isScalar(v) && typeof (v as Scalar).value === 'string' ? (v as Scalar<string>).value : undefined;
    if (s !== undefined && (allowed as readonly string[]).includes(s)) return s as T;
    // Under a `%YAML 1.1` directive a plain `off` is the boolean false: what was written is what was meant.
    const plain = isScalar(v) && v.type === 'PLAIN' && typeof v.value === 'boolean' ? v.source : undefined;
    if (plain !== undefined && (allowed as readonly string[]).includes(plain)) return plain as T;
    this.report(entry.valueSpan, `${what} must be one of ${allowed.join(', ')} (got ${this.source(v)})`);
    return undefined;
  }

  /** The items of a sequence with their spans. */
  items(entry: Entry, what: string): { value: Node | undefined; valueSpan: Span }[] | undefined {
    const v = entry.value;
    if (v === undefined || (isScalar(v) && v.value === null)) return [];
    if (!isSeq(v)) {
      this.report(entry.valueSpan, `${what} must be a list (got ${this.source(v)})`);
      return undefined;
    }
    return ((v as YAMLSeq).items as unknown[]).map((item) => {
      const value = this.resolve(item);
      return { value, valueSpan: this.span(value, entry.valueSpan) };
    });
  }

  /** Reports a key that is not among `known`, suggesting the closest one (or listing them when there are few). */
  unknownKey(entry: Entry, known: readonly string[], what: string, where?: string): void {
    const hint = closest(entry.key, known);
    const help = hint ? ` (did you mean "${hint}"?)` : known.length <= 8 ? ` (expected one of ${known.join(', ')})` : '';
    this.report(entry.keySpan, `Unknown ${what} "${entry.key}"${where ? ` in ${where}` : ''}${help}`);
  }
}

/** The candidate within a small edit distance (case-insensitive), for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const l = c.toLowerCase();
    // `networking` for `network`: a longer or shorter form of a known name.
    if (Math.min(w.length, l.length) >= 4 && (w.startsWith(l) || l.startsWith(w))) return c;
    const d = editDistance(w, l);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

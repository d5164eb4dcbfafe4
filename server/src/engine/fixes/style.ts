/**
 * How a document is written, so inserted text looks like its neighbours: JSON or YAML, the line break, the
 * indentation step of nested maps, whether block sequences are indented under their key (`key:\n  - a`) or
 * written at the key's column (`key:\n- a`), and whether lists of scalars are written in flow style
 * (`add: ["NET_ADMIN"]`) and how their items are quoted.
 */
import { Document, isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import type { Quote } from './render';
import { columnOf, eolOf } from './text';

export interface DocStyle {
  /** The file is JSON: keys and strings are double-quoted, collections are `{}`/`[]`, no comments. */
  json: boolean;
  eol: string;
  /** Spaces a nested map is indented by (2 when nothing tells otherwise). */
  unit: number;
  /** JSON: what one level of nesting is indented with (a tab, or spaces; two spaces when nothing tells). */
  jsonIndent: string;
  /** Spaces between a key's column and the `-` of its block sequence (0 for non-indented sequences). */
  seqIndent: number;
  /** Most lists of scalars are flow lists (`[a, b]`): a list a fix writes is one too, quoted like theirs. */
  flowScalarLists: boolean;
  listQuote: Quote;
}

const cache = new WeakMap<Document, DocStyle>();

export function isJsonText(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

export function docStyle(text: string, doc: Document): DocStyle {
  const cached = cache.get(doc);
  if (cached) return cached;
  const maps = new Map<number, number>();
  const seqs = new Map<number, number>();
  const quotes = new Map<number, number>();
  let flowLists = 0;
  let blockLists = 0;
  const count = (m: Map<number, number>, n: number) => m.set(n, (m.get(n) ?? 0) + 1);
  const visit = (node: unknown, depth: number): void => {
    if (depth > 100) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (key?.range && value?.range && (isMap(value) || isSeq(value)) && !value.flow && value.items.length) {
          const keyColumn = columnOf(text, key.range[0]);
          if (isMap(value)) {
            const first = value.items[0];
            const firstKey = isPair(first) ? (first.key as Node | null) : null;
            if (firstKey?.range) {
              const step = columnOf(text, firstKey.range[0]) - keyColumn;
              if (step > 0) count(maps, step);
            }
          } else {
            const dash = dashBefore(text, (value.items[0] as Node | null)?.range?.[0] ?? value.range![0]);
            if (dash !== undefined) count(seqs, Math.max(0, columnOf(text, dash) - keyColumn));
          }
        }
        if (isSeq(value) && value.items.length && value.items.every((i) => isScalar(i))) {
          if (value.flow) {
            flowLists++;
            for (const item of value.items) count(quotes, QUOTES.indexOf(quoteOfScalar(item as Node)));
          } else blockLists++;
        }
        visit(value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  visit(doc.contents, 0);
  const json = isJsonText(text);
  const jsonIndent = json ? jsonUnit(text) : '  ';
  const unit = json ? jsonIndent.length : mostCommon(maps) ?? 2;
  const style: DocStyle = {
    json, eol: eolOf(text), unit, jsonIndent, seqIndent: mostCommon(seqs) ?? unit,
    flowScalarLists: flowLists > blockLists, listQuote: QUOTES[mostCommon(quotes) ?? 0],
  };
  cache.set(doc, style);
  return style;
}

const QUOTES: Quote[] = ['plain', 'double', 'single'];

function quoteOfScalar(node: Node): Quote {
  const type = (node as { type?: string }).type;
  return type === 'QUOTE_DOUBLE' ? 'double' : type === 'QUOTE_SINGLE' ? 'single' : 'plain';
}

/** The `-` that introduces the block sequence item starting at `offset` (only spaces in between). */
export function dashBefore(text: string, offset: number): number | undefined {
  let i = offset;
  while (i > 0 && text[i - 1] === ' ') i--;
  return i > 0 && text[i - 1] === '-' ? i - 1 : undefined;
}

function mostCommon(m: Map<number, number>): number | undefined {
  let best: number | undefined;
  for (const [value, n] of m) if (best === undefined || n > m.get(best)! || (n === m.get(best)! && value < best)) best = value;
  return best;
}

/** The indentation of the first indented line of a JSON file: a tab, or its spaces (two when the file is on one line). */
function jsonUnit(text: string): string {
  const m = /\n(\t+| +)\S/.exec(text);
  return m ? (m[1][0] === '\t' ? '\t' : m[1]) : '  ';
}

/**
 * Splits a YAML stream into the text of its `---` documents with one line scan, no parsing, so an editor can
 * re-parse only the documents whose text changed. The cut points are where the `yaml` lexer itself ends a document,
 * whatever the line is inside (a block scalar, a quoted string, a flow collection):
 * - before a `---` line (`---` alone, or followed by a space or tab), unless the stream is between documents;
 * - after a `...` line (same rule).
 * A marker counts only at column 0 (after a byte order mark on the first line). Lines are split on `\n`, after a
 * lone `\r` is read as `\n`, as parsing reads it (`lexableText` in token-stream.ts).
 *
 * Between documents (at the start, or after `...`) comments, blank lines and `%` directives belong to the next
 * document. A directive changes how later documents are read (`%TAG`, `%YAML` carry over in YAML 1.1), so a stream
 * that has one cannot be parsed piecewise: `directives` tells the caller to parse the text whole.
 *
 * @example
 * splitDocuments('a: 1\n---\nb: 2\n...\nc: 3\n').slices
 * // [{ start: 0, end: 5 }, { start: 5, end: 18 }, { start: 18, end: 23 }]  ("a: 1\n", "---\nb: 2\n...\n", "c: 3\n")
 */
import type { Span } from '../types';
import { lexableText } from './token-stream';

export interface SplitDocuments {
  /** Contiguous slices covering the whole text, in order (one, `[0, 0)`, for an empty text). */
  slices: Span[];
  /** A `%` directive occurs between documents: the stream must be parsed as a whole. */
  directives: boolean;
}

const BOM = 0xfeff;
const NL = 0x0a;
/** A marker at a line start (`^` also matches after `\r` and U+2028: checked again below). */
const MARKER = /^(?:---|\.\.\.)(?![^ \t\r\n])/gm;

export function splitDocuments(source: string): SplitDocuments {
  const text = lexableText(source);
  const slices: Span[] = [];
  let sliceStart = 0;
  let directives = false;
  const cut = (at: number) => {
    if (at > sliceStart) {
      slices.push({ start: sliceStart, end: at });
      sliceStart = at;
    }
  };
  const lineAfter = (i: number) => {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl + 1;
  };
  let pos = 0;
  // Between documents a `---` opens the pending document; inside one it starts the next.
  let betweenDocuments = true;
  while (pos < text.length) {
    if (betweenDocuments) {
      // Line by line until a document starts: comments, blank lines and directives wait for it.
      const lineEnd = lineAfter(pos) - (text.charCodeAt(lineAfter(pos) - 1) === NL ? 1 : 0);
      const at = text.charCodeAt(pos) === BOM ? pos + 1 : pos;
      const marker = markerAt(text, at);
      if (marker === '...') cut(lineAfter(pos));
      else if (marker === '---') betweenDocuments = false;
      else if (text.charCodeAt(at) === 0x25 /* % */) directives = true;
      else if (!isBlankOrComment(text, at, lineEnd)) betweenDocuments = false;
      pos = lineAfter(pos);
      continue;
    }
    // Inside a document: only the next marker at a line start matters.
    MARKER.lastIndex = pos;
    let found = -1;
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
      if (m.index === 0 || text.charCodeAt(m.index - 1) === NL) {
        found = m.index;
        break;
      }
    }
    if (found < 0) break;
    if (text.charCodeAt(found) === 0x2d /* - */) cut(found);
    else {
      cut(lineAfter(found));
      betweenDocuments = true;
    }
    pos = lineAfter(found);
  }
  cut(text.length);
  if (!slices.length) slices.push({ start: 0, end: text.length });
  return { slices, directives };
}

/** `---` or `...` at `i`, followed by the end, a space, a tab or a line break (the lexer's test). */
function markerAt(text: string, i: number): '---' | '...' | undefined {
  const c = text.charCodeAt(i);
  if (c !== 0x2d /* - */ && c !== 0x2e /* . */) return undefined;
  if (text.charCodeAt(i + 1) !== c || text.charCodeAt(i + 2) !== c) return undefined;
  const after = text.charCodeAt(i + 3);
  if (!(Number.isNaN(after) || after === 0x20 || after === 0x09 || after === NL || after === 0x0d)) return undefined;
  return c === 0x2d ? '---' : '...';
}

function isBlankOrComment(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) continue;
    // The lexer's atLineEnd: a `\r` is a line end only before `\n`.
    if (c === 0x0d) return text.charCodeAt(i + 1) === NL;
    return c === 0x23; // '#'
  }
  return true;
}

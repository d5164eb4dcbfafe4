/**
 * Whether a `---` document is a Go template (Helm) rather than YAML. A template's `{{ }}` actions are not YAML, so its
 * syntax errors are noise; but `{{` is also ordinary data, e.g. the `{{ $labels.pod }}` in a PrometheusRule's alert
 * text, and one such alert must not silence the real syntax errors of the other documents of a rendered bundle. So
 * each document decides for itself, from its own text, with one cheap line scan (no parse: the document may not
 * parse):
 *
 * a document is a template when it has a `{{` that is not YAML data, i.e. not inside a quoted scalar (unless the
 * action holds that scalar's own quote, as in `"{{ include "x" . }}"`, which breaks the scalar), not inside a
 * block scalar (`|`, `>`), not in a comment, and not inside a plain scalar that began earlier on the line (block
 * context only, the action closed on the same line and holding no `: ` or ` #`, which would end the scalar).
 *
 * Everything else counts: an action where a node starts (`{{- if }}`, `name: {{ .x }}`), inside a flow collection,
 * or one left open at the end of its line. Doubtful input errs towards "template".
 */
import type { Span } from '../types';

/** A parsed document's extent and errors (ManifestDocument has both). */
export interface DocumentExtent {
  span: Span;
  errors: readonly { span: Span }[];
}

/**
 * Whether the document is a template. Besides its own text, the text of its errors is read: an error the parser
 * reports on this document may lie in the next one (stray `]` or `}` after a `...`).
 */
export function isTemplateDocument(text: string, doc: DocumentExtent): boolean {
  let end = doc.span.end;
  for (const e of doc.errors) end = Math.max(end, e.span.end);
  return hasTemplateAction(text, doc.span.start, Math.min(end, text.length));
}

/** Whether `text[start, end)` (starting at a line start) holds a template action outside YAML data. */
export function hasTemplateAction(text: string, start = 0, end = text.length): boolean {
  if (!text.substring(start, end).includes('{{')) return false;
  const state: LineState = { text, quote: 0, flow: 0, block: NO_BLOCK };
  for (let from = start; from < end;) {
    const nl = text.indexOf('\n', from);
    const to = nl < 0 || nl > end ? end : nl;
    if (lineHasAction(state, from, to)) return true;
    from = to + 1;
  }
  return false;
}

const NO_BLOCK = -2;
const SPACE = /[ \t\r\uFEFF]/;

/** What carries over from one line to the next. */
interface LineState {
  text: string;
  /** The quote of a quoted scalar still open at the line's end. */
  quote: 0 | '"' | "'";
  /** Depth of the flow collections still open. */
  flow: number;
  /** In a block scalar: the column of its node (more indented lines are its content); else NO_BLOCK. */
  block: number;
}

function lineHasAction(s: LineState, from: number, to: number): boolean {
  const text = s.text;
  let i = from;
  while (i < to && text[i] === ' ') i++;
  // The node a block scalar header on this line belongs to: the line's indentation, a `-`, or a key.
  let node = i - from;
  if (isMarker(text, from, to)) {
    // A document marker ends whatever was open (the lexer does so too).
    s.quote = 0;
    s.flow = 0;
    s.block = NO_BLOCK;
    i = from + 3;
    node = -1;
  } else if (s.block !== NO_BLOCK) {
    if (i - from > s.block || isBlank(text, i, to)) return false;
    s.block = NO_BLOCK;
  }
  let atNode = true; // where a new node (scalar, collection, `-` entry) may begin
  let plain = false; // inside a plain scalar (block context)
  let scalarColumn = node; // where the current scalar began: a key's column once `: ` follows
  while (i < to) {
    const c = text[i];
    if (s.quote) {
      if (c === '{' && text[i + 1] === '{') {
        i = quotedActionEnd(text, i + 2, to, s.quote);
        if (i < 0) return true;
      } else if (s.quote === '"' && c === '\\') i += 2;
      else if (c === s.quote && s.quote === "'" && text[i + 1] === "'") i += 2;
      else {
        if (c === s.quote) s.quote = 0;
        i++;
      }
      continue;
    }
    if (c === '#' && (i === from || SPACE.test(text[i - 1]))) return false;
    if (c === '{' && text[i + 1] === '{') {
      const close = plain && s.flow === 0 ? plainActionEnd(text, i + 2, to) : -1;
      if (close < 0) return true;
      i = close;
      continue;
    }
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    const next = text[i + 1];
    const separated = next === undefined || i + 1 >= to || SPACE.test(next);
    if (c === ':' && separated || s.flow > 0 && (c === ',' || c === '[' || c === '{')) {
      if (c === ':') node = scalarColumn;
      if (c === '[' || c === '{') s.flow++;
      atNode = true;
      plain = false;
      i++;
      continue;
    }
    if (s.flow > 0 && (c === ']' || c === '}')) {
      s.flow--;
      atNode = false;
      plain = false;
      i++;
      continue;
    }
    if (!atNode) {
      i++;
      continue;
    }
    scalarColumn = i - from;
    if ((c === '-' || c === '?') && separated) {
      node = i - from;
      i++;
    } else if (c === '"' || c === "'") {
      s.quote = c;
      atNode = false;
      i++;
    } else if (c === '[' || c === '{') {
      s.flow++;
      i++;
    } else if (c === '&' || c === '!' || c === '*') {
      // An anchor, tag or alias: the node (if any) follows.
      while (i < to && !SPACE.test(text[i])) i++;
    } else if ((c === '|' || c === '>') && s.flow === 0 && /^[0-9+-]*(?:[ \t\r]|$)/.test(text.slice(i + 1, to))) {
      // A block scalar header: the rest of the line is at most a comment, the lines below are data.
      s.block = node;
      return false;
    } else {
      plain = s.flow === 0;
      atNode = false;
      i++;
    }
  }
  return false;
}

/** `---` or `...` at the line's start, alone or before a space. */
function isMarker(text: string, from: number, to: number): boolean {
  const m = text.slice(from, from + 3);
  return (m === '---' || m === '...') && (from + 3 >= to || SPACE.test(text[from + 3]));
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!SPACE.test(text[k])) return false;
  return true;
}

/**
 * In a quoted scalar: where reading goes on after the action starting at `i` (after its `}}`, or at the line's end),
 * or -1 when the action holds the scalar's closing quote. Each character is read once.
 */
function quotedActionEnd(text: string, i: number, to: number, quote: '"' | "'"): number {
  for (let k = i; k < to; k++) {
    const c = text[k];
    if (c === '}' && text[k + 1] === '}') return k + 2;
    if (quote === '"' && c === '\\') k++;
    else if (c === quote) {
      if (quote === "'" && text[k + 1] === "'") k++;
      else return -1;
    }
  }
  return to;
}

/** Where the action in a plain scalar ends (after its `}}`), or -1 when it could end the scalar or stays open. */
function plainActionEnd(text: string, i: number, to: number): number {
  const close = text.substring(i, to).indexOf('}}') + i;
  if (close < i) return -1;
  return /:[ \t]| #/.test(text.slice(i, close)) ? -1 : close + 2;
}

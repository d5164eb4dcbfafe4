/**
 * The real comments of a YAML text, found through the `yaml` CST so that a `#` inside a quoted string, a plain
 * scalar (`a#b`) or a block scalar is never taken for one. Each comment knows its `---` document and whether it
 * comes before that document's first content (what a document-level directive needs).
 */
import type { CST } from 'yaml';
import { DEFAULT_LIMITS } from './parse/limits';
import { guardedTokens } from './parse/token-stream';
import type { Span } from './types';

export interface YamlComment {
  /** From the `#` to the end of the comment (line break excluded, so `\r` of CRLF too). */
  span: Span;
  /** The comment's source, starting with `#`. */
  source: string;
  /** Index of the document it belongs to, in the order `parseAllDocuments` returns them. */
  documentIndex: number;
  /** True when no content of its document comes before it (comments before and on the `---` line count). */
  atDocumentTop: boolean;
}

/** Tokens that are not content: a comment after only these is still at the top of its document. */
const TRIVIA = new Set(['comment', 'space', 'newline', 'doc-start', 'doc-end', 'directive', 'byte-order-mark', 'doc-mode']);

interface Leaf {
  type: string;
  offset: number;
  source: string;
}

export function yamlComments(text: string): YamlComment[] {
  const out: YamlComment[] = [];
  // Stream-level comments between documents belong to the next document (as the composer attaches them), or to
  // the last one when none follows.
  let pending: Leaf[] = [];
  let documentIndex = -1;
  const add = (leaf: Leaf, index: number, atTop: boolean) =>
    out.push({ span: { start: leaf.offset, end: leaf.offset + leaf.source.length }, source: leaf.source, documentIndex: index, atDocumentTop: atTop });
  // The guarded stream (as parseManifest reads it): bounded nesting keeps `leaves` shallow, and it stops at the limits.
  for (const token of guardedTokens(text, DEFAULT_LIMITS, { documents: new Map(), tokens: 0 })) {
    if (token.type === 'document') {
      documentIndex++;
      for (const c of pending) add(c, documentIndex, true);
      pending = [];
      let seenContent = false;
      for (const l of leaves(token)) {
        if (l.type === 'comment') add(l, documentIndex, !seenContent);
        else if (!TRIVIA.has(l.type)) seenContent = true;
      }
    } else if (token.type === 'doc-end') {
      // A comment on the `...` line closes the current document.
      for (const l of leaves(token)) if (l.type === 'comment') add(l, Math.max(documentIndex, 0), documentIndex < 0);
    } else {
      for (const l of leaves(token)) if (l.type === 'comment') pending.push(l);
    }
  }
  for (const c of pending) add(c, Math.max(documentIndex, 0), documentIndex < 0);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Every source leaf of a CST token, in order. Block scalar contents are one leaf: their `#` is text. */
function* leaves(token: CST.Token | null | undefined): Generator<Leaf> {
  if (!token) return;
  switch (token.type) {
    case 'document':
      yield* token.start;
      yield* leaves(token.value);
      if (token.end) yield* token.end;
      return;
    case 'doc-end':
      yield token;
      if (token.end) yield* token.end;
      return;
    case 'block-map':
    case 'block-seq':
      for (const item of token.items) yield* itemLeaves(item);
      return;
    case 'flow-collection':
      yield token.start;
      for (const item of token.items) yield* itemLeaves(item);
      yield* token.end;
      return;
    case 'alias':
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
      yield token;
      if (token.end) yield* token.end;
      return;
    case 'block-scalar':
      for (const p of token.props) yield* leaves(p);
      yield { type: token.type, offset: token.offset, source: token.source };
      return;
    default:
      yield token;
  }
}

function* itemLeaves(item: CST.CollectionItem): Generator<Leaf> {
  yield* item.start;
  yield* leaves(item.key);
  if (item.sep) yield* item.sep;
  yield* leaves(item.value);
}

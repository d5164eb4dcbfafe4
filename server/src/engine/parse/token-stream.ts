/**
 * Drives the `yaml` lexer and CST parser by hand (what `parseAllDocuments` does inside) so that limits apply while
 * parsing, before any document reaches the recursive composer:
 * - the token and document budgets stop parsing (the documents completed so far are still composed);
 * - a document nested deeper than the limit is not parsed further: its lexical tokens are skipped up to the next
 *   `---` / `...` marker, where a fresh parser resumes, and the composer receives an empty stand-in for it;
 * - documents that contain an alias are noted, so the (linear) alias check runs only where it can matter.
 * The parser builds its tree with an explicit stack, so `stack.length` is the nesting depth as it is built.
 */
import { CST, Lexer, Parser } from 'yaml';
import type { Limits } from './limits';

export interface DocumentScan {
  /** Offset of the document's CST token, which is also the start of the composed document's range. */
  offset: number;
  /** An alias (`*name`) occurs in the document's tokens. */
  hasAlias: boolean;
  /** Where a collection nested deeper than the limit starts; the document was skipped. */
  tooDeepAt?: number;
  /** End of a skipped document's text (its stand-in has no content to take a range from). */
  skippedUntil?: number;
}

export interface StreamScan {
  /** Keyed by document offset. */
  documents: Map<number, DocumentScan>;
  stopped?: { offset: number; reason: 'tokens' | 'documents' };
  /** Lexical tokens read (the budget counts them). */
  tokens: number;
}

const ALIAS = 0x2a; // '*'

/**
 * Stray tokens between documents (`]]]]...`) each become an error object in the composer, a million of them in a
 * file of `]`; beyond this many in a row the rest are dropped (only the first few are ever reported).
 */
const MAX_STREAM_ERRORS = 1_000;

/**
 * A lone CR (an old Mac line end, or a stray one among mixed line ends) is a line break for YAML, for go-yaml (which
 * kubectl uses), for LSP and for editors, but the `yaml` lexer reads it as text: `# note\rprivileged: true` would be
 * one comment, hiding a field the cluster sees. The lexer (and the document split in split-documents.ts) reads it
 * as LF: same length, so every offset into the original text holds.
 */
const LONE_CR = /\r(?!\n)/g;

export function lexableText(text: string): string {
  return text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
}

/** The CST tokens of `text`, guarded by `limits`; what was seen is recorded in `scan`. */
export function* guardedTokens(text: string, limits: Limits, scan: StreamScan): Generator<CST.Token, void> {
  let parser = new Parser();
  let documents = 0;
  let hasAlias = false;
  let skipped: { doc: CST.Document; deepAt: number } | undefined;
  // While skipping, the offset is tracked here the way the parser tracks it: control lexemes have no text, and the
  // lexeme after a scalar marker is scalar text whatever it looks like.
  let offset = 0;
  let atScalar = false;
  let last = '';
  let streamErrors = 0;
  const excess = (token: CST.Token) => token.type === 'error' && ++streamErrors > MAX_STREAM_ERRORS;

  /** Passes a top-level token on; false when the document budget is exhausted. */
  function accept(token: CST.Token, skippedUntil?: number, deepAt?: number): boolean {
    if (token.type === 'document') {
      streamErrors = 0;
      if (++documents > limits.maxDocuments) {
        scan.stopped = { offset: token.offset, reason: 'documents' };
        return false;
      }
      scan.documents.set(token.offset, { offset: token.offset, hasAlias, tooDeepAt: deepAt, skippedUntil });
      hasAlias = false;
    }
    return true;
  }

  for (const lexeme of new Lexer().lex(lexableText(text))) {
    if (++scan.tokens > limits.maxTokens) {
      scan.stopped = { offset: skipped ? skipped.doc.offset : currentDocumentOffset(parser), reason: 'tokens' };
      return;
    }
    if (skipped) {
      const type: string | null = atScalar ? 'scalar-text' : CST.tokenType(lexeme);
      if (type !== 'doc-start' && type !== 'doc-end') {
        atScalar = type === 'scalar';
        if (type !== 'scalar' && type !== 'doc-mode' && type !== 'flow-error-end') offset += lexeme.length;
        continue;
      }
      const standIn: CST.Document = { type: 'document', offset: skipped.doc.offset, start: skipped.doc.start };
      if (!accept(standIn, offset, skipped.deepAt)) return;
      yield standIn;
      skipped = undefined;
      parser = new Parser();
      parser.offset = offset;
    }
    if (lexeme.charCodeAt(0) === ALIAS) hasAlias = true;
    for (const token of parser.next(lexeme)) {
      if (excess(token)) continue;
      if (!accept(token)) return;
      yield token;
    }
    last = lexeme;
    if (parser.stack.length > limits.maxNestingDepth + 1 && parser.stack[0]?.type === 'document') {
      // stack[0] is the document, stack[d] the collection at depth d.
      skipped = { doc: parser.stack[0], deepAt: parser.stack[limits.maxNestingDepth + 1].offset };
      offset = parser.offset;
      atScalar = last === CST.SCALAR;
      hasAlias = false;
    }
  }
  if (skipped) {
    const standIn: CST.Document = { type: 'document', offset: skipped.doc.offset, start: skipped.doc.start };
    if (accept(standIn, text.length, skipped.deepAt)) yield standIn;
    return;
  }
  for (const token of parser.end()) {
    if (excess(token)) continue;
    if (!accept(token)) return;
    yield token;
  }
}

function currentDocumentOffset(parser: Parser): number {
  const bottom = parser.stack[0];
  return bottom ? bottom.offset : parser.offset;
}

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
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;

/**
 * Stray tokens between documents (`]]]]...`) each become an error object in the composer, a million of them in a
 * file of `]`; beyond this many in a row the rest are dropped (only the first few are ever reported).
 */
const MAX_STREAM_ERRORS = 1_000;

/**
 * Line breaks of YAML 1.1 that the `yaml` lexer reads as text: a lone CR (an old Mac line end, or a stray one among
 * mixed line ends), NEL (U+0085), LS (U+2028) and PS (U+2029). go-yaml v2, which kubectl uses, breaks the line at
 * each of them, so `# note\rprivileged: true` or `# note\u2028privileged: true` would otherwise be one comment here
 * and a field on the cluster. The lexer (and the document split in split-documents.ts) reads each as LF: same
 * length, so every offset into the original text holds. Inside a quoted scalar they stay as written (see
 * quotedScalarsAsWritten): read as characters there, as go-yaml reads LS and PS (it folds a NEL into a space: a
 * difference in a message's text at most).
 *
 * A BOM at the start of the line after a `---` line is read as a line break too: files saved with a BOM and joined
 * with `---` have one there, and kubectl, which splits the stream at those lines, drops it as it drops the BOM of a
 * file; the `yaml` lexer would read it as part of the first key (`\uFEFFapiVersion`) and lose the object.
 */
const ODD_TEXT = /[\r\u0085\u2028\u2029\uFEFF]/;
const ODD_BREAK = /\r(?!\n)|[\u0085\u2028\u2029]/g;
const BOM_AFTER_MARKER = /^(---(?:[ \t\r][^\n]*)?\n)\uFEFF/gm;

export function lexableText(text: string): string {
  if (!ODD_TEXT.test(text)) return text;
  const breaks = text.replace(ODD_BREAK, '\n');
  const lexable = breaks.replace(BOM_AFTER_MARKER, '$1\n');
  return breaks === text ? lexable : quotedScalarsAsWritten(text, lexable);
}

/**
 * The text with its quoted scalars as written: go-yaml folds a line break inside quotes whatever the next line's
 * indentation, where the yaml package would end the scalar there and report the rest (`name: "a<LS>b"` is a
 * one-line string to both once LS stays a character there). The lexemes of the mapped text tell where a quoted
 * scalar starts; its closing quote is looked for in the text.
 */
function quotedScalarsAsWritten(text: string, mapped: string): string {
  const pieces: string[] = [];
  let copied = 0;
  let offset = 0;
  let scalarText = false;
  for (const lexeme of new Lexer().lex(mapped)) {
    const first = lexeme.charCodeAt(0);
    if (!scalarText && offset >= copied && (first === DOUBLE_QUOTE || first === SINGLE_QUOTE)) {
      const end = closingQuote(text, offset);
      if (mapped.slice(offset, end) !== text.slice(offset, end)) {
        pieces.push(mapped.slice(copied, offset), text.slice(offset, end));
        copied = end;
      }
    }
    // Control lexemes have no text; the one after a scalar marker is scalar text, whatever it starts with.
    scalarText = lexeme === CST.SCALAR;
    if (!scalarText && lexeme !== CST.DOCUMENT && lexeme !== CST.FLOW_END) offset += lexeme.length;
  }
  pieces.push(mapped.slice(copied));
  return pieces.join('');
}

/** The end of the quoted scalar opening at `start` (after its closing quote), or of the text when it is not closed. */
function closingQuote(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === DOUBLE_QUOTE && c === BACKSLASH) i++;
    else if (c === quote) {
      if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) i++;
      else return i + 1;
    }
  }
  return text.length;
}

/**
 * A text whose first character (after a BOM and blanks) is `{` is a stream of JSON values to kubectl: its decoder
 * switches to JSON there and reads one object after another (`{...}{...}`, or one per line as `jq -c` writes them),
 * where YAML sees one document with a stray flow mapping. This tells where each top-level object ends and the next
 * begins, from the lexemes: brackets count unless they are scalar text, and only blanks and comments may separate.
 * Only a text that opens like a JSON object (`{"`, or `{}`) counts: a Helm file may start with `{{ if ... }}`.
 */
const JSON_STREAM_START = /^\uFEFF?[ \t\r\n]*\{[ \t\r\n]*["}]/;
const BETWEEN_VALUES = /^(?:[ \t]*|\r?\n|#.*)$/;

class JsonValues {
  /** Open brackets of the current value, innermost last. */
  private readonly open: string[] = [];
  private ended = false;
  /** A bracket closed what it does not match, or closed nothing: not a JSON stream, read as YAML from here on. */
  private broken = false;
  private scalarText = false;

  /** Whether `lexeme` starts another top-level object after a complete one. */
  startsNext(lexeme: string): boolean {
    if (this.broken) return false;
    if (this.scalarText) {
      this.scalarText = false;
      return false;
    }
    if (lexeme === CST.SCALAR) {
      this.scalarText = true;
      if (!this.open.length) this.ended = false;
      return false;
    }
    if (lexeme === '{' || lexeme === '[') {
      const next = lexeme === '{' && !this.open.length && this.ended;
      this.open.push(lexeme);
      this.ended = false;
      return next;
    }
    if (lexeme === '}' || lexeme === ']') {
      if (this.open.pop() !== (lexeme === '}' ? '{' : '[')) this.broken = true;
      else if (!this.open.length) this.ended = true;
      return false;
    }
    if (!this.open.length && !BETWEEN_VALUES.test(lexeme)) this.ended = false;
    return false;
  }
}

/** Whether `text` is read as a stream of several JSON objects (see JsonValues). */
export function isJsonStream(text: string): boolean {
  if (!JSON_STREAM_START.test(text)) return false;
  const values = new JsonValues();
  for (const lexeme of new Lexer().lex(lexableText(text))) if (values.startsNext(lexeme)) return true;
  return false;
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
  const json = JSON_STREAM_START.test(text) ? new JsonValues() : undefined;

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
    let tokens: Generator<CST.Token>;
    if (json?.startsNext(lexeme)) {
      // The object so far is a document of its own; a fresh parser opens the next one where it starts.
      const ended = parser;
      parser = documentParserAt(ended.offset);
      tokens = endThenNext(ended, parser, lexeme);
    } else tokens = parser.next(lexeme);
    for (const token of tokens) {
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

/** A parser with a document open at `offset` (what the lexer's document-mode lexeme does at a stream's start). */
function documentParserAt(offset: number): Parser {
  const parser = new Parser();
  parser.offset = offset;
  for (const token of parser.next(CST.DOCUMENT)) throw new Error(`unexpected ${token.type} opening a document`);
  return parser;
}

function* endThenNext(ended: Parser, parser: Parser, lexeme: string): Generator<CST.Token> {
  yield* ended.end();
  yield* parser.next(lexeme);
}

function currentDocumentOffset(parser: Parser): number {
  const bottom = parser.stack[0];
  return bottom ? bottom.offset : parser.offset;
}

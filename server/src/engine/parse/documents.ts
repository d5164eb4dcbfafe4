/**
 * Splits a file into its `---` documents with the `yaml` package (YAML 1.1 scalars, as kubectl's decoder reads
 * them: `yes`/`on` are booleans) and finds the Kubernetes objects in each. JSON files parse the same way.
 *
 * Never throws and never hangs: the limits in `limits.ts` are applied while parsing, and a file or document that
 * cannot be analysed carries a `ParseProblem` saying why (and has no objects) instead.
 */
import { Composer, Document, Schema } from 'yaml';
import type { ScalarTag, Tags } from 'yaml';
import type { Span } from '../types';
import { IndexedNodeReader, scanAliases } from './aliases';
import { formatSize, Limits, resolveLimits, utf8Length } from './limits';
import { findObjects, K8sObject } from './objects';
import { NodeReader } from './nodes';
import { aliasCycle, aliasExpansion, binaryFile, fileTooLarge, internalError, ParseProblem, parsingStopped, tooDeep } from './problems';
import { DocumentScan, guardedTokens, StreamScan } from './token-stream';
import './yaml-node-types';

export type { ParseProblem } from './problems';
export type { Limits } from './limits';

export interface SyntaxProblem {
  message: string;
  span: Span;
}

export interface ManifestDocument {
  index: number;
  /** The document's extent in the file, from its first byte (or `---`) to its end. */
  span: Span;
  doc: Document.Parsed;
  reader: NodeReader;
  /** The first syntax errors (at most `maxSyntaxErrors`); `errorCount` has the total. */
  errors: SyntaxProblem[];
  objects: K8sObject[];
  /** All syntax errors of the document, including those not kept in `errors`. */
  errorCount?: number;
  /** Why the document was not analysed (alias bomb, too deep, internal error); it then has no objects. */
  problems?: ParseProblem[];
}

export interface ParsedManifest {
  text: string;
  documents: ManifestDocument[];
  /** Why the file was not (fully) analysed: too large, binary, parsing stopped at a limit, internal error. */
  problems?: ParseProblem[];
  /** Lexical tokens read (what the budget of `limits.maxTokens` counts); absent when the text was not parsed. */
  tokens?: number;
}

export interface ParseOptions {
  /** Overrides of the defaults in `limits.ts` (the server passes `podsec.maxFileSize` here). */
  limits?: Partial<Limits>;
}

const YAML_OPTIONS = { version: '1.1', merge: true, prettyErrors: false, uniqueKeys: false, strict: false, customTags: withPlainStringGate } as const;

/**
 * A plain scalar such as `nginx` or `containers` is tested against every YAML 1.1 scalar pattern (null, booleans,
 * five kinds of integer, three of float, sexagesimals, timestamps) before it falls back to a string: about a tenth
 * of the parse. Each of those patterns needs its scalar to start with `~`, a digit, a sign, `.`, `<`, an exponent
 * (`e5` is a float to yaml), or a letter of `null`, `yes`/`no`, `true`/`false`, `on`/`off` followed by the next
 * letter of that word. A scalar starting otherwise is a string: this copy of the string tag, tried first, says so
 * with one test. In every other respect it is the string tag (what it resolves is the same Scalar, and it is
 * stringified and chosen by name as the string tag is); it is never chosen to write a value.
 */
const CANNOT_BE_ANYTHING_BUT_A_STRING = /^(?:[^~NnYyOoTtFfEe0-9+.<-]|[Nn][^uUoO]|[Yy][^eE]|[Tt][^rR]|[Ff][^aA]|[Oo][^nNfF]|[Ee][^-+0-9])/;
const STRING_TAG = 'tag:yaml.org,2002:str';

function withPlainStringGate(tags: Tags): Tags {
  const string = tags.find((t) => typeof t === 'object' && t.tag === STRING_TAG && !('test' in t && t.test));
  // Without `identify`: when yaml writes a value it picks among the tags that identify it, and this copy would win
  // over the merge tag for a string `<<` (written quoted, where yaml writes it plain).
  return string && typeof string === 'object' ? [{ ...string, identify: undefined, test: CANNOT_BE_ANYTHING_BUT_A_STRING } as ScalarTag, ...tags] : tags;
}

/**
 * One schema for all documents: building one per document (copying and checking its list of tags) cost more than
 * the scalars of a small document. Built as yaml builds it for a YAML 1.1 document. A `%YAML` directive chooses a
 * document's schema, so a text that has one is parsed as before, a schema per document.
 */
const SHARED_SCHEMA_OPTIONS = { ...YAML_OPTIONS, schema: new Schema({ ...YAML_OPTIONS, resolveKnownTags: false, schema: 'yaml-1.1' }) };

function composerOptions(text: string) {
  return text.includes('%YAML') ? YAML_OPTIONS : SHARED_SCHEMA_OPTIONS;
}

export function parseManifest(text: string, options: ParseOptions = {}): ParsedManifest {
  const limits = resolveLimits(options.limits);
  const size = utf8Length(text);
  if (size > limits.maxFileSize) return { text, documents: [], problems: [fileTooLarge(formatSize(size), formatSize(limits.maxFileSize))] };
  if (text.includes('\0')) return { text, documents: [], problems: [binaryFile()] };
  try {
    return parseStream(text, limits);
  } catch (error) {
    return { text, documents: [], problems: [internalError({ start: 0, end: 0 }, error, 'file')] };
  }
}

function parseStream(text: string, limits: Limits): ParsedManifest {
  const scan: StreamScan = { documents: new Map(), tokens: 0 };
  const composed = withoutStackTraces(() => Array.from(new Composer(composerOptions(text)).compose(guardedTokens(text, limits, scan))));
  const documents = composed.map((doc, index) => toManifestDocument(text, doc, index, scan.documents.get(doc.range[0]), limits));
  const problems: ParseProblem[] = [];
  if (scan.stopped) {
    const what = scan.stopped.reason === 'tokens' ? 'YAML tokens' : 'documents';
    problems.push(parsingStopped(scan.stopped.offset, what, scan.stopped.reason === 'tokens' ? limits.maxTokens : limits.maxDocuments));
  }
  return { text, documents, problems, tokens: scan.tokens };
}

function toManifestDocument(text: string, doc: Document.Parsed, index: number, scan: DocumentScan | undefined, limits: Limits): ManifestDocument {
  const r = doc.range;
  const base = { index, doc, reader: new NodeReader(doc), errors: [] as SyntaxProblem[], errorCount: 0, objects: [] as K8sObject[] };
  if (scan?.tooDeepAt !== undefined) {
    // A stand-in: the document's text was skipped, so its composed range is empty.
    const span = { start: r[0], end: scan.skippedUntil ?? r[2] };
    return { ...base, span, problems: [tooDeep(scan.tooDeepAt, limits.maxNestingDepth, text.length)] };
  }
  const span = { start: r[0], end: r[2] };
  const problems: ParseProblem[] = [];
  try {
    const errors: SyntaxProblem[] = doc.errors.map((e) => ({ message: firstLine(e.message), span: clampSpan(e.pos[0], e.pos[1], text.length) }));
    let reader = base.reader;
    // Without a scan (never expected) the alias check runs anyway: it is the safe side.
    if (scan?.hasAlias ?? true) {
      const aliases = scanAliases(doc, limits.maxAliasNodes);
      if (aliases.exceeded) {
        const { alias, span: at, cycle } = aliases.exceeded;
        problems.push(cycle ? aliasCycle(at, alias.source) : aliasExpansion(at, alias.source, limits.maxAliasNodes));
      }
      if (aliases.unresolved.length) {
        for (const a of aliases.unresolved) {
          const s = a.range ? clampSpan(a.range[0], a.range[1], text.length) : span;
          errors.push({ message: `Unresolved alias (the anchor must be set before the alias): ${a.source}`, span: s });
        }
        errors.sort((a, b) => a.span.start - b.span.start);
      }
      if (aliases.targets.size) reader = new IndexedNodeReader(doc, aliases.targets);
    }
    const kept = errors.slice(0, limits.maxSyntaxErrors);
    const objects = errors.length || problems.length ? [] : findObjects(reader, doc.contents, index);
    return { ...base, span, reader, errors: kept, errorCount: errors.length, objects, problems };
  } catch (error) {
    return { ...base, span, problems: [internalError(clampSpan(r[0], r[0], text.length), error, 'document')] };
  }
}

/**
 * Runs `f` with stack capture off: the composer makes an Error object per syntax error, and a file of a million
 * stray `]` or `"` is a million of them; their stacks are never read, but capturing them tripled the time and memory.
 */
function withoutStackTraces<T>(f: () => T): T {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    Error.stackTraceLimit = saved;
  }
}

function clampSpan(start: number, end: number, length: number): Span {
  const s = Math.min(Math.max(0, start), length);
  return { start: s, end: Math.min(Math.max(s, end), length) };
}

function firstLine(message: string): string {
  const i = message.indexOf('\n');
  return i < 0 ? message : message.slice(0, i);
}

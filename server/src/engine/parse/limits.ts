/**
 * Every limit that keeps the engine fast and alive on hostile or absurd input, in one place. Each limit, when hit,
 * becomes one clear finding (see `ParseProblem`) instead of a crash, a hang or thousands of diagnostics:
 *
 * | limit                     | default   | when exceeded                                          | finding          |
 * |---------------------------|-----------|--------------------------------------------------------|------------------|
 * | maxFileSize (UTF-8 bytes) | 5 MB      | the file is not parsed at all                          | fileTooLarge     |
 * | NUL character in the text | -         | the file is binary (or UTF-16 without BOM): not parsed | binaryFile       |
 * | maxTokens                 | 1,000,000 | parsing stops; earlier documents are analysed          | fileTooLarge     |
 * | maxDocuments              | 10,000    | parsing stops; earlier documents are analysed          | fileTooLarge     |
 * | maxNestingDepth           | 256       | that document is skipped, the others are analysed      | yamlTooDeep      |
 * | maxAliasNodes             | 100,000   | that document is not analysed (alias bomb, or a cycle) | yamlAliasLimit   |
 * | maxSyntaxErrors           | 10        | further syntax errors of that document are dropped     | (none)           |
 *
 * Why these numbers (measured with `yaml` 2.9.1, Node 20):
 * - The `yaml` composer recurses once per nesting level and overflows the stack at about 750 levels; near the
 *   stack limit V8 may even abort the whole process (a fatal "RegExpCompiler Allocation failed" when a regexp is
 *   compiled there), which no try/catch can stop. So too-deep documents are never handed to the composer; 256 keeps
 *   a wide margin, and real manifests (even large CRD schemas) stay far below 100 levels.
 * - Parsing costs roughly 0.5-1.5 µs per lexical token, whatever the bytes: a megabyte of blank lines is a million
 *   tokens. Counting tokens bounds the time of every input (about a second at the limit on a quiet machine); a
 *   typical manifest has about 7 tokens per line, so the limit is about 140,000 lines (3.5 MB).
 * - Each document costs about 1 KB even when empty, so a file of `---` lines is capped by document count.
 * - `maxAliasNodes` bounds how many nodes aliases and merge keys add when expanded; rules read through aliases, and
 *   `kubectl` itself rejects such documents ("excessive aliasing").
 */
export interface Limits {
  /** Files larger than this many UTF-8 bytes are not analysed (the server's `podsec.maxFileSize`). */
  maxFileSize: number;
  /** Lexical tokens read from one file before parsing stops. */
  maxTokens: number;
  /** Documents read from one file before parsing stops. */
  maxDocuments: number;
  /** Collections nested in one another in one document. */
  maxNestingDepth: number;
  /** Nodes that alias expansion (aliases and merge keys, followed recursively) may add to one document. */
  maxAliasNodes: number;
  /** Syntax errors kept per document; the first ones are the useful ones. */
  maxSyntaxErrors: number;
}

/** The language server's `podsec.maxFileSize` default too, so the editor and the CLI agree. */
export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  maxTokens: 1_000_000,
  maxDocuments: 10_000,
  maxNestingDepth: 256,
  maxAliasNodes: 100_000,
  maxSyntaxErrors: 10,
});

/** Above this the composer's recursion comes too near the stack limit (see above), whatever is configured. */
const SAFE_NESTING_DEPTH = 400;

/** The limits in force: defaults, with any given value that is a non-negative number (NaN and junk are ignored). */
export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  if (!overrides) return out;
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const v = overrides[key];
    if (typeof v === 'number' && v >= 0) out[key] = v;
  }
  out.maxNestingDepth = Math.min(out.maxNestingDepth, SAFE_NESTING_DEPTH);
  return out;
}

/** Size in UTF-8 bytes, as the file has on disk (Node's native count: ~10 ms for 20 MB). */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** `5 MB`, `20.5 MB`, `900 KB` (decimal units, as file managers show them). */
export function formatSize(bytes: number): string {
  if (bytes >= 1e6) return `${Number.isInteger(bytes / 1e6) ? bytes / 1e6 : (bytes / 1e6).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1e3)} KB`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

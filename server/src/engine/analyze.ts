/**
 * The engine's front door: parse a file and return every finding in it (syntax problems, limits hit, and rule
 * violations). Pure: text and options in, findings out; no file system, no editor.
 *
 * Never throws on any input: parsing reports its own limits (parse/limits.ts), a document whose analysis fails
 * gets one `internalError` finding while the other documents are still analysed, and a failing rule is reported
 * through `onRuleError` once per rule and file, as a `RuleFailure` (checkPod already keeps it from stopping the
 * other rules).
 */
import { parseManifest, ManifestDocument, ParsedManifest, ParseOptions } from './parse/documents';
import { evaluateDocument, EvaluateOptions } from './evaluate';
import { errorMessage, internalError, ParseProblem } from './parse/problems';
import { isTemplateDocument } from './parse/template-actions';
import type { Finding } from './types';

export interface AnalyzeResult {
  parsed: ParsedManifest;
  findings: Finding[];
}

export interface AnalyzeOptions extends EvaluateOptions, ParseOptions {}

export function analyzeText(text: string, options: AnalyzeOptions): AnalyzeResult {
  const parsed = parseManifest(text, options);
  return { parsed, findings: analyzeParsed(parsed, options) };
}

export function analyzeParsed(parsed: ParsedManifest, options: EvaluateOptions): Finding[] {
  const findings = [...problemFindings(parsed), ...syntaxFindings(parsed), ...ruleFindings(parsed, options)];
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}

/**
 * What `onRuleError` receives: the rule's own error, with the rule and the document it failed on. Its message and
 * stack are the rule's own (logs show where the rule broke); the original is also its `cause`.
 */
export class RuleFailure extends Error {
  constructor(readonly ruleId: string, readonly documentIndex: number, cause: unknown) {
    super(errorMessage(cause), { cause });
    this.name = 'RuleFailure';
    if (cause instanceof Error && cause.stack) this.stack = cause.stack;
  }
}

/** An error thrown by the caller's own `onRuleError` (tests use that to fail loudly): passed through, not hidden. */
class CallbackError {
  constructor(readonly error: unknown) {}
}

function ruleFindings(parsed: ParsedManifest, options: EvaluateOptions): Finding[] {
  const failed = new Set<string>();
  const out: Finding[] = [];
  for (const doc of parsed.documents) {
    const onRuleError = options.onRuleError && ((ruleId: string, error: unknown) => {
      if (failed.has(ruleId)) return;
      failed.add(ruleId);
      try {
        options.onRuleError!(ruleId, new RuleFailure(ruleId, doc.index, error));
      } catch (e) {
        throw new CallbackError(e);
      }
    });
    try {
      out.push(...evaluateDocument(doc, { ...options, onRuleError }));
    } catch (error) {
      if (error instanceof CallbackError) throw error.error;
      out.push(toFinding(internalError({ start: doc.span.start, end: doc.span.start }, error, 'document'), doc.index));
    }
  }
  return out;
}

/** Findings for what parsing could not analyse: the file's problems, then each document's. */
export function problemFindings(parsed: ParsedManifest): Finding[] {
  const out: Finding[] = [];
  // A file-level problem belongs to the document it stops at (the first one not analysed).
  for (const p of parsed.problems ?? []) out.push(toFinding(p, documentAt(parsed.documents, p.span.start)));
  for (const d of parsed.documents) for (const p of d.problems ?? []) out.push(toFinding(p, d.index));
  return out;
}

function documentAt(documents: ManifestDocument[], offset: number): number {
  let i = 0;
  while (i < documents.length && documents[i].span.end <= offset) i++;
  return i;
}

function toFinding(p: ParseProblem, documentIndex: number): Finding {
  return { ruleId: p.ruleId, category: 'syntax', severity: p.severity, message: p.message, span: p.span, documentIndex };
}

// Line-anchored with no `\s*` (which spans newlines and would backtrack quadratically over blank lines).
const LOOKS_LIKE_KUBERNETES = /^[ \t{]*["']?(?:apiVersion|kind)["']?[ \t]*:/m;

/**
 * YAML syntax errors, as `yamlSyntax` findings. Only where the file is
 * meant to be a Kubernetes manifest (some object was found, or the broken document names `apiVersion`/`kind`);
 * never in a Helm template document, whose `{{ }}` actions are not YAML (each document decides for itself, see
 * parse/template-actions.ts: a `{{` in one alert's text does not hide another document's errors).
 */
export function syntaxFindings(parsed: ParsedManifest): Finding[] {
  const anyObject = parsed.documents.some((d) => d.objects.length > 0);
  const out: Finding[] = [];
  for (const d of parsed.documents) {
    if (!d.errors.length || isTemplateDocument(parsed.text, d)) continue;
    if (!anyObject && !LOOKS_LIKE_KUBERNETES.test(parsed.text.slice(d.span.start, d.span.end))) continue;
    // `errors` is already cut to the first few (parseManifest keeps at most `maxSyntaxErrors` per document).
    for (const e of d.errors) {
      out.push({ ruleId: 'yamlSyntax', category: 'syntax', severity: 'error', message: e.message, span: e.span, documentIndex: d.index });
    }
  }
  return out;
}

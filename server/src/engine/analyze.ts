/**
 * The engine's front door: parse a file and return every finding in it (syntax problems and rule violations).
 * Pure: text and options in, findings out; no file system, no editor.
 */
import { parseManifest, ParsedManifest } from './parse/documents';
import { evaluateManifest, EvaluateOptions } from './evaluate';
import type { Finding } from './types';

export interface AnalyzeResult {
  parsed: ParsedManifest;
  findings: Finding[];
}

export function analyzeText(text: string, options: EvaluateOptions): AnalyzeResult {
  const parsed = parseManifest(text);
  return { parsed, findings: analyzeParsed(parsed, options) };
}

export function analyzeParsed(parsed: ParsedManifest, options: EvaluateOptions): Finding[] {
  const findings = [...syntaxFindings(parsed), ...evaluateManifest(parsed, options)];
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}

const TEMPLATE_ACTION = /\{\{/;
const LOOKS_LIKE_KUBERNETES = /^\s*(apiVersion|kind)\s*:/m;

/**
 * YAML syntax errors, as `yamlSyntax` findings. Only where the file is meant to be a Kubernetes manifest (some
 * object was found, or the broken document names `apiVersion`/`kind`); never for Helm templates, whose `{{ }}`
 * actions are not YAML.
 */
export function syntaxFindings(parsed: ParsedManifest): Finding[] {
  if (TEMPLATE_ACTION.test(parsed.text)) return [];
  const anyObject = parsed.documents.some((d) => d.objects.length > 0);
  const out: Finding[] = [];
  for (const d of parsed.documents) {
    if (!d.errors.length) continue;
    if (!anyObject && !LOOKS_LIKE_KUBERNETES.test(parsed.text.slice(d.span.start, d.span.end))) continue;
    for (const e of d.errors) {
      out.push({ ruleId: 'yamlSyntax', category: 'syntax', severity: 'error', message: e.message, span: e.span, documentIndex: d.index });
    }
  }
  return out;
}

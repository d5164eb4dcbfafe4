/**
 * The one place where engine findings become LSP diagnostics (offsets -> positions, severity, code, docs link).
 *
 * @example
 * // finding { ruleId: 'privileged', severity: 'error', message: 'privileged (container "app" must not set ...)', span }
 * // -> { source: 'podsec', code: 'privileged', severity: Error, codeDescription: { href: '...#baseline' },
 * //      message: 'privileged (container "app" must not set ...)', data: { ruleId: 'privileged' }, range }
 */
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pssRule } from '../engine';
import type { Finding, Severity } from '../engine';

export const SOURCE = 'podsec';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What code actions get back in `diagnostic.data`. */
export interface DiagnosticData {
  ruleId: string;
}

export function toDiagnostic(finding: Finding, document: TextDocument, offset = 0): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: document.positionAt(finding.span.start + offset), end: document.positionAt(finding.span.end + offset) },
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    message: finding.note ? `${finding.message}\n${finding.note}` : finding.message,
    data: { ruleId: finding.ruleId } satisfies DiagnosticData,
  };
  const href = pssRule(finding.ruleId)?.docs.url;
  if (href) diagnostic.codeDescription = { href };
  if (finding.tags?.includes('unnecessary')) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function toDiagnostics(findings: readonly Finding[], document: TextDocument): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, document));
}

/** The same diagnostic `lines` lines further down (its characters do not move). */
export function movedDown(diagnostic: Diagnostic, lines: number): Diagnostic {
  const { start, end } = diagnostic.range;
  return { ...diagnostic, range: { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } } };
}

/** A diagnostic about the file as a whole (not analysed, analysis failed), at its very start. */
export function fileDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message,
  };
}

/**
 * `textDocument/hover`: the engine's hover Markdown at the cursor, from the analysed text: the field's Pod Security
 * rules, and the rules of the published findings under the cursor (see engine/hover-findings.ts). Computed on the
 * `---` documents the cursor is in, parsed alone.
 */
import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import { hoverWithFindings } from '../engine/hover-findings';
import type { Checker } from './checker';
import { partAt, partsOf, toPartFinding } from './document-state';

export async function provideHover(params: HoverParams, checker: Checker, onError: (error: unknown) => void): Promise<Hover | null> {
  const state = (await checker.check(params.textDocument.uri))?.state;
  if (!state) return null;
  try {
    const doc = state.document;
    const offset = doc.offsetAt(params.position);
    const { part, parsed } = partAt(partsOf(state), offset);
    const findings = state.findings
      .filter((f) => f.span.start >= part.start && f.span.end <= part.end)
      .map((f) => toPartFinding(f, part));
    const result = hoverWithFindings({ parsed: parsed(), offset: offset - part.start, policyFor: state.policyFor, findings });
    if (!result) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: result.markdown },
      range: { start: doc.positionAt(result.span.start + part.start), end: doc.positionAt(result.span.end + part.start) },
    };
  } catch (error) {
    onError(error);
    return null;
  }
}

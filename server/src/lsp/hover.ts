/** `textDocument/hover`: the engine's hover Markdown for the analysed text at the cursor. */
import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import { hoverAt } from '../engine/hover';
import type { Checker } from './checker';

export async function provideHover(params: HoverParams, checker: Checker, onError: (error: unknown) => void): Promise<Hover | null> {
  const state = (await checker.check(params.textDocument.uri))?.state;
  if (!state) return null;
  try {
    const doc = state.document;
    const result = hoverAt({ parsed: state.parsed, offset: doc.offsetAt(params.position), policyFor: state.policyFor });
    if (!result) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: result.markdown },
      range: { start: doc.positionAt(result.span.start), end: doc.positionAt(result.span.end) },
    };
  } catch (error) {
    onError(error);
    return null;
  }
}

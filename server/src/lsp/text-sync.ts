/**
 * How open documents take `didOpen` and `didChange`: vscode-languageserver-textdocument's TextDocument, with each
 * change's range clamped to the text it applies to first.
 *
 * The library applies a range change to its line table with the line numbers the client sent: a range past the last
 * line (or with a negative or fractional line) leaves holes and NaNs in the table, and the next edit that names one of
 * those lines garbles the text. So each change is turned into offsets (which clamp: a line past the end is the end of
 * the text, a character past a line's end is the line's end, reversed ends are swapped) and back into positions that
 * exist. A malformed change (no text, a range without numbers) is skipped and reported, never half-applied; the
 * document still takes the message's version, so what is published is for the version the client has.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { Position, TextDocument } from 'vscode-languageserver-textdocument';

export function textDocumentSync(onMalformed: (uri: string, skipped: number) => void): TextDocumentsConfiguration<TextDocument> {
  return {
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, typeof content === 'string' ? content : ''),
    update(document, changes, version) {
      let skipped = 0;
      for (const change of Array.isArray(changes) ? changes : []) {
        // Each change applies to the text the changes before it left: clamp it against that text.
        const clean = clampedChange(document, change);
        if (clean) TextDocument.update(document, [clean], version);
        else skipped++;
      }
      TextDocument.update(document, [], version);
      if (skipped) onMalformed(document.uri, skipped);
      return document;
    },
  };
}

/** The change with a range that exists in `document` (start before end); undefined when it is malformed. */
export function clampedChange(document: TextDocument, change: unknown): TextDocumentContentChangeEvent | undefined {
  if (typeof change !== 'object' || change === null) return undefined;
  const { text, range } = change as { text?: unknown; range?: unknown };
  if (typeof text !== 'string') return undefined;
  if (range === undefined || range === null) return { text };
  const { start, end } = range as { start?: unknown; end?: unknown };
  const a = position(start);
  const b = position(end);
  if (!a || !b) return undefined;
  const from = document.offsetAt(a);
  const to = document.offsetAt(b);
  return { range: { start: document.positionAt(Math.min(from, to)), end: document.positionAt(Math.max(from, to)) }, text };
}

function position(value: unknown): Position | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { line, character } = value as { line?: unknown; character?: unknown };
  if (typeof line !== 'number' || typeof character !== 'number' || Number.isNaN(line) || Number.isNaN(character)) return undefined;
  return { line: Math.floor(line), character: Math.floor(character) };
}

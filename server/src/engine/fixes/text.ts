/**
 * Line arithmetic on raw text, used to place inserted and removed lines exactly. A line ends where the parser's
 * does (parse/token-stream.ts, lexableText): at LF, CRLF, a lone CR, NEL, LS or PS; a removal that knew only LF and
 * CR would take the next line along.
 */

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
}

/** Offset of the first character of the line containing `offset`. */
export function lineStart(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && !isBreak(text[i - 1])) i--;
  return i;
}

/** Offset of the line break (`\n`, or the `\r` of `\r\n`) ending the line containing `offset`, or the text's end. */
export function lineEnd(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length && !isBreak(text[i])) i++;
  return i;
}

/** Offset just after the line break ending the line containing `offset` (the next line's start). */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEnd(text, offset);
  if (text.startsWith('\r\n', end)) return end + 2;
  return end < text.length ? end + 1 : end;
}

/** The column of `offset` in its line (0-based, in characters). */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The leading whitespace of the line containing `offset`. */
export function indentationOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(start, i);
}

/** True when only spaces (or tabs) stand between the line start and `offset`. */
export function onlySpaceBefore(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** Moves back from `offset` over whitespace and line breaks (not over comments). */
export function skipSpaceBack(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

/** The line break the text uses (the first one found: `\r\n`, `\n`, a lone `\r`, NEL, LS or PS), `\n` when there is none. */
export function eolOf(text: string): string {
  return /\r\n?|[\n\u0085\u2028\u2029]/.exec(text)?.[0] ?? '\n';
}

export function isLineStart(text: string, offset: number): boolean {
  return offset === 0 || isBreak(text[offset - 1]);
}

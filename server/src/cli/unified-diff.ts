/** A unified diff (`diff -u` style, 3 lines of context) between two texts, for `podsec fix --dry-run`. */
import { diffLines, splitLines } from '../engine';

const CONTEXT = 3;

export function unifiedDiff(before: string, after: string, oldName: string, newName: string): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const hunks = diffLines(a, b);
  if (!hunks.length) return '';
  // Hunks closer than twice the context are printed together.
  const groups: (typeof hunks)[] = [];
  for (const h of hunks) {
    const last = groups[groups.length - 1];
    if (last && h.aStart - last[last.length - 1].aEnd <= 2 * CONTEXT) last.push(h);
    else groups.push([h]);
  }
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  for (const group of groups) {
    const first = group[0];
    const last = group[group.length - 1];
    const aFrom = Math.max(0, first.aStart - CONTEXT);
    const aTo = Math.min(a.length, last.aEnd + CONTEXT);
    const bFrom = first.bStart - (first.aStart - aFrom);
    const bTo = last.bEnd + (aTo - last.aEnd);
    out += `@@ -${range(aFrom, aTo - aFrom)} +${range(bFrom, bTo - bFrom)} @@\n`;
    let i = aFrom;
    for (const h of group) {
      for (; i < h.aStart; i++) out += line(' ', a[i]);
      for (let k = h.aStart; k < h.aEnd; k++) out += line('-', a[k]);
      for (let k = h.bStart; k < h.bEnd; k++) out += line('+', b[k]);
      i = h.aEnd;
    }
    for (; i < aTo; i++) out += line(' ', a[i]);
  }
  return out;
}

/** `start,count` with 1-based start; an empty range names the line before it, as diff does. */
function range(start: number, count: number): string {
  if (count === 0) return `${start},0`;
  return count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

function line(prefix: string, text: string): string {
  const body = text.replace(/\r?\n$|\r$/, '');
  const eol = text.slice(body.length);
  // The line's own break is kept (so CRLF shows as CRLF); a last line without one is marked the way diff marks it.
  return eol ? `${prefix}${body}${eol.endsWith('\n') ? eol : `${eol}\n`}` : `${prefix}${body}\n\\ No newline at end of file\n`;
}

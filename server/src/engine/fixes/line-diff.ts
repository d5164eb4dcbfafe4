/**
 * A line diff (Myers' O(ND) algorithm) between two texts, used to express a whole fix-all as the smallest set of
 * line replacements against the original text, and by the CLI for `--dry-run` output. Lines keep their line
 * breaks, so a CRLF file diffs as CRLF and untouched lines stay byte-identical.
 */
import type { TextEdit } from './types';

/** Lines `aStart..aEnd` (exclusive) of the old text became lines `bStart..bEnd` of the new one. */
export interface LineHunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Beyond this many differing lines the middle is reported as one replaced block (still correct, less minimal). */
const MAX_EDIT_DISTANCE = 4000;

export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

export function diffLines(a: readonly string[], b: readonly string[]): LineHunk[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const aMid = a.slice(prefix, a.length - suffix);
  const bMid = b.slice(prefix, b.length - suffix);
  if (!aMid.length && !bMid.length) return [];
  const ops = myers(aMid, bMid);
  const hunks: LineHunk[] = [];
  let i = 0;
  let j = 0;
  let open: LineHunk | undefined;
  for (const op of ops) {
    if (op === '=') {
      if (open) hunks.push(open);
      open = undefined;
      i++;
      j++;
      continue;
    }
    open ??= { aStart: prefix + i, aEnd: prefix + i, bStart: prefix + j, bEnd: prefix + j };
    if (op === '-') open.aEnd = prefix + ++i;
    else open.bEnd = prefix + ++j;
  }
  if (open) hunks.push(open);
  return hunks;
}

type Op = '=' | '-' | '+';

/** The edit script from `a` to `b`: `=` keep, `-` delete from a, `+` insert from b. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= Math.min(max, MAX_EDIT_DISTANCE) && !found; d++) {
    trace.push(v.slice());
    const next = v;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  if (!found) return [...a.map((): Op => '-'), ...b.map((): Op => '+')];
  // Walk back through the saved frontiers.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && prev[offset + k - 1] < prev[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = prev[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('=');
      x--;
      y--;
    }
    if (x === prevX) {
      ops.push('+');
      y--;
    } else {
      ops.push('-');
      x--;
    }
  }
  while (x > 0 && y > 0) {
    ops.push('=');
    x--;
    y--;
  }
  return ops.reverse();
}

/** The change from `before` to `after` as whole-line replacements against `before`. */
export function lineDiffEdits(before: string, after: string): TextEdit[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const starts = [0];
  for (const line of a) starts.push(starts[starts.length - 1] + line.length);
  return diffLines(a, b).map((h) => ({
    span: { start: starts[h.aStart], end: starts[h.aEnd] },
    newText: b.slice(h.bStart, h.bEnd).join(''),
  }));
}

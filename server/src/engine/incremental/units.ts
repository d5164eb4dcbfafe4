/**
 * Which runs of `---` slices are parsed together. A slice parses alone exactly as it does inside the whole stream
 * when the documents on both sides of its boundaries are well formed. Next to a broken document the `yaml` parser
 * carries state over the boundary (an unterminated quote or flow collection stops at the marker; stray `]` or `}`
 * after a `...` join the next document, their errors the previous one), so slices meeting at such a boundary are
 * parsed as one unit.
 *
 * A boundary is clean when the slices on both sides, each parsed alone, are not broken there (a merged parse may
 * report an error on another document than the one that causes it), and the unit before it, parsed as a whole, does
 * not end broken: a quote that is never closed runs on to the next closing quote in the text, however far. Such a
 * unit grows by doubling, so that a quote left open at the top of a long file costs a few parses, not one per slice.
 *
 * Units can come from a cache: `reuse` offers an earlier unit whose text is the same as now, with the edges it was
 * judged by.
 */
import type { ParsedManifest } from '../parse/documents';
import type { Span } from '../types';

/** Whether the first and the last document of a slice parsed alone are broken (errors, or not analysed). */
export interface BrokenEnds {
  first: boolean;
  last: boolean;
}

export interface UnitSource<U> {
  /** A cached unit starting at `start` whose text is the same as now, and where it ends. */
  reuse(start: number): { end: number; unit: U } | undefined;
  /** Parses `[start, end)` alone and tells its broken ends (the source may keep that parse for `make`). */
  probe(span: Span): BrokenEnds;
  /** Parses and evaluates `[start, end)`; `before` are the units planned before it, `edges` its slices' ends. */
  make(start: number, end: number, before: readonly PlannedUnit<U>[], edges: BrokenEnds): U;
  /** The edges a unit was made with. */
  edges(unit: U): BrokenEnds;
}

export interface PlannedUnit<U> extends Span {
  unit: U;
  reused: boolean;
}

export function planUnits<U>(slices: readonly Span[], source: UnitSource<U>): PlannedUnit<U>[] {
  const out: PlannedUnit<U>[] = [];
  const sliceEndingAt = new Map<number, number>(slices.map((s, i) => [s.end, i]));
  const probes = new Map<number, BrokenEnds>();
  const probe = (k: number): BrokenEnds => {
    let p = probes.get(k);
    if (!p) probes.set(k, (p = source.probe(slices[k])));
    return p;
  };
  const cachedAt = new Map<number, { end: number; unit: U; last: number } | null>();
  const cached = (k: number) => {
    let c = cachedAt.get(k);
    if (c === undefined) {
      const found = source.reuse(slices[k].start);
      const last = found && sliceEndingAt.get(found.end);
      c = found && last !== undefined && last >= k ? { end: found.end, unit: found.unit, last } : null;
      cachedAt.set(k, c);
    }
    return c ?? undefined;
  };
  const firstBroken = (k: number): boolean => {
    const c = cached(k);
    return c ? source.edges(c.unit).first : probe(k).first;
  };

  let i = 0;
  while (i < slices.length) {
    // A cached unit fits when both its boundaries are clean now.
    const c = cached(i);
    if (c) {
      const edges = source.edges(c.unit);
      const next = c.last + 1;
      const clean = (!edges.first || i === 0) && (next >= slices.length || (!edges.last && !firstBroken(next)));
      if (clean) {
        out.push({ start: slices[i].start, end: c.end, unit: c.unit, reused: true });
        i = next;
        continue;
      }
    }
    // Otherwise a new unit: this slice and the following ones until a clean boundary.
    let j = i;
    let mergedLast = false;
    for (;;) {
      while (j + 1 < slices.length && (probe(j).last || firstBroken(j + 1))) j++;
      if (j === i || j + 1 >= slices.length) break;
      mergedLast = source.probe({ start: slices[i].start, end: slices[j].end }).last;
      if (!mergedLast) break;
      j = Math.min(slices.length - 1, 2 * j - i + 1);
    }
    const start = slices[i].start;
    const end = slices[j].end;
    const edges = { first: probe(i).first, last: probe(j).last || mergedLast };
    out.push({ start, end, unit: source.make(start, end, out, edges), reused: false });
    i = j + 1;
  }
  return out;
}

/** Broken ends of a parse: a document with syntax errors or parse problems, or a problem of the whole text. */
export function brokenEnds(parsed: ParsedManifest): BrokenEnds {
  const docs = parsed.documents;
  const isBroken = (i: number) => {
    const d = docs[i];
    return !!d && ((d.errorCount ?? d.errors.length) > 0 || !!d.problems?.length);
  };
  const whole = !!parsed.problems?.length;
  return { first: whole || isBroken(0), last: whole || isBroken(docs.length - 1) };
}

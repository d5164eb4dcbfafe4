/**
 * A view of the workspace index for the documents of one part of a file, which records what the rules read from it,
 * so the part's findings can be kept until one of those answers changes (a Namespace's labels, a ServiceAccount in
 * another file, ...).
 *
 * Answers about the file itself are given relative to the part: a fact's `documentIndex` and `ordinal` count from
 * the part's first document and object, the same numbering the part's own objects carry when it is parsed alone.
 * Rules only compare these numbers, so the results do not depend on where the part sits in its file.
 *
 * Reads of a list are tracked element by element: a rule that looks at `workloads(ns)[0]` depends on the first
 * workload only, not on every workload added later.
 */
import type { NamespaceIndex } from '../namespace-index';

/** Where a part of a file starts: the file's name in the index, and how many documents and objects come before. */
export interface PartPlace {
  file: string;
  documents: number;
  objects: number;
}

/** One answer a part's findings depend on. */
export interface IndexDependency {
  method: string;
  args: unknown[];
  /** What was read of the answer, serialised (only the elements read of a list). */
  snapshot: string;
  /** For a list: the keys read (`length`, indexes); absent when the whole answer counts. */
  reads?: string[];
}

/** Methods that change the index: never handed to rules, never recorded. */
const WRITES = new Set(['update', 'updateFacts', 'remove', 'constructor']);

interface Recording {
  method: string;
  args: unknown[];
  value: unknown;
  reads?: Set<string>;
}

export class DependencyRecorder {
  /** The index as the part's rules and policy resolver see it. */
  readonly index: NamespaceIndex;
  private readonly recordings: Recording[] = [];

  constructor(target: NamespaceIndex, place: PartPlace) {
    this.index = new Proxy(target, {
      get: (t, property, receiver) => {
        const value = Reflect.get(t, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || WRITES.has(property)) return value;
        return (...args: unknown[]) => {
          const answer = relativeTo(place, (value as (...a: unknown[]) => unknown).apply(t, args));
          const recording: Recording = { method: property, args, value: answer };
          this.recordings.push(recording);
          if (!Array.isArray(answer)) return answer;
          const reads = (recording.reads = new Set());
          return trackReads(answer, reads);
        };
      },
    }) as NamespaceIndex;
  }

  /** What the reads so far depend on (one entry per distinct question and answer). */
  dependencies(): IndexDependency[] {
    const seen = new Set<string>();
    const out: IndexDependency[] = [];
    for (const r of this.recordings) {
      const reads = r.reads && [...r.reads].sort();
      const dependency: IndexDependency = { method: r.method, args: r.args, snapshot: snapshot(r.value, reads) };
      if (reads) dependency.reads = reads;
      const key = `${r.method}\n${JSON.stringify(r.args)}\n${dependency.snapshot}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(dependency);
    }
    return out;
  }
}

/** Answers of the index shared by the checks of one pass (many parts ask the same questions). */
export type AnswerMemo = Map<string, { answer: unknown; own: boolean; snapshots: Map<string, string> }>;

/** Whether every recorded answer is still the same for a part at `place`. */
export function dependenciesHold(dependencies: readonly IndexDependency[], target: NamespaceIndex, place: PartPlace, memo: AnswerMemo = new Map()): boolean {
  for (const d of dependencies) {
    const key = `${d.method}\n${JSON.stringify(d.args)}`;
    let entry = memo.get(key);
    if (!entry) {
      const method = (target as unknown as Record<string, unknown>)[d.method];
      if (typeof method !== 'function') return false;
      let answer: unknown;
      try {
        answer = method.apply(target, d.args);
      } catch {
        return false;
      }
      const own = Array.isArray(answer) ? answer.some((a) => isOwnFact(place, a)) : isOwnFact(place, answer);
      memo.set(key, (entry = { answer, own, snapshots: new Map() }));
    }
    // An answer without facts of this file reads the same from every part: its snapshot is shared.
    let current: string | undefined;
    const readsKey = d.reads?.join(',') ?? '*';
    if (!entry.own) current = entry.snapshots.get(readsKey);
    if (current === undefined) {
      current = snapshot(relativeTo(place, entry.answer), d.reads);
      if (!entry.own) entry.snapshots.set(readsKey, current);
    }
    if (current !== d.snapshot) return false;
  }
  return true;
}

/**
 * The part of an answer that was read. A fact's `ordinal` is left out: it only orders a file's facts (the order of a
 * list already shows), and it shifts whenever an object is added or removed earlier in the file.
 */
function snapshot(value: unknown, reads: readonly string[] | undefined): string {
  const json = (v: unknown) => JSON.stringify(v, withoutOrdinal) ?? 'undefined';
  if (!reads || !Array.isArray(value)) return json(value);
  return json(reads.map((k) => (k === 'length' ? value.length : value[Number(k)])));
}

function withoutOrdinal(key: string, value: unknown): unknown {
  return key === 'ordinal' ? undefined : value;
}

/** A list that notes which of its elements (and whether its length) were read, through any array method. */
function trackReads<T>(list: T[], reads: Set<string>): T[] {
  return new Proxy(list, {
    get(t, property, receiver) {
      if (property === 'length' || (typeof property === 'string' && /^\d+$/.test(property))) reads.add(property);
      return Reflect.get(t, property, receiver);
    },
  });
}

/** Facts of the part's own file with their positions counted from the part (other values unchanged). */
function relativeTo(place: PartPlace, value: unknown): unknown {
  if (Array.isArray(value)) return value.some((v) => isOwnFact(place, v)) ? value.map((v) => relativeTo(place, v)) : value;
  if (!isOwnFact(place, value)) return value;
  const fact = value as { documentIndex: number; ordinal?: number };
  const out: Record<string, unknown> = { ...fact, documentIndex: fact.documentIndex - place.documents };
  if (typeof fact.ordinal === 'number') out.ordinal = fact.ordinal - place.objects;
  return out;
}

function isOwnFact(place: PartPlace, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { file?: unknown; documentIndex?: unknown };
  return v.file === place.file && typeof v.documentIndex === 'number';
}

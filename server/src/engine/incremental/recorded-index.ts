/**
 * A view of the workspace index for the documents of one part of a file, which records what the rules read from it,
 * so the part's findings can be kept until one of those answers changes (a Namespace's labels, a ServiceAccount in
 * another file, ...).
 *
 * Answers about the file itself are given relative to the part: a fact's `documentIndex` and `ordinal` count from
 * the part's first document and object, the same numbering the part's own objects carry when it is parsed alone.
 * Rules only compare these numbers, so the results do not depend on where the part sits in its file.
 *
 * Reads are tracked down to the properties read: a rule that checks whether `workloads(ns)[0]` is its own object
 * reads that element's `file` and `documentIndex` (its `name` only when those match), so it depends neither on the
 * workloads added after the first nor on the first one being renamed in another document.
 */
import type { NamespaceIndex } from '../namespace-index';
import type { FileFacts } from '../workspace-facts';

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
  /** The parts of the answer that were read, serialised. */
  snapshot: string;
  /** Paths of what was read (see `track`), sorted; absent when the answer is not an object (the answer counts). */
  reads?: string[];
}

/** Methods that change the index: never handed to rules, never recorded. */
const WRITES = new Set(['update', 'updateFacts', 'remove', 'constructor']);
/** Separates the keys of a read path (label keys contain dots and slashes). */
const SEP = '\u0000';
/** A path ending in this read every key of an object (`Object.keys`, spreading, JSON.stringify). */
const ALL = '\u0001';
/** Starts a path segment that is a key escaped as JSON (see pathKey). */
const ESCAPED = '\u0002';

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

  constructor(target: NamespaceIndex, private readonly place: PartPlace) {
    this.index = new Proxy(target, {
      get: (t, property, receiver) => {
        const value = Reflect.get(t, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || WRITES.has(property)) return value;
        return (...args: unknown[]) => {
          const answer = (value as (...a: unknown[]) => unknown).apply(t, args);
          const recording: Recording = { method: property, args, value: answer };
          this.recordings.push(recording);
          if (typeof answer !== 'object' || answer === null) return answer;
          return track(relativeTo(place, answer) as object, (recording.reads = new Set()), '', place);
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
      const dependency: IndexDependency = { method: r.method, args: r.args, snapshot: snapshot(r.value, reads, this.place) };
      if (reads) dependency.reads = reads;
      const key = `${questionKey(r.method, r.args)}\n${JSON.stringify(reads ?? null)}\n${dependency.snapshot}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(dependency);
    }
    return out;
  }
}

/**
 * What a change of one file's facts can change in the index's answers: the namespaces (and Namespace names) of the
 * facts whose content differs (`names`), and of those that differ in their position only (`moved`: a document
 * before them was added or removed), which only answers read for their positions see. A fact without a namespace
 * stands as IN_DEFAULT_NAMESPACE: it counts for whatever namespace a question names as the default.
 */
export interface ChangeScope {
  names: Set<string>;
  moved: Set<string>;
}

export const IN_DEFAULT_NAMESPACE = '\u0000default';

export function changeScope(before: FileFacts, after: FileFacts): ChangeScope {
  const scope: ChangeScope = { names: new Set(), moved: new Set() };
  for (const kind of Object.keys(after) as (keyof FileFacts)[]) {
    const nameOf = (f: { name: string; namespace?: string }) => (kind === 'namespaces' ? f.name : f.namespace || IN_DEFAULT_NAMESPACE);
    // The same fact objects at both ends (the units that did not change or move keep theirs) are no difference.
    const [was, is] = withoutCommonEnds<{ name: string; namespace?: string }>(before[kind], after[kind]);
    for (const f of differ(was, is, withoutPosition)) scope.names.add(nameOf(f));
    for (const f of differ(was, is, JSON.stringify)) scope.moved.add(nameOf(f));
  }
  return scope;
}

/** The two lists without the elements they share (the very same objects) at their start and end. */
function withoutCommonEnds<T>(a: readonly T[], b: readonly T[]): [readonly T[], readonly T[]] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return start === 0 && end === 0 ? [a, b] : [a.slice(start, a.length - end), b.slice(start, b.length - end)];
}

/** The elements of `a` and `b` that the other list lacks, compared as `key` (a multiset difference, both ways). */
function differ<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const aKeys = a.map(key);
  const counts = new Map<string, number>();
  for (const k of aKeys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out: T[] = [];
  b.forEach((x) => {
    const k = key(x);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(x);
  });
  a.forEach((x, i) => {
    const n = counts.get(aKeys[i]) ?? 0;
    if (n > 0) {
      counts.set(aKeys[i], n - 1);
      out.push(x);
    }
  });
  return out;
}

function withoutPosition(fact: unknown): string {
  return JSON.stringify({ ...(fact as object), documentIndex: undefined, ordinal: undefined });
}

/**
 * Whether an answer may differ after a change of this scope, for a part that `moved` (its first document or object
 * is numbered differently now). Every question of the index but `all()` is about the namespace (or Namespace name)
 * its first argument names, and those with a default namespace as their last argument also about the facts without
 * one when it is the same; an unknown question may be about anything. Positions matter only to answers whose
 * positions were read: the facts that moved, or, for a part that moved, the file's own facts it sees from its new
 * place.
 */
export function mayDependOn(dependency: IndexDependency, scope: ChangeScope, moved = false): boolean {
  const { method, args } = dependency;
  if (!SCOPED_QUESTIONS.has(method)) return true;
  const inDefault = WITH_DEFAULT_NAMESPACE.has(method) && args[0] === args[args.length - 1];
  const about = (names: Set<string>) => names.has(String(args[0])) || (inDefault && names.has(IN_DEFAULT_NAMESPACE));
  if (about(scope.names)) return true;
  return (moved || about(scope.moved)) && readsPosition(dependency);
}

const WITH_DEFAULT_NAMESPACE = new Set(['serviceAccount', 'networkPolicies', 'limitRanges', 'workloads']);

/** Whether the recorded reads include a fact's position (an answer that is not an object has none). */
function readsPosition(dependency: IndexDependency): boolean {
  return !!dependency.reads?.some((path) => POSITION_KEYS.has(path.slice(path.lastIndexOf(SEP) + 1)));
}

const POSITION_KEYS = new Set(['documentIndex', 'ordinal']);

const SCOPED_QUESTIONS = new Set(['labels', 'get', 'namespace', 'serviceAccount', 'networkPolicies', 'limitRanges', 'workloads']);

/** Answers of the index shared by the checks of one pass (many parts ask the same questions). */
export type AnswerMemo = Map<string, { answer: unknown; own: boolean; snapshots: Map<string, string> }>;

/** Whether every recorded answer is still the same for a part at `place`. */
export function dependenciesHold(dependencies: readonly IndexDependency[], target: NamespaceIndex, place: PartPlace, memo: AnswerMemo = new Map()): boolean {
  for (const d of dependencies) {
    const key = questionKey(d.method, d.args);
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
    const readsKey = JSON.stringify(d.reads ?? null);
    if (!entry.own) current = entry.snapshots.get(readsKey);
    if (current === undefined) {
      current = snapshot(entry.answer, d.reads, place);
      if (!entry.own) entry.snapshots.set(readsKey, current);
    }
    if (current !== d.snapshot) return false;
  }
  return true;
}

/**
 * An object (or list) that notes each read in `reads` as a path of keys, and hands out its object values tracked
 * the same way (facts of the part's own file seen from the part, translated only when read). Array methods read
 * through it too (`filter` reads `length` and each index), so they are covered.
 */
function track<T extends object>(value: T, reads: Set<string>, path: string, place: PartPlace): T {
  const at = (segment: string) => (path ? `${path}${SEP}${segment}` : segment);
  return new Proxy(value, {
    get(t, key, receiver) {
      const v = Reflect.get(t, key, receiver);
      if (typeof key !== 'string' || typeof v === 'function') return v;
      reads.add(at(pathKey(key)));
      return typeof v === 'object' && v !== null ? track(relativeTo(place, v) as object, reads, at(pathKey(key)), place) : v;
    },
    has(t, key) {
      if (typeof key === 'string') reads.add(at(pathKey(key)));
      return Reflect.has(t, key);
    },
    ownKeys(t) {
      reads.add(at(ALL));
      return Reflect.ownKeys(t);
    },
  });
}

/** What was read of an answer: the value at each path (objects stand as markers: their reads are paths too). */
function snapshot(value: unknown, reads: readonly string[] | undefined, place: PartPlace): string {
  if (!reads || typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  return JSON.stringify(reads.map((path) => {
    const keys = path.split(SEP);
    const last = keys[keys.length - 1];
    let v: unknown = value;
    for (const k of last === ALL ? keys.slice(0, -1) : keys) {
      v = typeof v === 'object' && v !== null ? (relativeTo(place, v) as Record<string, unknown>)[keyOfPath(k)] : undefined;
    }
    if (last === ALL) return typeof v === 'object' && v !== null ? Object.keys(v) : null;
    return typeof v === 'object' && v !== null ? (Array.isArray(v) ? '[]' : '{}') : v === undefined ? '<undefined>' : v;
  }));
}

/** A question to the index: the method and its arguments (names may hold any character, NUL and newlines too). */
function questionKey(method: string, args: readonly unknown[]): string {
  return `${method}${JSON.stringify(args)}`;
}

/**
 * A key as a segment of a read path: as it is, unless it holds one of the path's own marks (a label key or a name
 * may hold any character), then escaped as JSON behind ESCAPED.
 */
function pathKey(key: string): string {
  return /[\u0000-\u0002]/.test(key) ? `${ESCAPED}${JSON.stringify(key)}` : key;
}

function keyOfPath(segment: string): string {
  return segment.startsWith(ESCAPED) ? (JSON.parse(segment.slice(1)) as string) : segment;
}

/** A fact of the part's own file with its positions counted from the part (anything else as it is). */
function relativeTo(place: PartPlace, value: unknown): unknown {
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

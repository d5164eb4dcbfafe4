/**
 * What the inputs of one run (a CLI run, or a workspace) say about each namespace: the Namespace manifests and
 * their labels, plus the cross-file facts hardening rules need (ServiceAccounts, NetworkPolicies, LimitRanges,
 * workloads). Per file, so an edit replaces one file's facts; when two files declare the same Namespace, the first
 * file in path order wins, and every list is in path order, then in the file's own order.
 *
 * Updates cost what the file's facts cost, not what the whole index holds: facts are kept in buckets per namespace
 * as written (a CLI run adds thousands of files and asks questions in between; an editor replaces one file's facts
 * per edit), and an answer is remembered until a bucket it came from changes.
 */
import type { ParsedManifest } from './parse/documents';
import type { Labels } from './policy/namespace-policy';
import type { NamespaceSource } from './policy/resolver';
import { emptyFacts, factsIn, FileFacts, NamespacedFact, NamespaceFact, NetworkPolicyFact, ObjectLocation, ServiceAccountFact } from './workspace-facts';

export interface NamespaceEntry {
  name: string;
  labels: Labels;
  file: string;
}

type ListKind = 'serviceAccounts' | 'networkPolicies' | 'limitRanges' | 'workloads';
const LIST_KINDS: readonly ListKind[] = ['serviceAccounts', 'networkPolicies', 'limitRanges', 'workloads'];
type Lists = Pick<FileFacts, ListKind>;

/** The facts of one namespace as written in the manifests ('' for those that name none), in path order. */
interface Bucket {
  lists: Lists;
  /** Bumped on every change, so remembered answers know when they are stale. */
  version: number;
}

interface Answer {
  value: unknown;
  /** Versions of the buckets it was computed from (the asked namespace's, and the unnamed one's when it is the default). */
  named: number;
  unnamed: number;
}

export class NamespaceIndex implements NamespaceSource {
  private readonly byFile = new Map<string, FileFacts>();
  private readonly buckets = new Map<string, Bucket>();
  /** Files that declare a Namespace, in path order. */
  private namespaceFiles: string[] = [];
  private mergedCache: Map<string, NamespaceFact> | undefined = new Map();
  private readonly answers = new Map<string, Answer>();

  /** Replaces what is known from one file. */
  update(file: string, parsed: ParsedManifest | undefined): void {
    this.updateFacts(file, parsed ? factsIn(parsed, file) : emptyFacts());
  }

  /** Replaces what is known from one file (facts that name another file are filed under this one). */
  updateFacts(file: string, given: FileFacts): void {
    const facts = filedUnder(file, given);
    const old = this.byFile.get(file);
    if (old) for (const kind of LIST_KINDS) for (const ns of namespacesOf(old[kind])) this.removeFrom(ns, kind, file);
    const empty = Object.values(facts).every((list) => list.length === 0);
    if (empty) this.byFile.delete(file);
    else this.byFile.set(file, facts);
    for (const kind of LIST_KINDS) {
      for (const [ns, items] of groupByNamespace(facts[kind])) this.insertInto(ns, kind, file, items);
    }
    if (old?.namespaces.length || facts.namespaces.length) {
      const at = lowerBound(this.namespaceFiles, file, (f) => f);
      const present = this.namespaceFiles[at] === file;
      if (facts.namespaces.length && !present) this.namespaceFiles.splice(at, 0, file);
      else if (!facts.namespaces.length && present) this.namespaceFiles.splice(at, 1);
      this.mergedCache = undefined;
    }
  }

  remove(file: string): void {
    this.update(file, undefined);
  }

  labels(name: string): Labels | undefined {
    return this.merged.get(name)?.labels;
  }

  get(name: string): NamespaceEntry | undefined {
    const f = this.merged.get(name);
    return f && { name: f.name, labels: f.labels, file: f.file };
  }

  all(): NamespaceEntry[] {
    return [...this.merged.values()].map((f) => ({ name: f.name, labels: f.labels, file: f.file }));
  }

  /** The Namespace manifest of a name, with its location. */
  namespace(name: string): NamespaceFact | undefined {
    return this.merged.get(name);
  }

  // The answers below are remembered per question (as JSON: names may hold any character) until a bucket they come
  // from changes: every object of a namespace asks the same one. They are shared: do not modify them.

  serviceAccount(namespace: string, name: string, defaultNamespace: string): ServiceAccountFact | undefined {
    return this.remember(JSON.stringify(['sa', namespace, name, defaultNamespace]), namespace, defaultNamespace, (lists) => {
      let first: ServiceAccountFact | undefined;
      for (const list of lists) {
        const found = list.serviceAccounts.find((s) => s.name === name);
        if (found && (!first || before(found, first))) first = found;
      }
      return first;
    });
  }

  networkPolicies(namespace: string, defaultNamespace: string): NetworkPolicyFact[] {
    return this.remember(JSON.stringify(['np', namespace, defaultNamespace]), namespace, defaultNamespace, (lists) => merge(lists.map((l) => l.networkPolicies)));
  }

  limitRanges(namespace: string, defaultNamespace: string): NamespacedFact[] {
    return this.remember(JSON.stringify(['lr', namespace, defaultNamespace]), namespace, defaultNamespace, (lists) => merge(lists.map((l) => l.limitRanges)));
  }

  /** Workloads of a namespace in path order, then file order. */
  workloads(namespace: string, defaultNamespace: string): NamespacedFact[] {
    return this.remember(JSON.stringify(['wl', namespace, defaultNamespace]), namespace, defaultNamespace, (lists) => merge(lists.map((l) => l.workloads)));
  }

  /**
   * The answer to a question about `namespace`: from its bucket, and from the bucket of facts that name no
   * namespace when it is the asker's default (a fact without a namespace is in whatever namespace is the default).
   */
  private remember<T>(key: string, namespace: string, defaultNamespace: string, compute: (lists: Lists[]) => T): T {
    const named = namespace !== '' ? this.buckets.get(namespace) : undefined;
    const unnamed = namespace === defaultNamespace ? this.buckets.get('') : undefined;
    const versions = { named: named?.version ?? 0, unnamed: unnamed?.version ?? 0 };
    const known = this.answers.get(key);
    if (known && known.named === versions.named && known.unnamed === versions.unnamed) return known.value as T;
    const lists = [named, unnamed].filter((b): b is Bucket => !!b).map((b) => b.lists);
    const value = compute(lists);
    this.answers.set(key, { value, ...versions });
    return value;
  }

  private bucket(namespace: string): Bucket {
    let b = this.buckets.get(namespace);
    if (!b) this.buckets.set(namespace, (b = { lists: { serviceAccounts: [], networkPolicies: [], limitRanges: [], workloads: [] }, version: 1 }));
    return b;
  }

  private insertInto(namespace: string, kind: ListKind, file: string, items: ObjectLocation[]): void {
    const b = this.bucket(namespace);
    const list = b.lists[kind] as ObjectLocation[];
    list.splice(lowerBound(list, file, (f) => f.file), 0, ...items);
    b.version++;
  }

  private removeFrom(namespace: string, kind: ListKind, file: string): void {
    const b = this.buckets.get(namespace);
    if (!b) return;
    const list = b.lists[kind] as ObjectLocation[];
    const start = lowerBound(list, file, (f) => f.file);
    let end = start;
    while (end < list.length && list[end].file === file) end++;
    list.splice(start, end - start);
    b.version++;
  }

  private get merged(): Map<string, NamespaceFact> {
    if (!this.mergedCache) {
      const merged = new Map<string, NamespaceFact>();
      for (const f of this.namespaceFiles) for (const n of this.byFile.get(f)!.namespaces) if (!merged.has(n.name)) merged.set(n.name, n);
      this.mergedCache = merged;
    }
    return this.mergedCache;
  }
}

/** Namespace manifests in one file (kept for callers that only need labels). */
export function namespacesIn(parsed: ParsedManifest, file: string): NamespaceEntry[] {
  return factsIn(parsed, file).namespaces.map((n) => ({ name: n.name, labels: n.labels, file }));
}

/** The facts with `file` as their file: the same object when they already say so (as factsIn makes them). */
function filedUnder(file: string, facts: FileFacts): FileFacts {
  const kinds = Object.keys(facts) as (keyof FileFacts)[];
  if (kinds.every((k) => facts[k].every((f) => f.file === file))) return facts;
  const out = emptyFacts();
  for (const k of kinds) (out[k] as ObjectLocation[]) = facts[k].map((f) => ({ ...f, file }));
  return out;
}

/** The namespace a fact is filed under: as written, '' when it names none. */
function bucketOf(fact: ObjectLocation & { namespace?: string }): string {
  return fact.namespace || '';
}

function namespacesOf(facts: readonly (ObjectLocation & { namespace?: string })[]): Set<string> {
  return new Set(facts.map(bucketOf));
}

/** A file's facts of one kind by namespace, each group in the file's order. */
function groupByNamespace(facts: readonly (ObjectLocation & { namespace?: string })[]): Map<string, ObjectLocation[]> {
  const groups = new Map<string, ObjectLocation[]>();
  for (const f of facts) {
    const ns = bucketOf(f);
    let g = groups.get(ns);
    if (!g) groups.set(ns, (g = []));
    g.push(f);
  }
  return groups;
}

/** Path order, then the order of objects in the file (a file's facts list its objects in order). */
function before(a: ObjectLocation, b: ObjectLocation): boolean {
  return a.file < b.file || (a.file === b.file && a.ordinal < b.ordinal);
}

/** Two lists, each in path and file order, as one new list (the buckets change under answers already given). */
function merge<T extends ObjectLocation>(lists: T[][]): T[] {
  const nonEmpty = lists.filter((l) => l.length);
  if (nonEmpty.length <= 1) return nonEmpty[0] ? nonEmpty[0].slice() : [];
  const [a, b] = nonEmpty;
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(before(b[j], a[i]) ? b[j++] : a[i++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** The first position in `list` (sorted by `keyOf`) whose key is not before `key`. */
function lowerBound<T>(list: readonly T[], key: string, keyOf: (item: T) => string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(list[mid]) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What the inputs of one run (a CLI run, or a workspace) say about each namespace: the Namespace manifests and
 * their labels, plus the cross-file facts hardening rules need (ServiceAccounts, NetworkPolicies, LimitRanges,
 * workloads). Per file, so an edit replaces one file's facts; when two files declare the same Namespace, the first
 * file in path order wins.
 */
import type { ParsedManifest } from './parse/documents';
import type { Labels } from './policy/namespace-policy';
import type { NamespaceSource } from './policy/resolver';
import { emptyFacts, factsIn, FileFacts, NamespacedFact, NamespaceFact, NetworkPolicyFact, ServiceAccountFact } from './workspace-facts';

export interface NamespaceEntry {
  name: string;
  labels: Labels;
  file: string;
}

export class NamespaceIndex implements NamespaceSource {
  private readonly byFile = new Map<string, FileFacts>();
  private mergedCache: Map<string, NamespaceFact> | undefined = new Map();
  private allCache: FileFacts | undefined = emptyFacts();
  /** Answers to queries over `allCache`, cleared whenever it is rebuilt. */
  private answers = new Map<string, unknown>();

  /** Replaces what is known from one file. */
  update(file: string, parsed: ParsedManifest | undefined): void {
    this.updateFacts(file, parsed ? factsIn(parsed, file) : emptyFacts());
  }

  updateFacts(file: string, facts: FileFacts): void {
    const empty = Object.values(facts).every((list) => list.length === 0);
    if (empty) this.byFile.delete(file);
    else this.byFile.set(file, facts);
    // Rebuilt lazily on the next query: a CLI run adds thousands of files before asking anything.
    this.mergedCache = undefined;
    this.allCache = undefined;
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

  // The lists below are remembered per question until the next change: every object of a namespace asks the same
  // one, and scanning all facts each time is quadratic over a large workspace. They are shared: do not modify them.

  serviceAccount(namespace: string, name: string, defaultNamespace: string): ServiceAccountFact | undefined {
    return this.remember(`sa\n${namespace}\n${name}\n${defaultNamespace}`, () => this.all_.serviceAccounts.find((s) => (s.namespace || defaultNamespace) === namespace && s.name === name));
  }

  networkPolicies(namespace: string, defaultNamespace: string): NetworkPolicyFact[] {
    return this.remember(`np\n${namespace}\n${defaultNamespace}`, () => this.all_.networkPolicies.filter((n) => (n.namespace || defaultNamespace) === namespace));
  }

  limitRanges(namespace: string, defaultNamespace: string): NamespacedFact[] {
    return this.remember(`lr\n${namespace}\n${defaultNamespace}`, () => this.all_.limitRanges.filter((n) => (n.namespace || defaultNamespace) === namespace));
  }

  /** Workloads of a namespace in path order, then file order. */
  workloads(namespace: string, defaultNamespace: string): NamespacedFact[] {
    return this.remember(`wl\n${namespace}\n${defaultNamespace}`, () => this.all_.workloads.filter((n) => (n.namespace || defaultNamespace) === namespace));
  }

  private remember<T>(key: string, compute: () => T): T {
    const answers = this.all_ && this.answers;
    if (!answers.has(key)) answers.set(key, compute());
    return answers.get(key) as T;
  }

  private get merged(): Map<string, NamespaceFact> {
    if (!this.mergedCache) this.rebuild();
    return this.mergedCache!;
  }

  private get all_(): FileFacts {
    if (!this.allCache) this.rebuild();
    return this.allCache!;
  }

  private rebuild(): void {
    const merged = new Map<string, NamespaceFact>();
    const all = emptyFacts();
    const files = [...this.byFile.keys()].sort();
    for (const f of files) {
      const facts = this.byFile.get(f)!;
      for (const n of facts.namespaces) if (!merged.has(n.name)) merged.set(n.name, n);
      for (const key of Object.keys(all) as (keyof FileFacts)[]) (all[key] as unknown[]).push(...facts[key]);
    }
    this.mergedCache = merged;
    this.allCache = all;
    this.answers = new Map();
  }
}

/** Namespace manifests in one file (kept for callers that only need labels). */
export function namespacesIn(parsed: ParsedManifest, file: string): NamespaceEntry[] {
  return factsIn(parsed, file).namespaces.map((n) => ({ name: n.name, labels: n.labels, file }));
}

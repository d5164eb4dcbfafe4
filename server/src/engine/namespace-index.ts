/**
 * The Namespace manifests among a set of inputs (a CLI run, or a workspace), keyed by name, with their labels.
 * Later files do not silently override earlier ones: the first declaration wins and is remembered with its file.
 */
import type { ParsedManifest } from './parse/documents';
import type { Labels } from './policy/namespace-policy';
import type { NamespaceSource } from './policy/resolver';

export interface NamespaceEntry {
  name: string;
  labels: Labels;
  file: string;
}

export class NamespaceIndex implements NamespaceSource {
  private readonly byFile = new Map<string, NamespaceEntry[]>();
  private merged = new Map<string, NamespaceEntry>();

  /** Replaces what is known from one file. Returns true when the namespaces' labels changed. */
  update(file: string, parsed: ParsedManifest | undefined): boolean {
    const before = JSON.stringify(this.byFile.get(file) ?? []);
    const entries = parsed ? namespacesIn(parsed, file) : [];
    if (entries.length) this.byFile.set(file, entries);
    else this.byFile.delete(file);
    const changed = before !== JSON.stringify(entries);
    if (changed) this.rebuild();
    return changed;
  }

  remove(file: string): boolean {
    return this.update(file, undefined);
  }

  labels(name: string): Labels | undefined {
    return this.merged.get(name)?.labels;
  }

  get(name: string): NamespaceEntry | undefined {
    return this.merged.get(name);
  }

  all(): NamespaceEntry[] {
    return [...this.merged.values()];
  }

  private rebuild(): void {
    this.merged = new Map();
    const files = [...this.byFile.keys()].sort();
    for (const f of files) for (const e of this.byFile.get(f)!) if (!this.merged.has(e.name)) this.merged.set(e.name, e);
  }
}

export function namespacesIn(parsed: ParsedManifest, file: string): NamespaceEntry[] {
  const out: NamespaceEntry[] = [];
  for (const d of parsed.documents) {
    for (const o of d.objects) {
      if (o.kind !== 'Namespace' || o.apiVersion !== 'v1' || !o.name) continue;
      out.push({ name: o.name, labels: Object.fromEntries(o.labels), file });
    }
  }
  return out;
}

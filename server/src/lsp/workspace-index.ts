/**
 * The Namespace manifests of the workspace, from files on disk and from open documents; an open document's text
 * wins over its file on disk. Every method returns true when some namespace's labels changed, so the caller knows
 * to re-check the open documents.
 */
import { promises as fs } from 'node:fs';
import { NamespaceIndex, parseManifest } from '../engine';
import type { ParsedManifest } from '../engine';
import { manifestFiles, WalkOptions } from './file-walker';
import { fileKey } from './uris';

/** Cheap test before parsing a file from disk: only files that mention a Namespace can declare one. */
const MAY_DECLARE_NAMESPACE = /\bNamespace\b/;

export class WorkspaceIndex {
  readonly namespaces = new NamespaceIndex();
  private readonly open = new Set<string>();
  private readonly onDisk = new Set<string>();

  /** An open document was parsed (undefined: too large to parse); its text now stands for the file. */
  updateOpen(uri: string, parsed: ParsedManifest | undefined): boolean {
    const key = fileKey(uri);
    this.open.add(key);
    return this.namespaces.update(key, parsed);
  }

  /**
   * A document was closed. With `maxFileSize` (the file belongs to the indexed workspace) the file on disk speaks
   * for it again; without, it is forgotten.
   */
  async closed(uri: string, maxFileSize?: number): Promise<boolean> {
    const key = fileKey(uri);
    this.open.delete(key);
    if (key === uri || maxFileSize === undefined) return this.namespaces.remove(key);
    return this.readFromDisk(key, maxFileSize);
  }

  /** A file was created or changed on disk (ignored while the file is open). */
  async diskChanged(path: string, maxFileSize: number): Promise<boolean> {
    if (this.open.has(path)) return false;
    return this.readFromDisk(path, maxFileSize);
  }

  diskDeleted(path: string): boolean {
    this.onDisk.delete(path);
    if (this.open.has(path)) return false;
    return this.namespaces.remove(path);
  }

  /** Indexes every manifest under a folder; `progress` hears the count of files read so far. */
  async indexFolder(root: string, options: WalkOptions, progress?: (filesRead: number) => void): Promise<boolean> {
    let changed = false;
    let count = 0;
    for await (const file of manifestFiles(root, options)) {
      if (!this.open.has(file)) changed = (await this.readFromDisk(file, options.maxFileSize)) || changed;
      progress?.(++count);
    }
    return changed;
  }

  /** Forgets what was read from disk under a folder (removed from the workspace, or about to be re-indexed). */
  dropFolder(root: string): boolean {
    let changed = false;
    const prefix = root.endsWith('/') || root.endsWith('\\') ? root : `${root}${root.includes('\\') ? '\\' : '/'}`;
    for (const key of [...this.onDisk]) {
      if (!key.startsWith(prefix)) continue;
      this.onDisk.delete(key);
      if (!this.open.has(key)) changed = this.namespaces.remove(key) || changed;
    }
    return changed;
  }

  private async readFromDisk(path: string, maxFileSize: number): Promise<boolean> {
    let text: string;
    try {
      if ((await fs.stat(path)).size > maxFileSize) throw new Error('too large to index');
      text = await fs.readFile(path, 'utf8');
    } catch {
      this.onDisk.delete(path);
      return this.open.has(path) ? false : this.namespaces.remove(path);
    }
    if (this.open.has(path)) return false; // opened while we were reading
    this.onDisk.add(path);
    return this.namespaces.update(path, MAY_DECLARE_NAMESPACE.test(text) ? parseManifest(text) : undefined);
  }
}

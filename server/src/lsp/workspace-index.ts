/**
 * What the workspace's files say across files: Namespaces with their labels, ServiceAccounts, NetworkPolicies,
 * LimitRanges and workloads, from files on disk and from open documents; an open document's text wins over its
 * file on disk. `generation` counts every change of what the index answers, so analyses that read it know when to
 * check their reads again; the update methods return true when something changed.
 */
import { promises as fs } from 'node:fs';
import { NamespaceIndex } from '../engine';
import { factsOfText } from '../engine/incremental';
import { emptyFacts, FileFacts } from '../engine/workspace-facts';
import { manifestFiles, WalkOptions } from './file-walker';
import { fileKey } from './uris';

export class WorkspaceIndex {
  readonly namespaces = new NamespaceIndex();
  /** Per file open as a document: the facts each of its open URIs gave last (one file may be open under two spellings). */
  private readonly open = new Map<string, Map<string, FileFacts | undefined>>();
  private readonly onDisk = new Set<string>();
  /** Each file's facts as last put in, serialised (positions included), to tell a real change from a repeat. */
  private readonly stored = new Map<string, string>();
  private changes = 0;

  /** Moves on whenever any answer of the index may have changed. */
  get generation(): number {
    return this.changes;
  }

  /** Whether the index has read the file of `uri` (from disk, or as an open document): it holds its facts. */
  hasRead(uri: string): boolean {
    const key = fileKey(uri);
    return this.open.has(key) || this.onDisk.has(key);
  }

  /** An open document's facts (undefined: it was not analysed, e.g. too large) now stand for its file. */
  updateOpen(uri: string, facts: FileFacts | undefined): boolean {
    const key = fileKey(uri);
    let uris = this.open.get(key);
    if (!uris) this.open.set(key, (uris = new Map()));
    uris.set(uri, facts);
    return this.put(key, facts);
  }

  /**
   * A document was closed. With `maxFileSize` (the file belongs to the indexed workspace) the file on disk speaks
   * for it again; without, it is forgotten; while it is open under another URI, that document speaks for it. When the file on disk holds the document's last text (`openText`, it was
   * saved), the facts the document gave are its facts: the file is not parsed again.
   */
  async closed(uri: string, maxFileSize?: number, openText?: string): Promise<boolean> {
    const key = fileKey(uri);
    const uris = this.open.get(key);
    uris?.delete(uri);
    // Still open under another spelling of its URI: that document's text speaks for the file.
    if (uris?.size) return this.put(key, [...uris.values()].pop());
    this.open.delete(key);
    if (key === uri || maxFileSize === undefined) return this.put(key, undefined);
    return this.readFromDisk(key, maxFileSize, openText);
  }

  /** A file was created or changed on disk (ignored while the file is open). */
  async diskChanged(path: string, maxFileSize: number): Promise<boolean> {
    if (this.open.has(path)) return false;
    return this.readFromDisk(path, maxFileSize);
  }

  diskDeleted(path: string): boolean {
    this.onDisk.delete(path);
    if (this.open.has(path)) return false;
    return this.put(path, undefined);
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
      if (!this.open.has(key)) changed = this.put(key, undefined) || changed;
    }
    return changed;
  }

  private put(key: string, facts: FileFacts | undefined): boolean {
    const value = facts ?? emptyFacts();
    const json = JSON.stringify(value);
    if ((this.stored.get(key) ?? EMPTY) === json) return false;
    if (json === EMPTY) this.stored.delete(key);
    else this.stored.set(key, json);
    this.namespaces.updateFacts(key, value);
    this.changes++;
    return true;
  }

  private async readFromDisk(path: string, maxFileSize: number, known?: string): Promise<boolean> {
    let text: string;
    try {
      const stat = await fs.stat(path);
      // Only regular files: opening a FIFO named `x.yaml` blocks a libuv thread until a writer comes, and a few of
      // them would stall every later file read of the server.
      if (!stat.isFile()) throw new Error('not a regular file');
      if (stat.size > maxFileSize) throw new Error('too large to index');
      text = await fs.readFile(path, 'utf8');
    } catch {
      this.onDisk.delete(path);
      return this.open.has(path) ? false : this.put(path, undefined);
    }
    if (this.open.has(path)) return false; // opened while we were reading
    this.onDisk.add(path);
    if (known !== undefined && text === known) return false;
    return this.put(path, factsOfText(text, path));
  }
}

const EMPTY = JSON.stringify(emptyFacts());

/** Lists a folder's YAML and JSON files for the namespace index, asynchronously and without following symlinks. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExcludeMatcher } from './excludes';

export const MANIFEST_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];

export function isManifestPath(p: string): boolean {
  return MANIFEST_EXTENSIONS.includes(path.extname(p).toLowerCase());
}

export interface WalkOptions {
  isExcluded: ExcludeMatcher;
  /** Files larger than this (bytes) are skipped. */
  maxFileSize: number;
}

/** Absolute paths of the manifest files under `root`; unreadable folders are skipped silently. */
export async function* manifestFiles(root: string, options: WalkOptions): AsyncGenerator<string> {
  const pending: string[] = [''];
  while (pending.length) {
    const rel = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (options.isExcluded(childRel)) continue;
      if (e.isDirectory()) pending.push(childRel);
      else if (e.isFile() && isManifestPath(e.name)) {
        const full = path.join(root, childRel);
        const size = await fs.stat(full).then((s) => s.size, () => Infinity);
        if (size <= options.maxFileSize) yield full;
      }
    }
  }
}

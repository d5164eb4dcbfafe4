/** Lists a folder's YAML and JSON files for the namespace index, asynchronously, through symbolic links. */
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

/**
 * Absolute paths of the manifest files under `root`; unreadable folders are skipped silently. Symbolic links are
 * followed as `podsec check` follows them: to files, and to folders inside `root`, each folder walked once (a link
 * back up cannot loop) and each file listed once, under the first path that reaches it.
 */
export async function* manifestFiles(root: string, options: WalkOptions): AsyncGenerator<string> {
  // Without a link on the way, a path is the only one to its file or folder: only paths through links are resolved.
  const pending: { rel: string; viaLink: boolean }[] = [{ rel: '', viaLink: false }];
  const walked = new Set<string>();
  const listed = new Set<string>();
  const realRoot = await fs.realpath(root).catch(() => root);
  const once = (seen: Set<string>, real: string) => {
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  const realPath = (p: string) => fs.realpath(p).catch(() => p);
  while (pending.length) {
    const { rel, viaLink } = pending.pop()!;
    const dir = path.join(root, rel);
    if (!once(walked, viaLink ? await realPath(dir) : path.join(realRoot, rel))) continue;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (options.isExcluded(childRel)) continue;
      const full = path.join(root, childRel);
      // A link is what it points to; a FIFO or socket (or a link to one) is no file to read.
      const link = e.isSymbolicLink();
      const stat = link ? await fs.stat(full).catch(() => undefined) : e;
      if (stat?.isDirectory()) {
        // A linked folder is walked only inside the workspace folder: a link to `/` is no reason to read the disk.
        if (!link || isInside(await realPath(full), realRoot)) pending.push({ rel: childRel, viaLink: viaLink || link });
      }
      else if (stat?.isFile() && isManifestPath(e.name)) {
        if (!once(listed, viaLink || link ? await realPath(full) : path.join(realRoot, childRel))) continue;
        const size = await fs.stat(full).then((s) => s.size, () => Infinity);
        if (size <= options.maxFileSize) yield full;
      }
    }
  }
}

function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

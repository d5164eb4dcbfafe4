/** File URIs <-> paths, and which workspace folder a file belongs to. */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file-system path of a `file:` URI; undefined for other schemes (untitled, virtual file systems). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/**
 * A key that is the same for an open document and for the same file read from disk (clients and Node encode
 * URIs differently, e.g. `%3A` for a drive colon), so open text can replace the disk copy in the index.
 */
export function fileKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}

/** `child` relative to `folder` with `/` separators, or undefined when it is not inside it. */
export function relativeInside(folder: string, child: string): string | undefined {
  const rel = path.relative(folder, child);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

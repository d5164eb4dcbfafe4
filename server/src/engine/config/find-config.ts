/** Upward lookup of `.podsec.yaml`; the caller supplies the file system check, so the engine does no I/O. */

export const CONFIG_FILE_NAME = '.podsec.yaml';

/**
 * The nearest `.podsec.yaml` in `startDir` (an absolute folder, POSIX or Windows style) or one of its parents,
 * or undefined when there is none up to the root.
 */
export function findConfigFile(startDir: string, exists: (path: string) => boolean): string | undefined {
  const sep = startDir.includes('\\') && !startDir.includes('/') ? '\\' : '/';
  let dir = startDir;
  for (;;) {
    const candidate = dir.endsWith(sep) ? dir + CONFIG_FILE_NAME : dir + sep + CONFIG_FILE_NAME;
    if (exists(candidate)) return candidate;
    const parent = parentDir(dir, sep);
    if (parent === undefined) return undefined;
    dir = parent;
  }
}

/** The folder above `dir`, or undefined at a root (`/`, `C:\`, `\\server\share`) or for a bare name. */
function parentDir(dir: string, sep: string): string | undefined {
  const trimmed = dir.length > 1 ? dir.replace(sep === '/' ? /\/+$/ : /\\+$/, '') : dir;
  const i = trimmed.lastIndexOf(sep);
  if (i < 0 || trimmed.length <= 1) return undefined;
  const parent = trimmed.slice(0, i);
  if (i === 0) return sep; // `/etc` -> `/`
  if (/^[A-Za-z]:$/.test(parent)) return parent + sep; // `C:\x` -> `C:\`
  if (sep === '\\' && /^\\\\[^\\]+$/.test(parent)) return undefined; // `\\server\share` is a root
  return parent;
}

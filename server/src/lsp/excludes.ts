/**
 * Which workspace paths the background index skips: `node_modules`, `.git`, and the user's `files.exclude` globs
 * (VS Code semantics: relative to the workspace folder, `true` entries only; `{ when: ... }` entries depend on
 * sibling files and are ignored). A folder that matches is skipped with everything in it.
 */
import { Minimatch } from 'minimatch';

export type ExcludeMatcher = (relativePath: string) => boolean;

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export function excludeMatcher(filesExclude: unknown): ExcludeMatcher {
  const globs: Minimatch[] = [];
  if (typeof filesExclude === 'object' && filesExclude !== null) {
    for (const [pattern, enabled] of Object.entries(filesExclude)) {
      if (enabled === true && pattern.trim()) globs.push(new Minimatch(pattern.trim().replace(/^\.\//, ''), { dot: true }));
    }
  }
  return (relativePath) => {
    const segments = relativePath.split('/');
    if (segments.some((s) => ALWAYS_SKIPPED.has(s))) return true;
    // A match on any ancestor folder excludes the path too (the walker never enters it, watchers may still report it).
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i).join('/');
      if (globs.some((g) => g.match(prefix))) return true;
    }
    return false;
  };
}

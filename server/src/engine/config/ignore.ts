/**
 * `ignore:` globs, matched like .gitignore lines (minimatch, dotfiles included): a glob with no `/` except at its
 * end matches a file or folder name at any depth (`vendor`, `*.tpl.yaml`); a glob with a `/` at its start or in its
 * middle is anchored at the config file's folder (`/charts/**`, `deploy/legacy/*.yaml`); a trailing `/` is
 * dropped; a glob that matches a folder ignores everything inside it.
 */
import { Minimatch } from 'minimatch';
import type { PodsecConfig } from './types';

interface Matcher {
  anchored: boolean;
  glob: Minimatch;
}

const compiled = new WeakMap<readonly string[], Matcher[]>();

/** True when `relativePath` (from the config file's folder, `/` or `\` separated) is ignored by the config. */
export function isIgnored(relativePath: string, config: Pick<PodsecConfig, 'ignore'>): boolean {
  const globs = config.ignore;
  if (!globs?.length) return false;
  const path = relativePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (!path || path === '..' || path.startsWith('../') || path.startsWith('/') || /^[A-Za-z]:/.test(path)) return false;
  const segments = path.split('/').filter(Boolean);
  const matchers = matchersFor(globs);
  for (let i = 0; i < segments.length; i++) {
    const prefix = segments.slice(0, i + 1).join('/');
    for (const m of matchers) if (m.glob.match(m.anchored ? prefix : segments[i])) return true;
  }
  return false;
}

function matchersFor(globs: readonly string[]): Matcher[] {
  let matchers = compiled.get(globs);
  if (!matchers) {
    matchers = globs.map((g) => {
      // `./vendor` names what `vendor` anchored at the config's folder does (paths lose their `./` too).
      const written = g.trim().replace(/\/+$/, '');
      const trimmed = written.startsWith('./') ? `/${written.replace(/^(\.\/)+/, '')}` : written;
      const anchored = trimmed.includes('/');
      // `dir/**` ignores what `dir` does: said so, the folder itself matches and a walk can skip it whole.
      const pattern = trimmed.replace(/^\/+/, '').replace(/(.)\/\*\*$/, '$1');
      return { anchored, glob: new Minimatch(pattern, { dot: true }) };
    });
    compiled.set(globs, matchers);
  }
  return matchers;
}

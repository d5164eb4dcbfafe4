/**
 * readOnlyRootFilesystem: sets `securityContext.readOnlyRootFilesystem: true` and gives the container writable
 * `emptyDir` volumes where it must still write (writable-paths.ts) and nothing is mounted yet: a `volumeMounts`
 * entry on the container and an `emptyDir: {}` volume in the pod spec (after `containers:` when the pod has no
 * `volumes` yet) for each, with names unique in the pod. Not preferred: the application may write to other places
 * too, which only running it tells.
 */
import type { NodeReader, Ref } from '../../parse/nodes';
import { ensurePath } from '../edits/ensure-path';
import { ensureMapItems, itemGap } from '../edits/map-items';
import { editableMap, ownPair } from '../edits/nodes';
import { joinAtSamePlace } from '../edits/same-place';
import type { FixContext } from '../locate';
import { containerOf, fix, RuleFixer } from './common';
import { uniqueName } from './unique-name';
import { WritablePath, writablePaths } from './writable-paths';

export const readOnlyRootFilesystem: RuleFixer = {
  ruleId: 'readOnlyRootFilesystem',
  preferred: false,
  fixes(ctx) {
    const r = ctx.reader;
    const container = containerOf(ctx).ref;
    const mounted = mountPaths(r, container);
    const taken = volumeNames(ctx);
    const plan = writablePaths(r.str(r.child(container, 'image')))
      .filter((w) => !covered(w, mounted))
      .map((w) => ({ path: w.path, name: uniqueName(w.volume, taken) }));
    const flag = ensurePath(ctx, r, container, ['securityContext', 'readOnlyRootFilesystem'], true);
    if (!plan.length) return fix(ctx, 'Set readOnlyRootFilesystem: true', [flag], false);
    const gap = itemGap(ctx.text, container.node);
    const mounts = ensureMapItems(ctx, r, container, 'volumeMounts', plan.map((p) => ({ name: p.name, mountPath: p.path })), { gap });
    const after = ownPair(editableMap(ctx.pod.spec), 'containers');
    const volumes = ensureMapItems(ctx, r, ctx.pod.spec, 'volumes', plan.map((p) => ({ name: p.name, emptyDir: {} })), { after, gap });
    const paths = plan.map((p) => p.path).join(', ');
    const title = `Set readOnlyRootFilesystem: true with writable emptyDir ${plan.length > 1 ? 'volumes' : 'volume'} for ${paths}`;
    return fix(ctx, title, joinAtSamePlace([flag, mounts, volumes]), false);
  },
};

/** `/var//run/` -> `/var/run`. */
export function normalizePath(path: string): string {
  const collapsed = path.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

function mountPaths(r: NodeReader, container: Ref): string[] {
  return r.items(r.child(container, 'volumeMounts')).map((m) => r.str(r.child(m, 'mountPath'))).filter((p): p is string => !!p).map(normalizePath);
}

/** Already writable or taken care of: mounted there or above (or, for a data directory, inside it). */
export function covered(w: WritablePath, mounted: readonly string[]): boolean {
  const under = (path: string, dir: string) => dir === '/' || path.startsWith(`${dir}/`);
  return mounted.some((m) => m === w.path || under(w.path, m) || (!!w.data && under(m, w.path)));
}

/** Every volume name in use in the pod: its volumes and what any container mounts (even a missing volume). */
function volumeNames(ctx: FixContext): Set<string> {
  const r = ctx.reader;
  const names = r.items(r.child(ctx.pod.spec, 'volumes')).map((v) => r.text(r.child(v, 'name')));
  for (const c of ctx.pod.containers) names.push(...r.items(r.child(c.ref, 'volumeMounts')).map((m) => r.text(r.child(m, 'name'))));
  return new Set(names.filter((n): n is string => n !== undefined));
}

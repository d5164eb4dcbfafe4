/**
 * Replacing a volume's source with `emptyDir: {}`, shared by hostPathVolumes and restrictedVolumes. Never preferred:
 * the pod then sees an empty scratch folder instead of that storage, which may not be what it needs.
 */
import { editableMap, ownPair } from '../edits/nodes';
import { replacePair } from '../edits/remove';
import type { FixContext } from '../locate';
import { refuse } from '../refuse';
import { renderScalar } from '../render';
import type { Fix } from '../types';
import { fix, removeEntries } from './common';

/** The volume sources restricted allows. */
export const ALLOWED_SOURCES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);

/**
 * Replaces the volume's forbidden sources with `emptyDir: {}` (the first one; any others are removed), or only
 * removes them when the volume already has an allowed source.
 */
export function replaceSources(ctx: FixContext, forbidden: (key: string) => boolean): Fix[] {
  if (ctx.site.kind !== 'volume') return [];
  const r = ctx.reader;
  const volume = ctx.site.volume;
  const name = renderScalar(ctx.site.name, 'double', false);
  const sources = r.entries(volume).filter((e) => e.key !== 'name' && e.value.node !== null);
  const bad = sources.filter((s) => forbidden(s.key));
  if (!bad.length) return [];
  const map = editableMap(volume);
  const types = bad.map((b) => b.key).join(', ');
  if (sources.some((s) => ALLOWED_SOURCES.has(s.key))) {
    return fix(ctx, `Remove ${types} from volume ${name}`, removeEntries(ctx, volume, bad.map((b) => b.key)), false);
  }
  const [first, ...rest] = bad;
  const pair = ownPair(map, first.key) ?? refuse('source comes from a merge key');
  const edits = [replacePair(ctx, map, pair, 'emptyDir', {})];
  if (rest.length) edits.push(...removeEntries(ctx, volume, rest.map((b) => b.key)));
  return fix(ctx, `Replace ${types} volume ${name} with emptyDir: {} (the pod no longer sees that storage)`, edits, false);
}

/**
 * The controller's per-object text for the first pod spec of a manifest (`reason (detail), …` in its fixed check
 * order), as the PSA would print it after `violates PodSecurity "<level>:<version>": `. Tests use it to compare the
 * object summary, which is what `format(all items)` produces, with the upstream wording.
 */
import { checkPod, parseManifest, podTargets, summarize } from '../../../server/src/engine';
import type { Level } from '../../../server/src/engine';

export function summaryOf(text: string, level: Level, version: string): string {
  const doc = parseManifest(text).documents.find((d) => podTargets(d).length);
  if (!doc) throw new Error('no pod spec in manifest');
  return summarize(checkPod(podTargets(doc)[0], { level, version }));
}

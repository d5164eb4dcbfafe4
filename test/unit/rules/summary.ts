/**
 * The controller's per-object text for one check (`reason (detail)` over all of its violations), one entry per pod
 * spec in the file: what `format(allItems)` says, as opposed to each finding's own message.
 */
import { checkPod, parseManifest, podTargets, summarize } from '../../../server/src/engine';
import type { Level } from '../../../server/src/engine';

export function summaries(text: string, ruleId: string, level: Level = 'baseline', version = 'latest'): string[] {
  return parseManifest(text).documents.flatMap((doc) =>
    podTargets(doc).flatMap((pod) => {
      const results = checkPod(pod, { level, version }).filter((r) => r.ruleId === ruleId);
      return results.length ? [summarize(results)] : [];
    }),
  );
}

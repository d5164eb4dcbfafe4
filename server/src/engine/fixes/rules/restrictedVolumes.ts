/** restrictedVolumes: replace a forbidden volume source with `emptyDir: {}` (not preferred, as for hostPath). */
import { RuleFixer } from './common';
import { ALLOWED_SOURCES, replaceSources } from './volume-sources';

export const restrictedVolumes: RuleFixer = {
  ruleId: 'restrictedVolumes',
  preferred: false,
  fixes: (ctx) => replaceSources(ctx, (key) => !ALLOWED_SOURCES.has(key)),
};

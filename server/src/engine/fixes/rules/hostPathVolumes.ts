/** hostPathVolumes: replace the `hostPath` source with `emptyDir: {}` (not preferred). */
import { RuleFixer } from './common';
import { replaceSources } from './volume-sources';

export const hostPathVolumes: RuleFixer = {
  ruleId: 'hostPathVolumes',
  preferred: false,
  fixes: (ctx) => replaceSources(ctx, (key) => key === 'hostPath'),
};

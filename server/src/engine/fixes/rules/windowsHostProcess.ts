/** windowsHostProcess: `windowsOptions.hostProcess: true` -> `false` (pod or container). */
import { setScalar } from '../edits/set-scalar';
import { fix, RuleFixer, securityContextOf } from './common';

export const windowsHostProcess: RuleFixer = {
  ruleId: 'windowsHostProcess',
  fixes(ctx) {
    const value = ctx.reader.path(securityContextOf(ctx).securityContext, 'windowsOptions', 'hostProcess');
    if (!value || ctx.reader.bool(value) !== true) return [];
    return fix(ctx, 'Set windowsOptions.hostProcess: false', [setScalar(ctx, value, false)]);
  },
};

/** privileged: `securityContext.privileged: true` -> `false`. */
import { setScalar } from '../edits/set-scalar';
import { containerOf, fix, RuleFixer } from './common';

export const privileged: RuleFixer = {
  ruleId: 'privileged',
  fixes(ctx) {
    const value = ctx.reader.path(containerOf(ctx).ref, 'securityContext', 'privileged');
    if (!value || ctx.reader.bool(value) !== true) return [];
    return fix(ctx, 'Set privileged: false', [setScalar(ctx, value, false)]);
  },
};

/** allowPrivilegeEscalation: set it to `false` on the container, creating `securityContext` when absent. */
import { ensurePath } from '../edits/ensure-path';
import { containerOf, fix, RuleFixer } from './common';

export const allowPrivilegeEscalation: RuleFixer = {
  ruleId: 'allowPrivilegeEscalation',
  fixes(ctx) {
    const edit = ensurePath(ctx, ctx.reader, containerOf(ctx).ref, ['securityContext', 'allowPrivilegeEscalation'], false);
    return fix(ctx, 'Set allowPrivilegeEscalation: false', [edit]);
  },
};

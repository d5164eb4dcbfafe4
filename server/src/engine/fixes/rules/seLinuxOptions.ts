/** seLinuxOptions: remove the `user` or `role` the finding is on, or set a forbidden `type` to `container_t`. */
import { setScalar } from '../edits/set-scalar';
import { fix, pick, removeEntries, RuleFixer, securityContextOf } from './common';

export const seLinuxOptions: RuleFixer = {
  ruleId: 'seLinuxOptions',
  fixes(ctx) {
    const r = ctx.reader;
    const { securityContext } = securityContextOf(ctx);
    const options = r.child(securityContext, 'seLinuxOptions');
    const fields = (['type', 'user', 'role'] as const).map((field) => ({ field, ref: r.child(options, field) })).filter((f) => f.ref && f.ref.node !== null);
    const target = pick(ctx, fields, (f) => f.ref!.span);
    if (!target) return [];
    if (target.field === 'type') return fix(ctx, 'Set seLinuxOptions.type: container_t', [setScalar(ctx, target.ref!, 'container_t')]);
    return fix(ctx, `Remove seLinuxOptions.${target.field}`, removeEntries(ctx, options!, [target.field], securityContext));
  },
};

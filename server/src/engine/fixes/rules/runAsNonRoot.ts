/**
 * runAsNonRoot: an explicit `false` (pod or container) becomes `true`; a container that leaves it unset gets the
 * pod-level `securityContext.runAsNonRoot: true`, which covers every container.
 */
import { ensurePath } from '../edits/ensure-path';
import { setScalar } from '../edits/set-scalar';
import { fix, RuleFixer, securityContextOf } from './common';

export const runAsNonRoot: RuleFixer = {
  ruleId: 'runAsNonRoot',
  fixes(ctx) {
    const r = ctx.reader;
    const { securityContext } = securityContextOf(ctx);
    const own = r.child(securityContext, 'runAsNonRoot');
    if (own && r.bool(own) === false) return fix(ctx, 'Set runAsNonRoot: true', [setScalar(ctx, own, true)]);
    if (r.bool(r.path(ctx.pod.spec, 'securityContext', 'runAsNonRoot')) === true) return [];
    const edit = ensurePath(ctx, r, ctx.pod.spec, ['securityContext', 'runAsNonRoot'], true);
    return fix(ctx, 'Set runAsNonRoot: true in the pod securityContext', [edit]);
  },
};

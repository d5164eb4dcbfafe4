/** runAsUser: `0` becomes the configured non-root UID. Not preferred: the process then runs as another user. */
import { setScalar } from '../edits/set-scalar';
import { fix, RuleFixer, securityContextOf } from './common';

export const runAsUser: RuleFixer = {
  ruleId: 'runAsUser',
  preferred: false,
  fixes(ctx) {
    const r = ctx.reader;
    const value = r.child(securityContextOf(ctx).securityContext, 'runAsUser');
    if (!value || r.num(value) !== 0) return [];
    const uid = ctx.nonRootUserId;
    return fix(ctx, `Set runAsUser: ${uid} (the process then runs as UID ${uid}, check it can read its files)`, [setScalar(ctx, value, uid)], false);
  },
};

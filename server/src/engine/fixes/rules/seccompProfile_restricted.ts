/**
 * seccompProfile_restricted: a profile with a forbidden or missing type gets `type: RuntimeDefault`; a container
 * with no profile at all gets the pod-level `seccompProfile: {type: RuntimeDefault}`, which covers every container.
 */
import { ensurePath } from '../edits/ensure-path';
import { fix, RuleFixer, securityContextOf } from './common';
import { annotationFix, fixProfileType } from './seccompProfile_baseline';

export const seccompProfile_restricted: RuleFixer = {
  ruleId: 'seccompProfile_restricted',
  fixes(ctx) {
    if (ctx.site.kind === 'metadata') return annotationFix(ctx);
    const r = ctx.reader;
    const own = fixProfileType(ctx, securityContextOf(ctx).securityContext);
    if (own) return own;
    const podProfile = fixProfileType(ctx, r.child(ctx.pod.spec, 'securityContext'));
    if (podProfile) return podProfile;
    const edit = ensurePath(ctx, r, ctx.pod.spec, ['securityContext', 'seccompProfile'], { type: 'RuntimeDefault' });
    return fix(ctx, 'Set seccompProfile: {type: RuntimeDefault} in the pod securityContext', [edit]);
  },
};

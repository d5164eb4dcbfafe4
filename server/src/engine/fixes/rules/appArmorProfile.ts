/**
 * appArmorProfile: a forbidden profile type becomes `RuntimeDefault` (dropping a `localhostProfile`, which only
 * goes with Localhost); a forbidden AppArmor annotation value becomes `runtime/default`.
 */
import { ensurePath } from '../edits/ensure-path';
import { setScalar } from '../edits/set-scalar';
import type { TextEdit } from '../types';
import { fix, pick, removeEntries, RuleFixer, securityContextOf } from './common';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export const appArmorProfile: RuleFixer = {
  ruleId: 'appArmorProfile',
  fixes(ctx) {
    const r = ctx.reader;
    if (ctx.site.kind === 'metadata') {
      const annotations = r.entries(r.child(ctx.pod.metadata, 'annotations')).filter((e) => e.key.startsWith(ANNOTATION_PREFIX));
      const target = pick(ctx, annotations, (e) => e.value.span);
      if (!target) return [];
      return fix(ctx, 'Set the AppArmor annotation to runtime/default', [setScalar(ctx, target.value, 'runtime/default')]);
    }
    const { securityContext } = securityContextOf(ctx);
    const profile = r.child(securityContext, 'appArmorProfile');
    if (!profile) return [];
    const type = r.str(r.child(profile, 'type'));
    if (type === 'RuntimeDefault' || type === 'Localhost') return [];
    const edits: (TextEdit | undefined)[] = [ensurePath(ctx, r, securityContext!, ['appArmorProfile', 'type'], 'RuntimeDefault')];
    if (r.child(profile, 'localhostProfile')) edits.push(...removeEntries(ctx, profile, ['localhostProfile']));
    return fix(ctx, 'Set appArmorProfile.type: RuntimeDefault', edits);
  },
};

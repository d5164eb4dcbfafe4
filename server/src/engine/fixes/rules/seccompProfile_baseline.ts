/**
 * seccompProfile_baseline: a forbidden profile type (`Unconfined`) becomes `RuntimeDefault`; before v1.19 the
 * forbidden annotation value becomes `runtime/default`.
 */
import type { Ref } from '../../parse/nodes';
import { ensurePath } from '../edits/ensure-path';
import { setScalar } from '../edits/set-scalar';
import type { FixContext } from '../locate';
import type { Fix, TextEdit } from '../types';
import { fix, pick, removeEntries, RuleFixer, securityContextOf } from './common';

const VALID_TYPES = new Set(['RuntimeDefault', 'Localhost']);
const ANNOTATION_PREFIXES = ['seccomp.security.alpha.kubernetes.io/pod', 'container.seccomp.security.alpha.kubernetes.io/'];

export const seccompProfile_baseline: RuleFixer = {
  ruleId: 'seccompProfile_baseline',
  fixes(ctx) {
    if (ctx.site.kind === 'metadata') return annotationFix(ctx);
    return fixProfileType(ctx, securityContextOf(ctx).securityContext) ?? [];
  },
};

/**
 * When `securityContext.seccompProfile` is present with a type other than RuntimeDefault/Localhost: the fix that
 * sets `type: RuntimeDefault` (dropping a `localhostProfile`, which only goes with Localhost). Undefined when there
 * is no profile object.
 */
export function fixProfileType(ctx: FixContext, securityContext: Ref | undefined): Fix[] | undefined {
  const r = ctx.reader;
  const profile = r.child(securityContext, 'seccompProfile');
  if (!profile) return undefined;
  if (VALID_TYPES.has(r.str(r.child(profile, 'type')) ?? '')) return [];
  const edits: (TextEdit | undefined)[] = [ensurePath(ctx, r, securityContext!, ['seccompProfile', 'type'], 'RuntimeDefault')];
  if (r.child(profile, 'localhostProfile')) edits.push(...removeEntries(ctx, profile, ['localhostProfile']));
  return fix(ctx, 'Set seccompProfile.type: RuntimeDefault', edits);
}

export function annotationFix(ctx: FixContext): Fix[] {
  const r = ctx.reader;
  const annotations = r.entries(r.child(ctx.pod.metadata, 'annotations')).filter((e) => ANNOTATION_PREFIXES.some((p) => e.key.startsWith(p)));
  const target = pick(ctx, annotations, (e) => e.value.span);
  if (!target) return [];
  return fix(ctx, 'Set the seccomp annotation to runtime/default', [setScalar(ctx, target.value, 'runtime/default')]);
}

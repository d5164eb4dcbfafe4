/** procMount (and procMount_restricted): any value other than `Default` becomes `Default`. */
import { setScalar } from '../edits/set-scalar';
import type { FixContext } from '../locate';
import type { Fix } from '../types';
import { containerOf, fix, RuleFixer } from './common';

export function procMountDefault(ctx: FixContext): Fix[] {
  const value = ctx.reader.path(containerOf(ctx).ref, 'securityContext', 'procMount');
  if (!value || value.node === null || ctx.reader.str(value) === 'Default') return [];
  return fix(ctx, 'Set procMount: Default', [setScalar(ctx, value, 'Default')]);
}

export const procMount: RuleFixer = { ruleId: 'procMount', fixes: procMountDefault };

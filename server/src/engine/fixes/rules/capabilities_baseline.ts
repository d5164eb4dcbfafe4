/** capabilities_baseline: remove the non-default capability the finding is on from `capabilities.add`. */
import type { FixContext } from '../locate';
import { renderScalar } from '../render';
import type { Fix } from '../types';
import { containerOf, fix, pick, removeListItems, RuleFixer } from './common';

const DEFAULT_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

export const capabilities_baseline: RuleFixer = {
  ruleId: 'capabilities_baseline',
  fixes: (ctx) => removeAddedCapability(ctx, (capability) => !DEFAULT_CAPABILITIES.has(capability)) ?? [],
};

/**
 * The fix for a finding on one item of `capabilities.add`: remove that item (the whole `add` entry when it was the
 * last one). Undefined when the finding is not on an item of `add`.
 */
export function removeAddedCapability(ctx: FixContext, forbidden: (capability: string) => boolean): Fix[] | undefined {
  const r = ctx.reader;
  const securityContext = r.child(containerOf(ctx).ref, 'securityContext');
  const capabilities = r.child(securityContext, 'capabilities');
  const items = r.items(r.child(capabilities, 'add'));
  const onItem = items.filter((i) => i.span.start <= ctx.finding.span.start && ctx.finding.span.end <= i.span.end);
  if (!onItem.length) return undefined;
  const target = pick(ctx, onItem, (i) => i.span);
  const capability = target && r.text(target);
  if (!target || capability === undefined || !forbidden(capability)) return [];
  const index = items.indexOf(target);
  return fix(ctx, `Remove ${renderScalar(capability, 'double', false)} from capabilities.add`, removeListItems(ctx, capabilities!, 'add', [index], securityContext));
}

/**
 * capabilities_restricted: a finding on an added capability removes it; the finding for a missing `drop: [ALL]`
 * adds `ALL` to the existing `drop` list (block or flow), or creates `drop` / `capabilities` / `securityContext`.
 */
import { isSeq } from 'yaml';
import { ensurePath } from '../edits/ensure-path';
import { appendItems, fillEmpty } from '../edits/insert';
import { editableMap, editableSeq, ownNode, quoteOf } from '../edits/nodes';
import type { FixContext } from '../locate';
import { refuse } from '../refuse';
import type { Fix } from '../types';
import { containerOf, fix, RuleFixer } from './common';
import { removeAddedCapability } from './capabilities_baseline';

export const capabilities_restricted: RuleFixer = {
  ruleId: 'capabilities_restricted',
  fixes(ctx) {
    const removal = removeAddedCapability(ctx, (capability) => capability !== 'NET_BIND_SERVICE');
    return removal ?? dropAll(ctx);
  },
};

const TITLE = 'Add capabilities.drop: [ALL]';

function dropAll(ctx: FixContext): Fix[] {
  const r = ctx.reader;
  const container = containerOf(ctx);
  const capabilities = r.path(container.ref, 'securityContext', 'capabilities');
  const drop = r.child(capabilities, 'drop');
  if (drop && isSeq(drop.node)) {
    if (r.items(drop).some((d) => r.str(d) === 'ALL')) return [];
    const seq = editableSeq(drop);
    const last = seq.items[seq.items.length - 1];
    return fix(ctx, 'Add ALL to capabilities.drop', [appendItems(ctx, seq, ['ALL'], quoteOf(last))]);
  }
  if (drop && drop.node === null) {
    ownNode(drop);
    return fix(ctx, TITLE, [fillEmpty(ctx, editableMap(capabilities), drop.pair ?? refuse('no pair'), ['ALL'])]);
  }
  if (drop) refuse('drop is not a list');
  return fix(ctx, TITLE, [ensurePath(ctx, r, container.ref, ['securityContext', 'capabilities', 'drop'], ['ALL'])]);
}

/**
 * imagePullPolicy: a mutable tag gets `imagePullPolicy: Always`, replacing the policy written (keeping its quotes)
 * or inserted right after `image`. Preferred: the container runs the same image, only re-checked on each start.
 */
import { insertPairsAfter } from '../edits/insert-after';
import { editableMap, ownPair } from '../edits/nodes';
import { setScalar } from '../edits/set-scalar';
import { containerOf, fix, RuleFixer } from './common';

const TITLE = 'Set imagePullPolicy: Always';

export const imagePullPolicy: RuleFixer = {
  ruleId: 'imagePullPolicy',
  fixes(ctx) {
    const container = containerOf(ctx).ref;
    const policy = ctx.reader.child(container, 'imagePullPolicy');
    if (policy) return fix(ctx, TITLE, [setScalar(ctx, policy, 'Always')]);
    const map = editableMap(container);
    return fix(ctx, TITLE, [insertPairsAfter(ctx, map, ownPair(map, 'image'), { imagePullPolicy: 'Always' })]);
  },
};

/**
 * automountServiceAccountToken: set it to `false` in the pod spec (flipping `true`, or inserted after
 * `serviceAccountName` where there is one). Not preferred: a workload that calls the Kubernetes API loses its token.
 */
import { insertPairsAfter } from '../edits/insert-after';
import { editableMap, ownPair } from '../edits/nodes';
import { setScalar } from '../edits/set-scalar';
import { fix, RuleFixer } from './common';

const TITLE = 'Set automountServiceAccountToken: false (breaks workloads that call the Kubernetes API)';

export const automountServiceAccountToken: RuleFixer = {
  ruleId: 'automountServiceAccountToken',
  preferred: false,
  fixes(ctx) {
    const spec = ctx.pod.spec;
    const field = ctx.reader.child(spec, 'automountServiceAccountToken');
    if (field) return fix(ctx, TITLE, [setScalar(ctx, field, false)], false);
    const map = editableMap(spec);
    const after = ownPair(map, 'serviceAccountName') ?? ownPair(map, 'serviceAccount');
    return fix(ctx, TITLE, [insertPairsAfter(ctx, map, after, { automountServiceAccountToken: false })], false);
  },
};

/** hostNamespaces: the offending `hostNetwork` / `hostPID` / `hostIPC: true` becomes `false`. */
import { setScalar } from '../edits/set-scalar';
import { fix, pick, RuleFixer } from './common';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'];

export const hostNamespaces: RuleFixer = {
  ruleId: 'hostNamespaces',
  fixes(ctx) {
    const r = ctx.reader;
    const set = FIELDS.map((field) => ({ field, ref: r.child(ctx.pod.spec, field) })).filter((f) => r.bool(f.ref) === true);
    const target = pick(ctx, set, (f) => f.ref!.span);
    if (!target) return [];
    return fix(ctx, `Set ${target.field}: false`, [setScalar(ctx, target.ref!, false)]);
  },
};

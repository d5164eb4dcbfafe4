/** sysctls: remove the unsafe entry from `securityContext.sysctls` (the whole list when it was the last). */
import { fix, removeListItems, RuleFixer } from './common';

export const sysctls: RuleFixer = {
  ruleId: 'sysctls',
  fixes(ctx) {
    if (ctx.site.kind !== 'pod') return [];
    const r = ctx.reader;
    const securityContext = r.child(ctx.pod.spec, 'securityContext');
    const items = r.items(r.child(securityContext, 'sysctls'));
    const { start, end } = ctx.finding.span;
    const hits = items.filter((i) => i.span.start <= start && end <= i.span.end);
    if (hits.length !== 1) return [];
    const name = r.text(r.child(hits[0], 'name')) ?? '';
    return fix(ctx, `Remove sysctl ${name}`.trimEnd(), removeListItems(ctx, securityContext!, 'sysctls', [items.indexOf(hits[0])], ctx.pod.spec));
  },
};

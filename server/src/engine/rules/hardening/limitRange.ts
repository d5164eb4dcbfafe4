/*
 * limitRange (hardening)
 * A namespace declared among the inputs, with workloads, should have a LimitRange so containers get default
 * requests and limits. Reported on the Namespace manifest.
 */
import { namespaceReportPlace } from './namespace-location';
import type { HardeningRule } from './rule';

export const limitRange: HardeningRule = {
  id: 'limitRange',
  category: 'hardening',
  defaultSeverity: 'info',
  check(ctx) {
    if (ctx.object.kind !== 'Namespace') return [];
    const place = namespaceReportPlace(ctx);
    if (!place) return [];
    const { workspace, defaultNamespace } = ctx;
    if (!workspace.workloads(place.namespace, defaultNamespace).length) return [];
    if (workspace.limitRanges(place.namespace, defaultNamespace).length) return [];
    return [{ span: place.span, message: `namespace "${place.namespace}" has workloads but no LimitRange` }];
  },
  docs: {
    title: 'LimitRange',
    summary: 'A namespace with workloads should have a LimitRange that gives containers default requests and limits.',
    why: 'Containers without limits can starve their neighbours; a LimitRange is the namespace-wide safety net when a manifest forgets them.',
    fix: 'Add a LimitRange with `default` and `defaultRequest` for cpu and memory to the namespace.',
    url: 'https://kubernetes.io/docs/concepts/policy/limit-range/',
    fields: ['namespace'],
  },
};

/**
 * Namespace-wide findings are reported once: on the Namespace manifest's name when there is one, else on the first
 * workload of the namespace (in path order). These helpers decide whether the object being checked is that place.
 */
import type { HardeningContext } from './rule';
import type { Span } from '../../types';

export interface NamespacePlace {
  namespace: string;
  span: Span;
}

export function namespaceReportPlace(ctx: HardeningContext): NamespacePlace | undefined {
  const { object, workspace, defaultNamespace, file, document } = ctx;
  const r = document.reader;
  const nameSpan = r.path(object.ref, 'metadata', 'name')?.span;
  if (object.kind === 'Namespace' && object.apiVersion === 'v1') {
    const declared = object.name ? workspace.namespace(object.name) : undefined;
    if (!declared || declared.file !== file || declared.documentIndex !== object.documentIndex || !nameSpan) return undefined;
    return { namespace: object.name!, span: nameSpan };
  }
  if (!ctx.pod || workspace.namespace(ctx.namespace)) return undefined;
  const first = workspace.workloads(ctx.namespace, defaultNamespace)[0];
  if (!first || first.file !== file || first.documentIndex !== object.documentIndex || first.name !== (object.name ?? '') || first.kind !== object.kind) return undefined;
  const span = nameSpan ?? r.child(object.ref, 'kind')?.span;
  return span && { namespace: ctx.namespace, span };
}

/**
 * hostPorts: remove the `hostPort` entry (the whole port when it has nothing else). In a Pod with
 * `hostNetwork: true` the API server gives every port a hostPort anyway, so there is no fix here: the
 * hostNamespaces fix removes the cause.
 */
import { editableSeq, ownNode } from '../edits/nodes';
import { removeItems } from '../edits/remove';
import { containerOf, fix, removeEntries, RuleFixer } from './common';

export const hostPorts: RuleFixer = {
  ruleId: 'hostPorts',
  fixes(ctx) {
    const r = ctx.reader;
    const container = containerOf(ctx);
    const defaulted = ctx.pod.isPod && container.kind !== 'ephemeralContainers' && r.bool(r.child(ctx.pod.spec, 'hostNetwork')) === true;
    if (defaulted) return [];
    const portsRef = r.child(container.ref, 'ports');
    const ports = r.items(portsRef);
    const index = ports.findIndex((p) => {
      const hostPort = r.child(p, 'hostPort');
      return hostPort && hostPort.span.start <= ctx.finding.span.start && ctx.finding.span.end <= hostPort.span.end;
    });
    if (index < 0) return [];
    const port = ports[index];
    const hostPort = r.child(port, 'hostPort')!;
    ownNode(hostPort);
    const title = `Remove hostPort: ${r.text(hostPort) ?? ''}`.trimEnd();
    if (r.entries(port).length === 1) return fix(ctx, title, removeItems(ctx, editableSeq(portsRef), [index]));
    return fix(ctx, title, removeEntries(ctx, port, ['hostPort']));
  },
};

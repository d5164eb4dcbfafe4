/** hostProbesAndHostLifecycle: remove the `host` of the probe or lifecycle handler (it then targets the pod IP). */
import { renderScalar } from '../render';
import { containerOf, fix, pick, removeEntries, RuleFixer } from './common';

const HANDLERS: readonly string[][] = [['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop']];
const ACTIONS = ['httpGet', 'tcpSocket'];

export const hostProbesAndHostLifecycle: RuleFixer = {
  ruleId: 'hostProbesAndHostLifecycle',
  fixes(ctx) {
    const r = ctx.reader;
    const container = containerOf(ctx);
    const hosts = HANDLERS.flatMap((handler) => ACTIONS.map((action) => r.path(container.ref, ...handler, action)))
      .filter((action) => r.str(r.child(action, 'host')))
      .map((action) => ({ action: action!, host: r.child(action, 'host')! }));
    const target = pick(ctx, hosts, (h) => h.host.span);
    if (!target) return [];
    const title = `Remove host ${renderScalar(r.str(target.host) ?? '', 'double', false)} (the check then targets the pod IP)`;
    return fix(ctx, title, removeEntries(ctx, target.action, ['host']));
  },
};

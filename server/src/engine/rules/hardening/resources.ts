/*
 * resources (hardening)
 * Containers should declare a memory limit, a memory request and a CPU request (a CPU limit only when the
 * `requireCpuLimits` setting is on: CPU limits cause throttling). Requests default to limits (API defaulting).
 */
import { containerAnchor } from '../anchors';
import { longRunningContainers } from './containers';
import type { HardeningRule } from './rule';

export const resources: HardeningRule = {
  id: 'resources',
  category: 'hardening',
  defaultSeverity: 'warning',
  check({ pod, settings }) {
    if (!pod) return [];
    const r = pod.reader;
    return longRunningContainers(pod).flatMap((c) => {
      const res = r.child(c.ref, 'resources');
      const has = (section: string, name: string) => {
        const v = r.path(res, section, name);
        return !!v && v.node !== null;
      };
      const missing: string[] = [];
      const memLimit = has('limits', 'memory');
      const cpuLimit = has('limits', 'cpu');
      if (!memLimit) missing.push('resources.limits.memory');
      if (!has('requests', 'memory') && !memLimit) missing.push('resources.requests.memory');
      if (!has('requests', 'cpu') && !cpuLimit) missing.push('resources.requests.cpu');
      if (settings.requireCpuLimits && !cpuLimit) missing.push('resources.limits.cpu');
      if (!missing.length) return [];
      return [{ span: containerAnchor(pod, c, ['resources']), message: `container "${c.name}" should set ${missing.join(', ')}` }];
    });
  },
  docs: {
    title: 'Resource requests and limits',
    summary: 'Containers should declare a memory limit, a memory request and a CPU request. CPU limits are not required unless configured.',
    why: 'Without a memory limit one container can exhaust the node\'s memory and get other pods OOM-killed (a denial of service); without requests the scheduler over-commits nodes.',
    fix: 'Add `resources.requests.cpu`, `resources.requests.memory` and `resources.limits.memory` sized for the workload.',
    url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
    fields: ['resources', 'limits', 'requests'],
  },
};

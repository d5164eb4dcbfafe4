/*
 * privileged (baseline, v1.0)
 * Privileged Pods disable most security mechanisms and must be disallowed.
 * Restricted Fields: spec.{initContainers,containers,ephemeralContainers}[*].securityContext.privileged
 * Allowed Values: false, undefined/null
 */
import { containersPhrase, unique } from '../format';
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

export const privileged: PssRule = {
  id: 'privileged',
  level: 'baseline',
  versions: [
    versioned<string[]>({
      minimumVersion: 0,
      check(pod) {
        const r = pod.reader;
        const parts: Part<string>[] = [];
        for (const c of pod.containers) {
          const value = r.path(c.ref, 'securityContext', 'privileged');
          if (r.bool(value) === true) parts.push({ span: value!.span, part: c.name });
        }
        // Containers sharing one `securityContext: *sc` (or one aliased list) are named in one finding there.
        return byPlace(parts);
      },
      format: (names) => ({
        reason: 'privileged',
        detail: `${containersPhrase(unique(names.flat()))} must not set securityContext.privileged=true`,
      }),
    }),
  ],
  docs: {
    title: 'Privileged containers',
    summary: 'Containers must not run privileged (`securityContext.privileged: true`).',
    why: 'A privileged container has all capabilities and access to every host device; a process in it can load kernel modules, mount the host filesystem and take over the node.',
    allowed: '`false` or unset',
    fix: 'Remove `privileged: true` or set it to `false`; grant only the specific capabilities the workload needs.',
    url: BASELINE_URL,
    fields: ['privileged'],
  },
};

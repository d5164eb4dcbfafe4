/*
 * privileged (baseline, v1.0)
 * Privileged Pods disable most security mechanisms and must be disallowed.
 * Restricted Fields: spec.{initContainers,containers,ephemeralContainers}[*].securityContext.privileged
 * Allowed Values: false, undefined/null
 */
import { containersPhrase, unique } from '../format';
import { BASELINE_URL, PssRule, versioned } from '../rule';

export const privileged: PssRule = {
  id: 'privileged',
  level: 'baseline',
  versions: [
    versioned<string>({
      minimumVersion: 0,
      check(pod) {
        const r = pod.reader;
        return pod.containers.flatMap((c) => {
          const value = r.path(c.ref, 'securityContext', 'privileged');
          return r.bool(value) === true ? [{ span: value!.span, item: c.name }] : [];
        });
      },
      format: (names) => ({
        reason: 'privileged',
        detail: `${containersPhrase(unique(names))} must not set securityContext.privileged=true`,
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

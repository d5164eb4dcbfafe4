/*
 * hostNamespaces (baseline, v1.0)
 * Sharing the host namespaces must be disallowed.
 * Restricted Fields: spec.hostNetwork, spec.hostPID, spec.hostIPC
 * Allowed Values: false, undefined/null
 */
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

/** In the controller's reporting order. */
const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;
type Field = (typeof FIELDS)[number];

export const hostNamespaces: PssRule = {
  id: 'hostNamespaces',
  level: 'baseline',
  versions: [
    versioned<Field[]>({
      minimumVersion: 0,
      check(pod) {
        const r = pod.reader;
        const parts: Part<Field>[] = [];
        for (const field of FIELDS) {
          const value = r.child(pod.spec, field);
          if (r.bool(value) === true) parts.push({ span: value!.span, part: field });
        }
        // Fields reached through one alias or merge key (`spec: *shared`, `<<: *host`) share a place and a finding.
        return byPlace(parts);
      },
      format: (fields) => {
        const set = new Set(fields.flat());
        return { reason: 'host namespaces', detail: FIELDS.filter((f) => set.has(f)).map((f) => `${f}=true`).join(', ') };
      },
    }),
  ],
  docs: {
    title: 'Host namespaces',
    summary: 'Pods must not share the host\'s network, process or IPC namespaces (`hostNetwork`, `hostPID`, `hostIPC`).',
    why: 'With host namespaces a container can sniff and spoof the node\'s network traffic, reach services bound to localhost, see and signal every process on the node, and read other processes\' shared memory.',
    allowed: '`false` or unset',
    fix: 'Remove the field or set it to `false`; expose the workload through a Service instead of the host network.',
    url: BASELINE_URL,
    fields: ['hostNetwork', 'hostPID', 'hostIPC'],
  },
};

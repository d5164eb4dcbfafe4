/*
 * hostNamespaces (baseline, v1.0)
 * Sharing the host namespaces must be disallowed.
 * Restricted Fields: spec.hostNetwork, spec.hostPID, spec.hostIPC
 * Allowed Values: false, undefined/null
 */
import { BASELINE_URL, PssRule, versioned } from '../rule';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export const hostNamespaces: PssRule = {
  id: 'hostNamespaces',
  level: 'baseline',
  versions: [
    versioned<string>({
      minimumVersion: 0,
      check(pod) {
        const r = pod.reader;
        return FIELDS.flatMap((field) => {
          const value = r.child(pod.spec, field);
          return r.bool(value) === true ? [{ span: value!.span, item: field }] : [];
        });
      },
      format: (fields) => ({
        reason: 'host namespaces',
        detail: FIELDS.filter((f) => fields.includes(f)).map((f) => `${f}=true`).join(', '),
      }),
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

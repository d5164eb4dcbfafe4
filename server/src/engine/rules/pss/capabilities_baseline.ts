/*
 * capabilities_baseline (baseline, v1.0; replaced by capabilities_restricted under restricted from v1.22)
 * Adding additional capabilities beyond the default set must be disallowed.
 * Restricted Fields: spec.{initContainers,containers,ephemeralContainers}[*].securityContext.capabilities.add
 * Allowed Values: undefined/empty, AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE,
 *   SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT (exact strings: no CAP_ prefix, no lower case)
 */
import type { PodTarget } from '../../parse/pod-specs';
import { containersPhrase, joinQuote, sortedUnique, unique } from '../format';
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

const DEFAULT_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

interface Added {
  container: string;
  capability: string;
}

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<Added>[] = [];
  for (const c of pod.containers) {
    for (const item of r.items(r.path(c.ref, 'securityContext', 'capabilities', 'add'))) {
      // A null item decodes as "" (not a default capability).
      const capability = item.node === null ? '' : r.str(item);
      if (capability !== undefined && !DEFAULT_CAPABILITIES.has(capability)) parts.push({ span: item.span, part: { container: c.name, capability } });
    }
  }
  return byPlace(parts);
}

function format(items: Added[][]) {
  const added = items.flat();
  return {
    reason: 'non-default capabilities',
    detail: `${containersPhrase(unique(added.map((a) => a.container)))} must not include ${joinQuote(sortedUnique(added.map((a) => a.capability)))} in securityContext.capabilities.add`,
  };
}

export const capabilities_baseline: PssRule = {
  id: 'capabilities_baseline',
  level: 'baseline',
  versions: [versioned<Added[]>({ minimumVersion: 0, check, format })],
  docs: {
    title: 'Capabilities',
    summary: 'Containers may add only capabilities from the default set to `securityContext.capabilities.add`; anything else, such as `SYS_ADMIN`, `NET_ADMIN`, `NET_RAW` or `ALL`, is forbidden.',
    why: 'Capabilities split root\'s power into pieces; extra ones such as `SYS_ADMIN`, `SYS_PTRACE` or `NET_ADMIN` let a container mount filesystems, trace other processes or reconfigure the network, and are the usual first step of a container escape.',
    allowed: '`AUDIT_WRITE`, `CHOWN`, `DAC_OVERRIDE`, `FOWNER`, `FSETID`, `KILL`, `MKNOD`, `NET_BIND_SERVICE`, `SETFCAP`, `SETGID`, `SETPCAP`, `SETUID`, `SYS_CHROOT` (exact spelling, without the `CAP_` prefix), or nothing',
    fix: 'Remove the capability from `capabilities.add`; if the workload truly needs it, run it in a namespace with a more permissive policy.',
    url: BASELINE_URL,
    fields: ['capabilities', 'add'],
  },
};

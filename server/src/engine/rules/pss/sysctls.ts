/*
 * sysctls (baseline, v1.0; v1.27; v1.29; v1.32; v1.37)
 * Sysctls can disable security mechanisms or affect all containers on a host, and should be disallowed except
 * for an allowed "safe" subset. A sysctl is considered safe if it is namespaced in the container or the Pod, and
 * it is isolated from other Pods or processes on the same Node.
 * Restricted Fields: spec.securityContext.sysctls[*].name
 * Allowed Values: undefined/empty, and (exact names, cumulative)
 *   v1.0:  kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies,
 *          net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start
 *   v1.27: net.ipv4.ip_local_reserved_ports
 *   v1.29: net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl,
 *          net.ipv4.tcp_keepalive_probes
 *   v1.32: net.ipv4.tcp_rmem, net.ipv4.tcp_wmem
 *   v1.37: net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat (unreleased)
 */
import type { PodTarget } from '../../parse/pod-specs';
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

const ALLOWED_1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const ALLOWED_1_27 = [...ALLOWED_1_0, 'net.ipv4.ip_local_reserved_ports'];
const ALLOWED_1_29 = [...ALLOWED_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const ALLOWED_1_32 = [...ALLOWED_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const ALLOWED_1_37 = [...ALLOWED_1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];

function checkWith(allowedNames: readonly string[]) {
  const allowed = new Set(allowedNames);
  return (pod: PodTarget) => {
    const r = pod.reader;
    const parts: Part<string>[] = [];
    for (const sysctl of r.items(r.path(pod.spec, 'securityContext', 'sysctls'))) {
      const nameRef = r.child(sysctl, 'name');
      const name = r.str(nameRef);
      if (name !== undefined && !allowed.has(name)) parts.push({ span: nameRef!.span, part: name });
    }
    return byPlace(parts);
  };
}

/** Names in spec order, neither quoted nor deduplicated. */
const format = (items: string[][]) => ({ reason: 'forbidden sysctls', detail: items.flat().join(', ') });

const version = (minimumVersion: number, allowed: readonly string[]) => versioned<string[]>({ minimumVersion, check: checkWith(allowed), format });

export const sysctls: PssRule = {
  id: 'sysctls',
  level: 'baseline',
  versions: [version(0, ALLOWED_1_0), version(27, ALLOWED_1_27), version(29, ALLOWED_1_29), version(32, ALLOWED_1_32), version(37, ALLOWED_1_37)],
  docs: {
    title: 'Sysctls',
    summary: 'Pod `securityContext.sysctls` may only name sysctls from the safe, namespaced allow-list (exact names; `net/ipv4/…` spellings do not count).',
    why: 'Many sysctls are not isolated per pod: changing them affects the whole node, every other pod on it, or can be used to weaken kernel protections.',
    allowed: '`kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `net.ipv4.ip_unprivileged_port_start`; v1.27+: `net.ipv4.ip_local_reserved_ports`; v1.29+: `net.ipv4.tcp_keepalive_time`, `net.ipv4.tcp_fin_timeout`, `net.ipv4.tcp_keepalive_intvl`, `net.ipv4.tcp_keepalive_probes`; v1.32+: `net.ipv4.tcp_rmem`, `net.ipv4.tcp_wmem`; v1.37+ (unreleased): `net.ipv4.tcp_slow_start_after_idle`, `net.ipv4.tcp_notsent_lowat`',
    fix: 'Remove the sysctl, or replace it with an allowed one; node-wide tuning belongs in the node\'s configuration, not in a pod.',
    url: BASELINE_URL,
    fields: ['sysctls'],
  },
};

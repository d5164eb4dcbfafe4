/*
 * allowPrivilegeEscalation (restricted, v1.8; v1.25)
 * Privilege escalation (such as via set-user-ID or set-group-ID file mode) should not be allowed.
 * Restricted Fields: spec.{initContainers,containers,ephemeralContainers}[*].securityContext.allowPrivilegeEscalation
 * Allowed Values: false (it must be set explicitly; unset fails)
 * v1.25+: pods with spec.os.name: windows are exempt.
 */
import type { PodTarget } from '../../parse/pod-specs';
import { containerAnchor } from '../anchors';
import { containersPhrase, unique } from '../format';
import { byPlace, Part } from '../places';
import { RESTRICTED_URL, PssRule, versioned } from '../rule';

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<string>[] = [];
  for (const c of pod.containers) {
    const value = r.path(c.ref, 'securityContext', 'allowPrivilegeEscalation');
    const setting = r.bool(value);
    if (setting === false) continue;
    // `true` is reported on the value; anything else (missing, null) on the documented anchor.
    const span = setting === true ? value!.span : containerAnchor(pod, c, ['securityContext', 'allowPrivilegeEscalation']);
    parts.push({ span, part: c.name });
  }
  // Containers reached through one alias (`containers: *list`) share a place and are named in one finding there.
  return byPlace(parts);
}

const format = (groups: string[][]) => ({
  reason: 'allowPrivilegeEscalation != false',
  detail: `${containersPhrase(unique(groups.flat()))} must set securityContext.allowPrivilegeEscalation=false`,
});

const isWindows = (pod: PodTarget) => pod.reader.str(pod.reader.path(pod.spec, 'os', 'name')) === 'windows';

export const allowPrivilegeEscalation: PssRule = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  versions: [
    versioned<string[]>({ minimumVersion: 8, check, format }),
    versioned<string[]>({ minimumVersion: 25, check: (pod) => (isWindows(pod) ? [] : check(pod)), format }),
  ],
  docs: {
    title: 'Privilege escalation',
    summary: 'Every container must set `securityContext.allowPrivilegeEscalation: false` explicitly; leaving it unset fails.',
    why: 'With privilege escalation allowed (the kernel\'s `no_new_privs` flag off), a process can gain more privileges than its parent, for example by running a set-user-ID binary such as `su` or `sudo` in the image, turning a compromised non-root process into root inside the container.',
    allowed: '`false`, set explicitly (from v1.8); from v1.25 not checked for pods with `spec.os.name: windows`',
    fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container, init container and ephemeral container.',
    url: RESTRICTED_URL,
    fields: ['allowPrivilegeEscalation'],
  },
};

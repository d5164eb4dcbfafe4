/*
 * capabilities_restricted (restricted, v1.22; v1.25; overrides capabilities_baseline)
 * Containers must drop ALL capabilities, and are only permitted to add back the NET_BIND_SERVICE capability.
 * Restricted Fields: spec.{initContainers,containers,ephemeralContainers}[*].securityContext.capabilities.drop,
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.capabilities.add
 * Allowed Values: drop must include "ALL"; add may only contain "NET_BIND_SERVICE" (or be empty/unset)
 * v1.25+: pods with spec.os.name: windows are exempt.
 */
import type { PodTarget } from '../../parse/pod-specs';
import { containerAnchor } from '../anchors';
import { containersPhrase, joinQuote, sortedUnique, unique } from '../format';
import { byPlace, Part } from '../places';
import { RESTRICTED_URL, PssRule, versioned } from '../rule';

/** A container that does not drop ALL, or one forbidden capability it adds. */
type Item = { kind: 'dropAll'; container: string } | { kind: 'add'; container: string; capability: string };

function check(pod: PodTarget) {
  const r = pod.reader;
  const out: Part<Item>[] = [];
  for (const c of pod.containers) {
    const capabilities = r.path(c.ref, 'securityContext', 'capabilities');
    // Exact, case-sensitive strings: `all` or listing every capability does not count as ALL.
    const dropsAll = r.items(r.child(capabilities, 'drop')).some((d) => r.str(d) === 'ALL');
    if (!dropsAll) {
      out.push({ span: containerAnchor(pod, c, ['securityContext', 'capabilities', 'drop']), part: { kind: 'dropAll', container: c.name } });
    }
    for (const added of r.items(r.child(capabilities, 'add'))) {
      const capability = r.text(added) ?? '';
      if (capability !== 'NET_BIND_SERVICE') out.push({ span: added.span, part: { kind: 'add', container: c.name, capability } });
    }
  }
  // Several problems share a place when an alias or merge key brings in a whole `add` list or securityContext.
  return byPlace(out);
}

function format(groups: Item[][]) {
  const items = groups.flat();
  const details: string[] = [];
  const missingDrop = unique(items.filter((i) => i.kind === 'dropAll').map((i) => i.container));
  if (missingDrop.length) details.push(`${containersPhrase(missingDrop)} must set securityContext.capabilities.drop=["ALL"]`);
  const adds = items.filter((i): i is Extract<Item, { kind: 'add' }> => i.kind === 'add');
  if (adds.length) {
    const containers = unique(adds.map((i) => i.container));
    details.push(`${containersPhrase(containers)} must not include ${joinQuote(sortedUnique(adds.map((i) => i.capability)))} in securityContext.capabilities.add`);
  }
  return { reason: 'unrestricted capabilities', detail: details.join('; ') };
}

const isWindows = (pod: PodTarget) => pod.reader.str(pod.reader.path(pod.spec, 'os', 'name')) === 'windows';

export const capabilities_restricted: PssRule = {
  id: 'capabilities_restricted',
  level: 'restricted',
  versions: [
    versioned<Item[]>({ minimumVersion: 22, overrides: ['capabilities_baseline'], check, format }),
    versioned<Item[]>({ minimumVersion: 25, overrides: ['capabilities_baseline'], check: (pod) => (isWindows(pod) ? [] : check(pod)), format }),
  ],
  docs: {
    title: 'Capabilities (restricted)',
    summary: 'Every container must drop all Linux capabilities (`capabilities.drop: ["ALL"]`) and may add back only `NET_BIND_SERVICE`.',
    why: 'Capabilities split root\'s power into pieces; the runtime\'s default set still includes ones such as `CHOWN`, `DAC_OVERRIDE`, `SETUID` and `NET_RAW` that help an attacker escalate inside the container, spoof network traffic or exploit kernel bugs. Dropping ALL leaves a process with only what it was explicitly given.',
    allowed: '`drop` containing `ALL`; `add` empty or only `NET_BIND_SERVICE` (from v1.22, replacing baseline `capabilities_baseline` under restricted); from v1.25 not checked for pods with `spec.os.name: windows`',
    fix: 'Add `securityContext.capabilities.drop: ["ALL"]` to every container and remove every added capability except `NET_BIND_SERVICE`.',
    url: RESTRICTED_URL,
    fields: ['capabilities', 'drop', 'add'],
  },
};

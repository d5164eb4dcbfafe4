/*
 * procMount_restricted (restricted, v1.35; overrides procMount)
 * The default /proc masks are set up to reduce attack surface, and should be required.
 * Restricted Fields: spec.{initContainers,containers,ephemeralContainers}[*].securityContext.procMount
 * Allowed Values: undefined/null, "Default"
 * Unlike the baseline check from v1.35, user namespaces (spec.hostUsers: false) do not relax it.
 */
import type { PodTarget } from '../../parse/pod-specs';
import { containersPhrase, joinQuote, sortedUnique, unique } from '../format';
import { byPlace, Part } from '../places';
import { RESTRICTED_URL, PssRule, versioned } from '../rule';

interface Item {
  container: string;
  value: string;
}

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<Item>[] = [];
  for (const c of pod.containers) {
    const value = r.path(c.ref, 'securityContext', 'procMount');
    // `procMount:` with no value is null to the API server, i.e. unset.
    if (!value || value.node === null) continue;
    const text = r.text(value) ?? '';
    if (text !== 'Default') parts.push({ span: value.span, part: { container: c.name, value: text } });
  }
  return byPlace(parts);
}

function format(groups: Item[][]) {
  const items = groups.flat();
  return {
    reason: 'procMount',
    detail: `${containersPhrase(unique(items.map((i) => i.container)))} must not set securityContext.procMount to ${joinQuote(sortedUnique(items.map((i) => i.value)))}`,
  };
}

export const procMount_restricted: PssRule = {
  id: 'procMount_restricted',
  level: 'restricted',
  versions: [versioned<Item[]>({ minimumVersion: 35, overrides: ['procMount'], check, format })],
  docs: {
    title: '/proc mount type (restricted)',
    summary: 'Containers must keep the default masked `/proc` (`securityContext.procMount` unset or `Default`), even in pods with their own user namespace.',
    why: 'An `Unmasked` /proc exposes kernel interfaces such as `/proc/sys`, `/proc/sysrq-trigger` and `/proc/kcore` that the runtime normally hides, letting a process read kernel memory or change host kernel settings.',
    allowed: 'unset or `Default` (from v1.35; it replaces baseline `procMount` under restricted, without the `hostUsers: false` relaxation)',
    fix: 'Remove `procMount` or set it to `Default`.',
    url: RESTRICTED_URL,
    fields: ['procMount'],
  },
};

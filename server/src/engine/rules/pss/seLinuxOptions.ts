/*
 * seLinuxOptions (baseline, v1.0; v1.31)
 * Setting the SELinux type is restricted, and setting a custom SELinux user or role option is forbidden.
 * Restricted Fields: spec.securityContext.seLinuxOptions.type,
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.seLinuxOptions.type
 * Allowed Values: undefined/"", container_t, container_init_t, container_kvm_t; v1.31+: also container_engine_t
 * Restricted Fields: spec.securityContext.seLinuxOptions.{user,role},
 *   spec.{initContainers,containers,ephemeralContainers}[*].securityContext.seLinuxOptions.{user,role}
 * Allowed Values: undefined/""
 * The pod level and every container are checked independently; `level` is not restricted.
 */
import type { Ref } from '../../parse/nodes';
import type { PodTarget } from '../../parse/pod-specs';
import { joinQuote, pluralize, sortedUnique, unique, whoPhrase } from '../format';
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

const TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const TYPES_1_31 = [...TYPES_1_0, 'container_engine_t'];

interface Bad {
  /** Empty for the pod-level field. */
  container?: string;
  field: 'type' | 'user' | 'role';
  value: string;
}

function checkWith(allowedTypes: ReadonlySet<string>) {
  return (pod: PodTarget) => {
    const r = pod.reader;
    const parts: Part<Bad>[] = [];
    const visit = (securityContext: Ref | undefined, container: string | undefined) => {
      const options = r.child(securityContext, 'seLinuxOptions');
      if (!r.map(options)) return;
      const type = r.child(options, 'type');
      const typeValue = r.str(type);
      if (typeValue !== undefined && !allowedTypes.has(typeValue)) parts.push({ span: type!.span, part: { container, field: 'type', value: typeValue } });
      for (const field of ['user', 'role'] as const) {
        const ref = r.child(options, field);
        const value = r.str(ref);
        if (value) parts.push({ span: ref!.span, part: { container, field, value } });
      }
    };
    visit(r.child(pod.spec, 'securityContext'), undefined);
    for (const c of pod.containers) visit(r.child(c.ref, 'securityContext'), c.name);
    return byPlace(parts);
  };
}

function format(items: Bad[][]) {
  const bad = items.flat();
  const containers = unique(bad.flatMap((b) => (b.container === undefined ? [] : [b.container])));
  const types = sortedUnique(bad.filter((b) => b.field === 'type').map((b) => b.value));
  const what: string[] = [];
  if (types.length) what.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
  if (bad.some((b) => b.field === 'user')) what.push('user may not be set');
  if (bad.some((b) => b.field === 'role')) what.push('role may not be set');
  return {
    reason: 'seLinuxOptions',
    detail: `${whoPhrase(bad.some((b) => b.container === undefined), containers)} set forbidden securityContext.seLinuxOptions: ${what.join('; ')}`,
  };
}

export const seLinuxOptions: PssRule = {
  id: 'seLinuxOptions',
  level: 'baseline',
  versions: [
    versioned<Bad[]>({ minimumVersion: 0, check: checkWith(new Set(TYPES_1_0)), format }),
    versioned<Bad[]>({ minimumVersion: 31, check: checkWith(new Set(TYPES_1_31)), format }),
  ],
  docs: {
    title: 'SELinux',
    summary: 'Pod and container `seLinuxOptions` may set `type` only to a standard container type and must not set `user` or `role`.',
    why: 'The SELinux label decides which host files and processes a container may touch; a custom type such as `spc_t` (super-privileged container) or a custom user or role lifts that confinement.',
    allowed: '`type`: unset, `""`, `container_t`, `container_init_t`, `container_kvm_t` (v1.31+: also `container_engine_t`); `user` and `role`: unset or `""`; `level`: anything',
    fix: 'Remove the custom `type`, `user` and `role` from `seLinuxOptions` (keep `level` if you need MCS categories).',
    url: BASELINE_URL,
    fields: ['seLinuxOptions'],
  },
};

/**
 * Finds the pod spec of each workload kind the admission controller evaluates (reference section 6) and the
 * containers in it, in the controller's visit order: init containers, containers, ephemeral containers.
 */
import type { K8sObject } from './objects';
import { apiGroup } from './objects';
import { NodeReader, Ref } from './nodes';

export type ContainerKind = 'initContainers' | 'containers' | 'ephemeralContainers';

export interface ContainerRef {
  kind: ContainerKind;
  index: number;
  /** `metadata`-free name as the controller prints it (empty when missing). */
  name: string;
  ref: Ref;
}

export interface PodTarget {
  object: K8sObject;
  /** A Pod is admitted (and enforced) itself; other kinds carry a template. */
  isPod: boolean;
  /** The pod template's (or Pod's) metadata; annotation rules read this, never the workload's own metadata. */
  metadata?: Ref;
  spec: Ref;
  /** Where `spec` is in the object, for fixes that insert pod-level fields. */
  templatePath: string[];
  containers: ContainerRef[];
  reader: NodeReader;
}

/**
 * The controller's list of resources with a pod spec is keyed by group (core, apps, batch) whatever the version
 * (`apps/v1beta2`, `batch/v1beta1` count); the old `extensions` group is not on it, so its workloads are not checked.
 */
const TEMPLATE_PATHS: Record<string, { groups: string[]; path: string[] }> = {
  Pod: { groups: [''], path: [] },
  PodTemplate: { groups: [''], path: ['template'] },
  ReplicationController: { groups: [''], path: ['spec', 'template'] },
  ReplicaSet: { groups: ['apps'], path: ['spec', 'template'] },
  Deployment: { groups: ['apps'], path: ['spec', 'template'] },
  DaemonSet: { groups: ['apps'], path: ['spec', 'template'] },
  StatefulSet: { groups: ['apps'], path: ['spec', 'template'] },
  Job: { groups: ['batch'], path: ['spec', 'template'] },
  CronJob: { groups: ['batch'], path: ['spec', 'jobTemplate', 'spec', 'template'] },
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(TEMPLATE_PATHS);

export const CONTAINER_KINDS: readonly ContainerKind[] = ['initContainers', 'containers', 'ephemeralContainers'];

/** `v1`, `v1beta2`, `v2alpha1`: API versions are case-sensitive (`V1` is no version at all). */
const API_VERSION = /^v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?$/;

export function podTarget(reader: NodeReader, object: K8sObject): PodTarget | undefined {
  const entry = TEMPLATE_PATHS[object.kind];
  if (!entry || !entry.groups.includes(apiGroup(object.apiVersion))) return undefined;
  if (!API_VERSION.test(object.apiVersion.slice(object.apiVersion.indexOf('/') + 1))) return undefined;
  const template = reader.path(object.ref, ...entry.path);
  if (!template || !reader.map(template)) return undefined;
  const spec = reader.child(template, 'spec');
  if (!spec || !reader.map(spec)) return undefined;
  const containers: ContainerRef[] = [];
  for (const kind of CONTAINER_KINDS) {
    reader.items(reader.child(spec, kind)).forEach((ref, index) => {
      if (!reader.map(ref)) return;
      containers.push({ kind, index, name: reader.text(reader.child(ref, 'name')) ?? '', ref });
    });
  }
  return {
    object,
    isPod: object.kind === 'Pod',
    metadata: reader.child(template, 'metadata'),
    spec,
    templatePath: [...entry.path, 'spec'],
    containers,
    reader,
  };
}

/*
 * restrictedVolumes (restricted, v1.0; overrides hostPathVolumes)
 * The restricted policy only permits specific volume types.
 * Restricted Fields: spec.volumes[*]
 * Allowed Values: every item of spec.volumes must set one of: configMap, csi, downwardAPI, emptyDir, ephemeral,
 *   image, persistentVolumeClaim, projected, secret. A volume with no source at all is defaulted to emptyDir by
 *   the API server, so it is allowed (reference 2.7). Other sources are named by their field, anything
 *   unrecognised is "unknown".
 */
import type { Ref } from '../../parse/nodes';
import type { PodTarget } from '../../parse/pod-specs';
import type { Span } from '../../types';
import { joinQuote, pluralize, sortedUnique, unique } from '../format';
import { byPlace, Part } from '../places';
import { RESTRICTED_URL, PssRule, versioned } from '../rule';

interface Item {
  volume: string;
  type: string;
}

const ALLOWED = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);

/** The other volume sources, in the order the controller names them when a volume (invalidly) sets several. */
const RESTRICTED = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume',
  'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk',
  'portworxVolume', 'scaleIO', 'storageos',
];

const keyOf = (ref: Ref): Span => ref.keySpan ?? ref.span;

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<Item>[] = [];
  for (const volume of r.items(r.child(pod.spec, 'volumes'))) {
    if (!r.map(volume)) continue;
    // A source written as `hostPath:` (null) is unset to the API server.
    const sources = r.entries(volume).filter((e) => e.key !== 'name' && e.value.node !== null);
    if (sources.some((s) => ALLOWED.has(s.key))) continue;
    const known = RESTRICTED.find((type) => sources.some((s) => s.key === type));
    const offending = known ? sources.find((s) => s.key === known) : sources[0];
    if (!offending) continue; // no source at all: defaulted to emptyDir
    const nameRef = r.child(volume, 'name');
    // A known type is reported on its key; an unrecognised source has no meaningful key, so on the volume's name.
    const span = known ? keyOf(offending.value) : nameRef?.span ?? keyOf(offending.value);
    parts.push({ span, part: { volume: r.text(nameRef) ?? '', type: known ?? 'unknown' } });
  }
  // Volumes reached through one alias (`volumes: *list`) share a place and are named in one finding there.
  return byPlace(parts);
}

function format(groups: Item[][]) {
  const items = groups.flat();
  const volumes = unique(items.map((i) => i.volume));
  const types = sortedUnique(items.map((i) => i.type));
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', volumes.length)} ${joinQuote(volumes)} ${pluralize('uses', 'use', volumes.length)} ${pluralize('restricted volume type', 'restricted volume types', types.length)} ${joinQuote(types)}`,
  };
}

export const restrictedVolumes: PssRule = {
  id: 'restrictedVolumes',
  level: 'restricted',
  versions: [versioned<Item[]>({ minimumVersion: 0, overrides: ['hostPathVolumes'], check, format })],
  docs: {
    title: 'Volume types',
    summary: 'Pods may only use volumes of the types `configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, `image`, `persistentVolumeClaim`, `projected` and `secret`.',
    why: 'Other volume types reach outside the pod\'s own storage: `hostPath` exposes the node\'s filesystem (container runtime socket, kubelet credentials, other pods\' data), and in-tree network and cloud volumes (`nfs`, `iscsi`, `rbd`, `gitRepo`, …) mount storage directly from the node, bypassing PersistentVolume access control; `gitRepo` has also run attacker-controlled git hooks on the node.',
    allowed: '`configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, `image`, `persistentVolumeClaim`, `projected`, `secret` (a volume with no source is an `emptyDir`); under restricted this check also reports `hostPath`, replacing baseline `hostPathVolumes`',
    fix: 'Replace the volume with an allowed type: a `persistentVolumeClaim` bound to a PersistentVolume for durable or network storage, `emptyDir` for scratch space, `configMap`/`secret`/`projected` for configuration.',
    url: RESTRICTED_URL,
    fields: ['volumes', ...RESTRICTED],
  },
};

/*
 * hostPathVolumes (baseline, v1.0; replaced by restrictedVolumes under restricted)
 * HostPath volumes must be forbidden.
 * Restricted Fields: spec.volumes[*].hostPath
 * Allowed Values: undefined/null
 * There is no exception for read-only mounts or for particular paths.
 */
import type { PodTarget } from '../../parse/pod-specs';
import { joinQuote, pluralize } from '../format';
import { byPlace, Part } from '../places';
import { BASELINE_URL, PssRule, versioned } from '../rule';

function check(pod: PodTarget) {
  const r = pod.reader;
  const parts: Part<string>[] = [];
  for (const volume of r.items(r.child(pod.spec, 'volumes'))) {
    const hostPath = r.child(volume, 'hostPath');
    if (!r.map(hostPath)) continue;
    // The `hostPath:` key itself: its value may span many lines and is not what makes the volume forbidden.
    parts.push({ span: hostPath!.keySpan ?? hostPath!.span, part: r.text(r.child(volume, 'name')) ?? '' });
  }
  return byPlace(parts);
}

function format(items: string[][]) {
  const names = items.flat();
  return { reason: 'hostPath volumes', detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}` };
}

export const hostPathVolumes: PssRule = {
  id: 'hostPathVolumes',
  level: 'baseline',
  versions: [versioned<string[]>({ minimumVersion: 0, check, format })],
  docs: {
    title: 'HostPath volumes',
    summary: 'Pods must not use `hostPath` volumes, read-only or not.',
    why: 'A hostPath volume exposes the node\'s filesystem to the container: the container runtime socket, kubelet credentials, other pods\' data or /etc can be read or overwritten, which usually means taking over the node.',
    allowed: 'no `hostPath` volume',
    fix: 'Replace the `hostPath` volume with an `emptyDir`, `configMap`, `secret`, `projected` or `persistentVolumeClaim` volume; node agents that need host files belong in a namespace with a privileged policy.',
    url: BASELINE_URL,
    fields: ['hostPath'],
  },
};

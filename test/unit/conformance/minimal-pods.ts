/**
 * The smallest pods that pass a level at a policy version (reference 4.8), which every fixture mutates. Baseline
 * needs nothing; restricted grows with the versions that added requirements (v1.0, v1.8, v1.19, v1.22). From v1.25
 * a pod that declares `spec.os.name: windows` only needs runAsNonRoot.
 */
import type { Level } from '../../../server/src/engine';
import { initContainer, container, Pod, podSC, sc, tweak } from './pod-model';

export type FixtureLevel = Exclude<Level, 'privileged'>;

const IMAGE = 'registry.k8s.io/pause';

const BASELINE: Pod = {
  spec: {
    initContainers: [{ name: 'initcontainer1', image: IMAGE }],
    containers: [{ name: 'container1', image: IMAGE }],
  },
};

const RESTRICTED_1_0 = tweak(BASELINE, (p) => {
  p.spec.securityContext = { runAsNonRoot: true };
});
const RESTRICTED_1_8 = tweak(RESTRICTED_1_0, (p) => {
  for (const c of [container(p), initContainer(p)]) c.securityContext = { allowPrivilegeEscalation: false };
});
const RESTRICTED_1_19 = tweak(RESTRICTED_1_8, (p) => {
  podSC(p).seccompProfile = { type: 'RuntimeDefault' };
});
const RESTRICTED_1_22 = tweak(RESTRICTED_1_19, (p) => {
  for (const c of [container(p), initContainer(p)]) sc(c).capabilities = { drop: ['ALL'] };
});

/** By first version: the newest entry not above the asked version applies. */
const RESTRICTED: [number, Pod][] = [
  [22, RESTRICTED_1_22],
  [19, RESTRICTED_1_19],
  [8, RESTRICTED_1_8],
  [0, RESTRICTED_1_0],
];

export function minimalPod(level: FixtureLevel, minor: number): Pod {
  if (level === 'baseline') return structuredClone(BASELINE);
  return structuredClone(RESTRICTED.find(([since]) => since <= minor)![1]);
}

const withOS = (pod: Pod, name: string) => tweak(pod, (p) => {
  p.spec.os = { name };
});

export function minimalLinuxPod(minor: number): Pod {
  return withOS(minimalPod('restricted', minor), 'linux');
}

/** None of the requirements added after v1.0 apply to explicitly Windows pods from v1.25. */
export function minimalWindowsPod(minor: number): Pod {
  return withOS(minor >= 25 ? RESTRICTED_1_0 : minimalPod('restricted', minor), 'windows');
}

/**
 * Our own fixtures for what the upstream set never exercises (reference section 8, "gaps"): ephemeral containers,
 * Windows pods, user-namespaced pods (hostUsers: false) with runAsNonRoot/runAsUser, and the AppArmor fields.
 * Each is built from the minimal pod of the level and version and states its expected verdict per version, so the
 * version boundaries (v1.8, v1.22, v1.23, v1.25, v1.35) are covered from both sides.
 */
import type { FixtureCase } from './generator';
import { FixtureLevel, minimalPod } from './minimal-pods';
import { container, Pod, podSC, sc, tweak } from './pod-model';

type Verdict = { outcome: 'pass' } | { outcome: 'fail'; check: string; expect: string };

interface Gap {
  name: string;
  levels: FixtureLevel[];
  build(pod: Pod, minor: number): Pod;
  verdict(level: FixtureLevel, minor: number): Verdict;
}

const PASS: Verdict = { outcome: 'pass' };
const fail = (check: string, expect = check): Verdict => ({ outcome: 'fail', check, expect });

/** An ephemeral (debug) container with a copy of the regular container's settings. */
const withDebugContainer = (pod: Pod, change: (debug: Pod['spec']['containers'][number]) => void = () => {}) => tweak(pod, (p) => {
  const debug = { ...structuredClone(container(p)), name: 'debug' };
  change(debug);
  p.spec.ephemeralContainers = [debug];
});

const windows = (pod: Pod) => tweak(pod, (p) => void (p.spec.os = { name: 'windows' }));
/** The v1.0 restricted pod (only runAsNonRoot), which is all a Windows pod needs from v1.25. */
const windowsMinimal = () => windows(minimalPod('restricted', 0));

const GAPS: Gap[] = [
  {
    name: 'gap_ephemeral_copy',
    levels: ['baseline', 'restricted'],
    build: (p) => withDebugContainer(p),
    verdict: () => PASS,
  },
  {
    name: 'gap_ephemeral_privileged',
    levels: ['baseline', 'restricted'],
    build: (p) => withDebugContainer(p, (d) => {
      d.securityContext = { ...d.securityContext, privileged: true };
    }),
    verdict: () => fail('privileged'),
  },
  {
    // pod-level runAsNonRoot and seccomp cover it; the container-only requirements do not
    name: 'gap_ephemeral_bare',
    levels: ['restricted'],
    build: (p) => withDebugContainer(p, (d) => void delete d.securityContext),
    verdict: (_, minor) => (minor >= 8 ? fail('allowPrivilegeEscalation') : PASS),
  },
  {
    name: 'gap_ephemeral_capabilities',
    levels: ['restricted'],
    build: (p) => withDebugContainer(p, (d) => {
      d.securityContext = { ...d.securityContext, capabilities: { drop: ['ALL'], add: ['SYS_PTRACE'] } };
    }),
    verdict: (_, minor) => (minor >= 22 ? fail('capabilities_restricted', 'unrestricted capabilities') : fail('capabilities_baseline', 'capabilities')),
  },
  {
    // exempt from allowPrivilegeEscalation, seccomp and capabilities from v1.25 only
    name: 'gap_windows_minimal',
    levels: ['restricted'],
    build: () => windowsMinimal(),
    verdict: (_, minor) => (minor >= 8 && minor < 25 ? fail('allowPrivilegeEscalation') : PASS),
  },
  {
    name: 'gap_windows_unconfined',
    levels: ['restricted'],
    build: () => tweak(windowsMinimal(), (p) => void (podSC(p).seccompProfile = { type: 'Unconfined' })),
    verdict: (_, minor) => (minor >= 25 ? PASS : minor >= 19 ? fail('seccompProfile_restricted', 'seccompProfile') : minor >= 8 ? fail('allowPrivilegeEscalation') : PASS),
  },
  {
    name: 'gap_windows_runasnonroot',
    levels: ['restricted'],
    build: () => tweak(windowsMinimal(), (p) => void delete podSC(p).runAsNonRoot),
    verdict: () => fail('runAsNonRoot'),
  },
  {
    name: 'gap_windows_hostprocess',
    levels: ['baseline', 'restricted'],
    build: (p) => tweak(windows(p), (q) => {
      q.spec.hostNetwork = true;
      podSC(q).windowsOptions = { hostProcess: true };
    }),
    verdict: () => fail('windowsHostProcess', 'hostProcess'),
  },
  {
    name: 'gap_userns_runasnonroot_unset',
    levels: ['restricted'],
    build: (p) => tweak(p, (q) => {
      q.spec.hostUsers = false;
      delete podSC(q).runAsNonRoot;
    }),
    verdict: (_, minor) => (minor >= 35 ? PASS : fail('runAsNonRoot')),
  },
  {
    name: 'gap_userns_runasuser_root',
    levels: ['restricted'],
    build: (p) => tweak(p, (q) => {
      q.spec.hostUsers = false;
      sc(container(q)).runAsUser = 0;
    }),
    verdict: (_, minor) => (minor >= 23 && minor < 35 ? fail('runAsUser') : PASS),
  },
  {
    name: 'gap_hostusers_true_runasuser_root',
    levels: ['restricted'],
    build: (p) => tweak(p, (q) => {
      q.spec.hostUsers = true;
      podSC(q).runAsUser = 0;
    }),
    verdict: (_, minor) => (minor >= 23 ? fail('runAsUser') : PASS),
  },
  {
    name: 'gap_apparmor_field_unconfined',
    levels: ['baseline', 'restricted'],
    build: (p) => tweak(p, (q) => void (podSC(q).appArmorProfile = { type: 'Unconfined' })),
    verdict: () => fail('appArmorProfile', 'forbidden AppArmor profile'),
  },
  {
    name: 'gap_apparmor_fields_allowed',
    levels: ['baseline', 'restricted'],
    build: (p) => tweak(p, (q) => {
      podSC(q).appArmorProfile = { type: 'RuntimeDefault' };
      sc(container(q)).appArmorProfile = { type: 'Localhost', localhostProfile: 'k8s-apparmor-example' };
    }),
    verdict: () => PASS,
  },
];

export function gapFixtures(level: FixtureLevel, minor: number): FixtureCase[] {
  return GAPS.filter((g) => g.levels.includes(level)).map((g) => {
    const v = g.verdict(level, minor);
    const pod = g.build(minimalPod(level, minor), minor);
    return v.outcome === 'pass'
      ? { name: g.name, outcome: 'pass', check: '', expect: '', pod }
      : { name: g.name, outcome: 'fail', check: v.check, expect: v.expect, pod };
  });
}

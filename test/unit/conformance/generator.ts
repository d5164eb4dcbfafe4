/**
 * Our own rebuild of the Pod Security Admission fixture set (test/testdata/<level>/v1.<minor>/<pass|fail>/ in
 * kubernetes/pod-security-admission), generated in memory: for a level and policy version, the minimal valid pod
 * (`base`, plus `base_linux`/`base_windows` under restricted from v1.29) and, for every check that exists at that
 * version (baseline checks under restricted too), the pass and fail mutations of the newest generator not above
 * the version, named `<lowercased check id><index>` like the upstream files.
 */
import { BASELINE_CASES } from './cases-baseline';
import { RESTRICTED_CASES } from './cases-restricted';
import { FixtureLevel, minimalLinuxPod, minimalPod, minimalWindowsPod } from './minimal-pods';
import type { Pod } from './pod-model';

export interface FixtureSet {
  /** Text the controller's message must contain for each failing pod; the check id when absent. */
  expect?: string;
  /** Pods that pass every check of the level, made from the minimal pod. */
  pass(pod: Pod, level: FixtureLevel): Pod[];
  /** Pods that fail at least this check, made from the minimal pod. */
  fail(pod: Pod): Pod[];
}

export interface CheckCases {
  check: string;
  level: FixtureLevel;
  /** [first policy minor, fixtures] in increasing order; the first entry is where the check starts. */
  versions: [number, FixtureSet][];
}

export interface FixtureCase {
  /** File name without `.yaml`, as upstream: `base`, `privileged0`, `capabilities_baseline3`. */
  name: string;
  outcome: 'pass' | 'fail';
  /** The check whose generator made it (empty for the base pods). */
  check: string;
  /** The substring the upstream test expects in the message (fail only). */
  expect: string;
  pod: Pod;
}

export const ALL_CASES: readonly CheckCases[] = [...BASELINE_CASES, ...RESTRICTED_CASES];

/** Newest policy minor with fixtures at the reference's snapshot (1.37 development). */
export const NEWEST_FIXTURE_MINOR = 37;
/** The upstream harness writes the OS-specific base pods from this minor (the Windows exemption itself is v1.25). */
const OS_BASE_PODS_FROM = 29;

export function fixtures(level: FixtureLevel, minor: number): FixtureCase[] {
  const out: FixtureCase[] = [{ name: 'base', outcome: 'pass', check: '', expect: '', pod: minimalPod(level, minor) }];
  if (level === 'restricted' && minor >= OS_BASE_PODS_FROM) {
    out.push({ name: 'base_linux', outcome: 'pass', check: '', expect: '', pod: minimalLinuxPod(minor) });
    out.push({ name: 'base_windows', outcome: 'pass', check: '', expect: '', pod: minimalWindowsPod(minor) });
  }
  for (const cases of ALL_CASES) {
    if (level === 'baseline' && cases.level === 'restricted') continue;
    const set = [...cases.versions].reverse().find(([since]) => since <= minor)?.[1];
    if (!set) continue; // the check does not exist yet
    const prefix = cases.check.toLowerCase();
    const expect = set.expect ?? cases.check;
    set.pass(minimalPod(level, minor), level).forEach((pod, i) => out.push({ name: `${prefix}${i}`, outcome: 'pass', check: cases.check, expect: '', pod }));
    set.fail(minimalPod(level, minor)).forEach((pod, i) => out.push({ name: `${prefix}${i}`, outcome: 'fail', check: cases.check, expect, pod }));
  }
  return out;
}

/**
 * Under restricted, these baseline checks are replaced by a restricted check from a version on (reference 2.3), so
 * their fail fixtures are reported under the restricted check's id.
 */
const OVERRIDDEN: Record<string, { by: string; from: number }> = {
  hostPathVolumes: { by: 'restrictedVolumes', from: 0 },
  seccompProfile_baseline: { by: 'seccompProfile_restricted', from: 19 },
  capabilities_baseline: { by: 'capabilities_restricted', from: 22 },
  procMount: { by: 'procMount_restricted', from: 35 },
};

/** The rule id that must report a fail fixture of `check`. */
export function reportingRule(check: string, level: FixtureLevel, minor: number): string {
  const o = OVERRIDDEN[check];
  return level === 'restricted' && o && minor >= o.from ? o.by : check;
}

/**
 * How one object fares under each mode of its effective policy: the facts hover prints. Computed with checkPod,
 * i.e. before suppression comments and severity settings, because hover explains the admission controller's view.
 */
import { checkPod, CheckResult, EvaluateOptions } from './evaluate';
import type { PodTarget } from './parse/pod-specs';
import { MODES, ModePolicy } from './policy/namespace-policy';
import type { PolicyDecision } from './policy/resolver';
import { effectiveMinor } from './policy/version';
import { activeChecks } from './rules/registry';
import { renderForbidden } from './rules/rule';
import type { Mode } from './types';

/** `restricted:latest`, the controller's way to print a policy. */
export function policyText(p: ModePolicy): string {
  return `${p.level}:${p.version}`;
}

/** The policies (deduplicated, in mode order) that run any check, with the modes that use each. */
export function checkedPolicies(decision: PolicyDecision): { policy: ModePolicy; modes: Mode[] }[] {
  const out: { policy: ModePolicy; modes: Mode[] }[] = [];
  for (const mode of MODES) {
    const policy = decision[mode];
    if (policy.level === 'privileged') continue;
    const same = out.find((o) => policyText(o.policy) === policyText(policy));
    if (same) same.modes.push(mode);
    else out.push({ policy, modes: [mode] });
  }
  return out;
}

/** Runs each distinct policy once per object (hover asks for the same results several times). */
export class PolicyRuns {
  private readonly cache = new Map<string, CheckResult[]>();

  constructor(private readonly pod: PodTarget, private readonly onRuleError?: EvaluateOptions['onRuleError']) {}

  results(policy: ModePolicy): CheckResult[] {
    const key = policyText(policy);
    let r = this.cache.get(key);
    if (!r) {
      r = checkPod(this.pod, policy, this.onRuleError);
      this.cache.set(key, r);
    }
    return r;
  }
}

export type RuleStanding =
  | { state: 'fails'; message: string }
  | { state: 'passes' }
  /** Not part of this policy: a restricted check under baseline, too new for the version, or replaced. */
  | { state: 'not-checked'; replacedBy?: string };

export function ruleStanding(ruleId: string, policy: ModePolicy, runs: PolicyRuns): RuleStanding {
  const active = activeChecks(policy.level, effectiveMinor(policy.version));
  if (!active.some((a) => a.rule.id === ruleId)) {
    const replacement = active.find((a) => a.check.overrides?.includes(ruleId));
    return { state: 'not-checked', replacedBy: replacement?.rule.id };
  }
  const failed = runs.results(policy).find((r) => r.ruleId === ruleId);
  return failed ? { state: 'fails', message: renderForbidden(failed.forbidden) } : { state: 'passes' };
}

/** Number of offending places of an object under one policy. */
export function violationCount(results: CheckResult[]): number {
  return results.reduce((n, r) => n + r.violations.length, 0);
}

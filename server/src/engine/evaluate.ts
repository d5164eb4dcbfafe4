/**
 * Text in, findings out: runs the active Pod Security checks on every pod spec of a parsed manifest under the
 * enforce / warn / audit policies of its namespace. One finding per offending place: when several modes flag the
 * same place for the same control, the strictest mode wins (error over warning over info).
 */
import type { ManifestDocument, ParsedManifest } from './parse/documents';
import type { K8sObject } from './parse/objects';
import { podTarget, PodTarget } from './parse/pod-specs';
import { MODES, ModePolicy } from './policy/namespace-policy';
import type { PolicyDecision, PolicyResolver } from './policy/resolver';
import { effectiveMinor } from './policy/version';
import { namespaceLabelFindings } from './rules/namespace-labels';
import { activeChecks, overriddenBaseline } from './rules/registry';
import { Forbidden, renderForbidden, VersionedCheck, Violation } from './rules/rule';
import type { Finding, Mode, Severity } from './types';
import type { HardeningOptions } from './evaluate-hardening';

const SEVERITY_OF: Record<Mode, Severity> = { enforce: 'error', warn: 'warning', audit: 'info' };
const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export interface CheckResult {
  ruleId: string;
  violations: Violation<unknown>[];
  /** The controller's wording for all violations of this check together. */
  forbidden: Forbidden;
  /** The wording of each violation on its own, in the same order. */
  messages: string[];
}

export interface EvaluateOptions {
  policy: PolicyResolver;
  /** The hardening, network and RBAC rules (issue 5); `false` runs only the Pod Security checks. */
  hardening?: Omit<HardeningOptions, 'onRuleError'> | false;
  /** Called when a check throws, so one bad rule cannot take down the others. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/**
 * A pod's check results by check implementation: the modes of one namespace usually share checks (baseline's are
 * part of restricted at the same version), and each is run once. `null`: the check threw (already reported).
 */
export type CheckMemo = Map<object, CheckResult | null | undefined>;

/** Runs the checks of one level and version on one pod spec. */
export function checkPod(pod: PodTarget, policy: ModePolicy, onRuleError?: EvaluateOptions['onRuleError'], memo?: CheckMemo): CheckResult[] {
  const results: CheckResult[] = [];
  for (const { rule, check } of activeChecks(policy.level, effectiveMinor(policy.version))) {
    let result = memo?.get(check);
    if (result === undefined && !memo?.has(check)) {
      result = runCheck(pod, rule.id, check, onRuleError);
      memo?.set(check, result);
    }
    if (result) results.push(result);
  }
  return results;
}

function runCheck(pod: PodTarget, ruleId: string, check: VersionedCheck<unknown>, onRuleError: EvaluateOptions['onRuleError']): CheckResult | null | undefined {
  let violations: Violation<unknown>[];
  try {
    violations = check.check(pod);
  } catch (error) {
    onRuleError?.(ruleId, error);
    return null;
  }
  if (!violations.length) return undefined;
  return {
    ruleId,
    violations,
    forbidden: check.format(violations.map((v) => v.item)),
    messages: violations.map((v) => renderForbidden(check.format([v.item]))),
  };
}

/** The controller's own text for an object: `reason (detail), reason (detail)` in its fixed check order. */
export function summarize(results: CheckResult[]): string {
  return results.map((r) => renderForbidden(r.forbidden)).join(', ');
}

export function podTargets(doc: ManifestDocument): PodTarget[] {
  return doc.objects.map((o) => podTarget(doc.reader, o)).filter((p): p is PodTarget => !!p);
}

export function evaluateManifest(parsed: ParsedManifest, options: EvaluateOptions): Finding[] {
  return parsed.documents.flatMap((doc) => evaluateDocument(doc, options));
}

export function evaluateDocument(doc: ManifestDocument, options: EvaluateOptions): Finding[] {
  const findings: Finding[] = [];
  for (const pod of podTargets(doc)) findings.push(...evaluatePod(pod, options.policy.forObject(pod.object), options.onRuleError));
  // Whatever policy applies: an invalid label makes the API server reject the Namespace itself.
  findings.push(...namespaceLabelFindings(doc));
  return findings;
}

export function evaluatePod(pod: PodTarget, decision: PolicyDecision, onRuleError?: EvaluateOptions['onRuleError']): Finding[] {
  const byPlace = new Map<string, Finding>();
  const seen = new Set<string>();
  const memo: CheckMemo = new Map();
  for (const mode of MODES) {
    const policy = decision[mode];
    if (policy.level === 'privileged') continue;
    const key = `${policy.level}:${policy.version}`;
    if (seen.has(key) && mode !== 'enforce') {
      // Same level and version as a stricter mode already evaluated: its findings already cover these places.
      continue;
    }
    seen.add(key);
    for (const result of checkPod(pod, policy, onRuleError, memo)) {
      const group = overriddenBaseline(result.ruleId) ?? result.ruleId;
      result.violations.forEach((v, i) => {
        const place = `${group}@${v.span.start}:${v.span.end}`;
        const severity = decision.source === 'level' ? 'error' : SEVERITY_OF[mode];
        const existing = byPlace.get(place);
        if (existing && SEVERITY_RANK[existing.severity] >= SEVERITY_RANK[severity]) return;
        byPlace.set(place, toFinding(pod.object, result.ruleId, result.messages[i], v, severity, mode, key, pod.isPod));
      });
    }
  }
  return [...byPlace.values()].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}

function toFinding(object: K8sObject, ruleId: string, message: string, v: Violation<unknown>, severity: Severity, mode: Mode, policy: string, isPod: boolean): Finding {
  const finding: Finding = {
    ruleId,
    category: 'pss',
    severity,
    message,
    span: v.span,
    documentIndex: object.documentIndex,
    object: { apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace },
    policy,
    mode,
  };
  if (mode === 'enforce' && !isPod) {
    finding.note = `enforce applies to Pods: this ${object.kind} is admitted, but every Pod it creates would be rejected by PodSecurity "${policy}"`;
  }
  return finding;
}

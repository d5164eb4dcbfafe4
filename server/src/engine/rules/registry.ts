/**
 * Validates the rule list once (unique ids, strictly increasing versions, docs present, overrides that name
 * baseline checks) and answers which checks run for a level and policy version, like `policy/registry.go`.
 */
import type { Level } from '../types';
import { byteOrder } from './format';
import { PSS_RULES } from './pss';
import type { PssRule, VersionedCheck } from './rule';

export interface ActiveCheck {
  rule: PssRule;
  check: VersionedCheck<unknown>;
}

export function validateRules(rules: readonly PssRule[]): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) errors.push(`duplicate rule id ${rule.id}`);
    ids.add(rule.id);
    if (!rule.versions.length) errors.push(`${rule.id}: no versions`);
    rule.versions.forEach((v, i) => {
      if (i > 0 && v.minimumVersion <= rule.versions[i - 1].minimumVersion) errors.push(`${rule.id}: versions must increase`);
      if (v.minimumVersion < 0 || !Number.isInteger(v.minimumVersion)) errors.push(`${rule.id}: bad minimum version ${v.minimumVersion}`);
    });
    const d = rule.docs;
    if (!d || !d.title || !d.summary || !d.why || !d.allowed || !d.fix || !d.url || !d.fields?.length) errors.push(`${rule.id}: incomplete docs`);
  }
  for (const rule of rules) {
    for (const v of rule.versions) {
      for (const o of v.overrides ?? []) {
        const target = rules.find((r) => r.id === o);
        if (!target) errors.push(`${rule.id}: overrides unknown check ${o}`);
        else if (rule.level !== 'restricted' || target.level !== 'baseline') errors.push(`${rule.id}: only restricted checks may override baseline checks (${o})`);
      }
    }
  }
  const order = [...rules].sort((a, b) => (a.level === b.level ? byteOrder(a.id, b.id) : a.level === 'baseline' ? -1 : 1));
  if (order.some((r, i) => r !== rules[i])) errors.push('rules must be listed baseline first, each level sorted by id');
  return errors;
}

const problems = validateRules(PSS_RULES);
if (problems.length) throw new Error(`invalid PSS rule list:\n${problems.join('\n')}`);

export function versionFor(rule: PssRule, minor: number): VersionedCheck<unknown> | undefined {
  let found: VersionedCheck<unknown> | undefined;
  for (const v of rule.versions) if (v.minimumVersion <= minor) found = v;
  return found;
}

const cache = new Map<string, ActiveCheck[]>();

/** The checks that run at a level and (effective) policy minor, overridden baseline checks removed. */
export function activeChecks(level: Level, minor: number): ActiveCheck[] {
  if (level === 'privileged') return [];
  const key = `${level}:${minor}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const active: ActiveCheck[] = [];
  for (const rule of PSS_RULES) {
    if (rule.level === 'restricted' && level !== 'restricted') continue;
    const check = versionFor(rule, minor);
    if (check) active.push({ rule, check });
  }
  const overridden = new Set(active.flatMap((a) => a.check.overrides ?? []));
  const result = active.filter((a) => !overridden.has(a.rule.id));
  cache.set(key, result);
  return result;
}

export function pssRule(id: string): PssRule | undefined {
  return PSS_RULES.find((r) => r.id === id);
}

/** For each overriding restricted check, the baseline check whose field it shares. */
export function overriddenBaseline(ruleId: string): string | undefined {
  const rule = pssRule(ruleId);
  return rule?.versions.find((v) => v.overrides?.length)?.overrides?.[0];
}

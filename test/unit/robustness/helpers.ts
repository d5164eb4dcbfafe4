/** Shared by the robustness tests: run the engine on hostile text and check the invariants every result must keep. */
import assert from 'node:assert/strict';
import { analyzeText, NamespaceIndex, PolicyResolver } from '../../../server/src/engine';
import type { Finding, PolicyOptions } from '../../../server/src/engine';
import type { Limits } from '../../../server/src/engine/parse/limits';

export interface Run {
  findings: Finding[];
  ruleErrors: string[];
  /** `ruleId` of every finding, in order. */
  ids: string[];
}

/**
 * Analyses `text` (by default at restricted, so every check runs), records rule failures instead of throwing, and
 * asserts that every finding lies within the text.
 */
export function analyse(text: string, options: { policy?: PolicyOptions; limits?: Partial<Limits> } = {}): Run {
  const policy = new PolicyResolver(options.policy ?? { level: 'restricted' }, new NamespaceIndex());
  const ruleErrors: string[] = [];
  const { findings } = analyzeText(text, { policy, limits: options.limits, onRuleError: (id, e) => ruleErrors.push(`${id}: ${String(e)}`) });
  for (const f of findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId} span ${f.span.start}-${f.span.end} outside 0-${text.length}`);
  }
  return { findings, ruleErrors, ids: findings.map((f) => f.ruleId) };
}

/** A deterministic byte generator (mulberry32), so "random" inputs are the same on every run. */
export function seededBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}

export const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  containers:
    - name: c
      image: nginx
      securityContext:
        privileged: true
`;

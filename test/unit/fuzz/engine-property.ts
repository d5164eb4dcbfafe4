/**
 * The fuzz property shared by the unit test (a few thousand cases) and `npm run fuzz` (as many as asked): on
 * mutated manifests, the engine never throws, no rule fails, every finding lies within the text, results are
 * deterministic, and every fix offered for a finding (rule fixes and suppression comments) has edits that lie
 * within the text, do not overlap and apply cleanly.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyEdits, disableDocumentFix, disableLineFix, fixesFor, lintText, NamespaceIndex, parseManifest, PolicyResolver,
} from '../../../server/src/engine';
import type { Finding, Fix, PolicyOptions, TextEdit } from '../../../server/src/engine';
import { CORPUS } from './corpus';
import { Mutation, mutate, mutationArb } from './mutations';

const POLICIES: readonly PolicyOptions[] = [{}, { level: 'restricted' }, { level: 'baseline', version: 'v1.23' }];

export interface FuzzCase {
  base: number;
  mutations: Mutation[];
  policy: number;
}

export const caseArb: fc.Arbitrary<FuzzCase> = fc.record({
  base: fc.nat({ max: CORPUS.length - 1 }),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
  policy: fc.nat({ max: POLICIES.length - 1 }),
});

export function caseText(c: FuzzCase): string {
  return mutate(CORPUS[c.base], c.mutations);
}

/** Lints the text twice and checks the engine's invariants; returns the findings and the parse they came from. */
export function checkEngine(text: string, policyOptions: PolicyOptions) {
  const lint = () => {
    const ruleErrors: string[] = [];
    const policy = new PolicyResolver(policyOptions, new NamespaceIndex());
    const result = lintText(text, { policy, onRuleError: (id, e) => ruleErrors.push(`${id}: ${(e as Error)?.stack ?? String(e)}`) });
    return { ...result, ruleErrors };
  };
  const first = lint();
  assert.deepEqual(first.ruleErrors, [], 'a rule threw');
  for (const f of first.findings) {
    assert.ok(Number.isInteger(f.span.start) && Number.isInteger(f.span.end), `${f.ruleId}: span is not integral`);
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId}: span ${f.span.start}-${f.span.end} outside 0-${text.length}`);
    assert.notEqual(f.ruleId, 'internalError', f.message);
  }
  assert.deepEqual(lint().findings, first.findings, 'not deterministic');
  return first;
}

/** Every fix of every finding: edits in range, not overlapping, applied as a plain splice would apply them. */
export function checkFixes(text: string, findings: readonly Finding[], parsed: ReturnType<typeof parseManifest>): void {
  for (const finding of findings) {
    const fixes: (Fix | undefined)[] = [...fixesFor(finding, parsed), disableLineFix(finding, parsed), disableDocumentFix(finding, parsed)];
    for (const fix of fixes) if (fix) checkEdits(text, fix.edits, `${finding.ruleId} / ${fix.title}`);
  }
}

function checkEdits(text: string, edits: readonly TextEdit[], what: string): void {
  assert.ok(edits.length > 0, `${what}: a fix without edits`);
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  sorted.forEach((e, i) => {
    assert.ok(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length, `${what}: edit ${e.span.start}-${e.span.end} outside 0-${text.length}`);
    const next = sorted[i + 1];
    if (!next) return;
    assert.ok(e.span.end <= next.span.start, `${what}: edits ${e.span.start}-${e.span.end} and ${next.span.start}-${next.span.end} overlap`);
    const bothInsert = e.span.start === e.span.end && next.span.start === next.span.end;
    assert.ok(!bothInsert || e.span.start !== next.span.start, `${what}: two insertions at ${e.span.start} (their order is ambiguous)`);
  });
  // Applied back to front, each edit sees the text it was computed against.
  let expected = text;
  for (const e of [...sorted].reverse()) expected = expected.slice(0, e.span.start) + e.newText + expected.slice(e.span.end);
  assert.equal(applyEdits(text, edits), expected, `${what}: applyEdits differs from a plain splice`);
  parseManifest(expected);
}

export interface FuzzRun {
  /** `engine`: the engine's invariants; `fixes`: those and every fix's edits (slower: each fix is re-parsed). */
  property: 'engine' | 'fixes';
  runs: number;
  seed: number;
  /** A path printed by an earlier failure, to replay exactly that case. */
  path?: string;
}

/** Runs the property; on failure, throws with the seed, the replay path and the mutated text. */
export function runFuzz(run: FuzzRun): void {
  const details = fc.check(fc.property(caseArb, (c) => {
    const text = caseText(c);
    const { parsed, findings } = checkEngine(text, POLICIES[c.policy]);
    if (run.property === 'fixes') checkFixes(text, findings, parsed);
  }), { numRuns: run.runs, seed: run.seed, path: run.path, endOnFailure: false });
  if (!details.failed) return;
  const c = details.counterexample?.[0];
  const text = c ? caseText(c) : '(no counterexample)';
  assert.fail([
    `fuzz (${run.property}) failed after ${details.numRuns} case(s); replay with: FUZZ_ONLY=${run.property} FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} npm run fuzz`,
    `case: ${JSON.stringify(c)}`,
    `text: ${JSON.stringify(text.length > 3000 ? `${text.slice(0, 3000)}…` : text)}`,
    `error: ${details.errorInstance instanceof Error ? details.errorInstance.stack : String(details.errorInstance)}`,
  ].join('\n'));
}

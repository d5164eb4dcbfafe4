/**
 * `podsec check` in one thread without keeping every file's syntax tree alive. Holding the trees of thousands of
 * files at once made the garbage collector the largest cost after parsing; here each tree dies young.
 *
 * Each file is parsed, its facts join the workspace index, and it is linted at once through a view of the index
 * that records what its rules read (the recording the editor's incremental lint uses). Once every file is in, each
 * file's reads are checked against the complete index, and a file whose answers changed (a namespace that gained
 * workloads, say) is parsed and linted again. The findings are therefore those of linting every file against the
 * complete index, in input order, as prepareRun + lintParsed give them.
 *
 * The order of reading only decides how many files are linted twice: files that declare Namespaces (every object
 * reads its namespace's labels) go first, then the others that may declare what other files read (ServiceAccounts,
 * NetworkPolicies, LimitRanges), then the rest in path order, the index's own order, so a question such as "the
 * first workload of this namespace" has its final answer when a file asks it. On a generated workspace of 2,000
 * files, 11 were linted twice.
 */
import { LineIndex, lintParsed, NamespaceIndex, parseManifest, PolicyResolver } from '../engine';
import type { ParsedManifest } from '../engine';
import { DependencyRecorder, dependenciesHold } from '../engine/incremental';
import type { AnswerMemo, IndexDependency, PartPlace } from '../engine/incremental';
import { factsIn } from '../engine/workspace-facts';
import type { CheckOutcome } from './check';
import { Input, InputProblem, readInput } from './inputs';
import type { FileFinding } from './report';
import { lintOptionsFor, PreparedRun, RunPlan, runOver, runPolicyOptions } from './run-inputs';

/** A file that mentions one of these kinds may hold facts that other files read. */
const FACT_KINDS = /Namespace|ServiceAccount|NetworkPolicy|LimitRange/;
/** A file that may declare a Namespace (block, flow or JSON style). */
const NAMESPACE_KIND = /kind["']?\s*:\s*["']?Namespace\b/;

interface Checked {
  findings: FileFinding[];
  ruleErrors: InputProblem[];
  dependencies: IndexDependency[];
}

export function checkStreaming(plan: RunPlan): CheckOutcome {
  const inputs: Input[] = [];
  const problems = [...plan.problems];
  for (const f of plan.files) {
    const r = readInput(f);
    if ('text' in r) inputs.push(r);
    else problems.push(r);
  }
  const index = new NamespaceIndex();
  const run: PreparedRun = { ...runOver(plan, index), inputs: [], problems };
  const policyOptions = runPolicyOptions(plan);

  const lint = (input: Input, parsed: ParsedManifest, record: boolean): Checked => {
    const ruleErrors: InputProblem[] = [];
    const options = lintOptionsFor(run, input, (ruleId, error) => {
      ruleErrors.push({ display: input.display, message: `rule ${ruleId} failed: ${(error as Error)?.message ?? error}` });
    });
    const recorder = record ? new DependencyRecorder(index, placeOf(input)) : undefined;
    if (recorder) {
      options.policy = new PolicyResolver(policyOptions, recorder.index);
      if (options.hardening) options.hardening = { ...options.hardening, workspace: recorder.index };
    }
    const lines = new LineIndex(input.text);
    const findings = lintParsed(parsed, options).map((f) => ({ ...f, file: input.display, range: { start: lines.positionAt(f.span.start), end: lines.positionAt(f.span.end) } }));
    return { findings, ruleErrors, dependencies: recorder?.dependencies() ?? [] };
  };
  const read = (i: number): ParsedManifest => {
    const parsed = parseManifest(inputs[i].text);
    index.updateFacts(inputs[i].key, factsIn(parsed, inputs[i].key));
    return parsed;
  };

  const results = new Array<Checked>(inputs.length);
  for (const i of readingOrder(inputs)) results[i] = lint(inputs[i], read(i), true);

  // Every file is in: a file whose recorded answers differ now is linted again against the complete index. Every
  // place is a whole file (its facts numbered from 0, as recorded), so answers read the same from each: one memo.
  const memo: AnswerMemo = new Map();
  for (let i = 0; i < inputs.length; i++) {
    if (!dependenciesHold(results[i].dependencies, index, placeOf(inputs[i]), memo)) results[i] = lint(inputs[i], parseManifest(inputs[i].text), false);
  }
  return {
    findings: results.flatMap((r) => r.findings),
    problems,
    ruleErrors: results.flatMap((r) => r.ruleErrors),
    inputs: inputs.length,
  };
}

/** Input indexes: Namespaces, then other facts that other files read, then the rest in path order (as the index orders files). */
function readingOrder(inputs: readonly Input[]): number[] {
  const namespaces: number[] = [];
  const facts: number[] = [];
  const rest: number[] = [];
  inputs.forEach((input, i) => (NAMESPACE_KIND.test(input.text) ? namespaces : FACT_KINDS.test(input.text) ? facts : rest).push(i));
  rest.sort((a, b) => (inputs[a].key < inputs[b].key ? -1 : inputs[a].key > inputs[b].key ? 1 : a - b));
  return [...namespaces, ...facts, ...rest];
}

function placeOf(input: Input): PartPlace {
  return { file: input.key, documents: 0, objects: 0 };
}

/**
 * `podsec check`: read every input, index the Namespaces (and the other cross-file facts) among them, lint each
 * file, report, set the exit code. Many files are read and linted by worker threads (parallel-check.ts), with the
 * same findings in the same order.
 */
import { LineIndex, lintParsed } from '../engine';
import type { CheckArgs } from './args';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText, summaryLine } from './format-text';
import type { InputProblem } from './inputs';
import { checkInWorkers, checkWorkers } from './parallel-check';
import type { FileFinding } from './report';
import { lintOptionsFor, planRun, prepareRun } from './run-inputs';

export interface CheckIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  version: string;
}

/** What linting the inputs gave, for the report. */
export interface CheckOutcome {
  findings: FileFinding[];
  /** Unreadable or missing inputs (they make the run fail with exit code 2). */
  problems: InputProblem[];
  /** Rules that threw (reported, not fatal). */
  ruleErrors: InputProblem[];
  inputs: number;
}

export function runCheck(args: CheckArgs, io: CheckIo): number | Promise<number> {
  const plan = planRun(args);
  if ('broken' in plan) {
    for (const m of plan.broken) io.stderr(`podsec: ${m}\n`);
    return 2;
  }
  for (const n of plan.notes) io.stderr(`podsec: ${n}\n`);
  const workers = checkWorkers(plan.files.length);
  if (workers > 1) return checkInWorkers(plan, workers).then((outcome) => report(args, io, outcome));
  return report(args, io, checkHere(args));
}

/** Reads and lints every input in this thread. */
function checkHere(args: CheckArgs): CheckOutcome {
  const run = prepareRun(args);
  if ('broken' in run) return { findings: [], problems: [], ruleErrors: [], inputs: 0 }; // planned above: not reached
  const ruleErrors: InputProblem[] = [];
  const findings: FileFinding[] = [];
  for (const { input, parsed } of run.inputs) {
    const lines = new LineIndex(input.text);
    const result = lintParsed(parsed, lintOptionsFor(run, input, (ruleId, error) => {
      ruleErrors.push({ display: input.display, message: `rule ${ruleId} failed: ${(error as Error)?.message ?? error}` });
    }));
    for (const f of result) {
      findings.push({ ...f, file: input.display, range: { start: lines.positionAt(f.span.start), end: lines.positionAt(f.span.end) } });
    }
  }
  return { findings, problems: run.problems, ruleErrors, inputs: run.inputs.length };
}

function report(args: CheckArgs, io: CheckIo, outcome: CheckOutcome): number {
  const { findings, problems, ruleErrors } = outcome;
  for (const p of [...problems, ...ruleErrors]) io.stderr(`podsec: ${p.display}: ${p.message}\n`);
  if (args.format === 'json') io.stdout(formatJson(findings));
  else if (args.format === 'sarif') io.stdout(formatSarif(findings, io.version));
  else {
    io.stdout(formatText(findings, args.color ?? (io.isTty && !process.env.NO_COLOR)));
    io.stderr(`${summaryLine(findings, outcome.inputs)}\n`);
  }
  if (problems.length) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/**
 * `podsec check`: read every input, index the Namespaces (and the other cross-file facts) among them, lint each
 * file, report, set the exit code. In one thread the files stream through (stream-check.ts); on a machine with
 * cores to spare, many files are read and linted by worker threads (parallel-check.ts). Both give the same
 * findings in the same order.
 */
import type { CheckArgs } from './args';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText, summaryLine } from './format-text';
import type { InputProblem } from './inputs';
import { checkInWorkers, checkWorkers } from './parallel-check';
import type { FileFinding } from './report';
import { planRun } from './run-inputs';
import { checkStreaming } from './stream-check';

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
  return report(args, io, checkStreaming(plan));
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

/**
 * `podsec check`: read every input, index the Namespaces (and the other cross-file facts) among them, lint each
 * file, report, set the exit code.
 */
import { LineIndex, lintParsed } from '../engine';
import type { CheckArgs } from './args';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText, summaryLine } from './format-text';
import type { InputProblem } from './inputs';
import type { FileFinding } from './report';
import { lintOptionsFor, prepareRun } from './run-inputs';

export interface CheckIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  version: string;
}

export function runCheck(args: CheckArgs, io: CheckIo): number {
  const run = prepareRun(args);
  if ('broken' in run) {
    for (const m of run.broken) io.stderr(`podsec: ${m}\n`);
    return 2;
  }
  for (const n of run.notes) io.stderr(`podsec: ${n}\n`);
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
  for (const p of [...run.problems, ...ruleErrors]) io.stderr(`podsec: ${p.display}: ${p.message}\n`);
  if (args.format === 'json') io.stdout(formatJson(findings));
  else if (args.format === 'sarif') io.stdout(formatSarif(findings, io.version));
  else {
    io.stdout(formatText(findings, args.color ?? (io.isTty && !process.env.NO_COLOR)));
    io.stderr(`${summaryLine(findings, run.inputs.length)}\n`);
  }
  if (run.problems.length) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

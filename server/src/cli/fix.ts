/**
 * `podsec fix`: apply every preferred fix (the editor's fix-all) to each file in place, or with `--dry-run` print
 * the change as a unified diff and write nothing. Reports what is left, like `check`; the exit status says whether
 * errors remain.
 */
import path from 'node:path';
import { fixAll, LineIndex, lintText } from '../engine';
import type { Finding } from '../engine';
import type { FixArgs } from './args';
import { formatText, summaryLine } from './format-text';
import { STDIN } from './inputs';
import type { Input } from './inputs';
import type { FileFinding } from './report';
import { lintOptionsFor, prepareRun } from './run-inputs';
import { unifiedDiff } from './unified-diff';
import { writeBack } from './write-back';

export interface FixIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
}

export function runFix(args: FixArgs, io: FixIo): number {
  const run = prepareRun(args);
  if ('broken' in run) {
    for (const m of run.broken) io.stderr(`podsec: ${m}\n`);
    return 2;
  }
  for (const n of run.notes) io.stderr(`podsec: ${n}\n`);
  const problems = [...run.problems];
  // A rule that throws is reported (once per file and rule) but, as in check, does not make the run a usage error.
  const ruleErrors = new Set<string>();
  const remaining: FileFinding[] = [];
  const usesStdout = !args.dryRun && run.inputs.some((i) => i.input.key === STDIN);
  // With the fixed stdin text on stdout, everything else goes to stderr.
  const report = usesStdout ? io.stderr : io.stdout;
  let fixedProblems = 0;
  let changedFiles = 0;
  for (const { input, parsed } of run.inputs) {
    const lint = lintOptionsFor(run, input, (ruleId, error) => {
      ruleErrors.add(`${input.display}: rule ${ruleId} failed: ${(error as Error)?.message ?? error}`);
    });
    const result = fixAll(parsed.text, { lint });
    const changed = result.text !== input.text;
    if (changed) {
      changedFiles++;
      fixedProblems += result.applied;
      const stdin = input.key === STDIN;
      if (args.dryRun) io.stdout(unifiedDiff(input.text, result.text, diffName('a', input), diffName('b', input)));
      else if (stdin) io.stdout(result.text);
      else {
        try {
          writeBack(input.display, result.text);
        } catch (e) {
          problems.push({ display: input.display, message: `cannot write the fixed file: ${(e as Error)?.message ?? e}` });
        }
      }
    } else if (input.key === STDIN && !args.dryRun) {
      io.stdout(input.text);
    }
    remaining.push(...located(input.display, result.text, lintText(result.text, lint).findings));
  }
  for (const p of problems) io.stderr(`podsec: ${p.display}: ${p.message}\n`);
  for (const e of ruleErrors) io.stderr(`podsec: ${e}\n`);
  if (!args.dryRun) report(formatText(remaining, args.color ?? (io.isTty && !usesStdout && !process.env.NO_COLOR)));
  const verb = args.dryRun ? 'would fix' : 'fixed';
  io.stderr(`${verb} ${plural(fixedProblems, 'problem')} in ${plural(changedFiles, 'file')}; left: ${summaryLine(remaining, run.inputs.length)}\n`);
  if (problems.length) return 2;
  return remaining.some((f) => f.severity === 'error') ? 1 : 0;
}

function located(file: string, text: string, findings: Finding[]): FileFinding[] {
  const lines = new LineIndex(text);
  return findings.map((f) => ({ ...f, file, range: { start: lines.positionAt(f.span.start), end: lines.positionAt(f.span.end) } }));
}

/** `a/path` for relative paths, as git prints them; absolute paths and <stdin> as they are. */
function diffName(side: 'a' | 'b', input: Input): string {
  return input.key === STDIN || path.isAbsolute(input.display) ? input.display : `${side}/${input.display}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

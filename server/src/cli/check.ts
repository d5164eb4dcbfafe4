/** `podsec check`: read every input, index the Namespaces among them, analyse each file, report, set the exit code. */
import { analyzeParsed, LineIndex, NamespaceIndex, parseManifest, PolicyResolver } from '../engine';
import type { ParsedManifest } from '../engine';
import type { CheckArgs } from './args';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText, summaryLine } from './format-text';
import { collectPaths, Input, InputProblem, readInput } from './inputs';
import type { FileFinding } from './report';

export interface CheckIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  version: string;
}

export function runCheck(args: CheckArgs, io: CheckIo): number {
  const { files, problems } = collectPaths(args.paths);
  const inputs: Input[] = [];
  for (const f of files) {
    const r = readInput(f);
    if ('text' in r) inputs.push(r);
    else problems.push(r);
  }
  const parsed = new Map<Input, ParsedManifest>();
  const namespaces = new NamespaceIndex();
  for (const input of inputs) {
    const p = parseManifest(input.text);
    parsed.set(input, p);
    namespaces.update(input.display, p);
  }
  const policy = new PolicyResolver({ level: args.level, version: args.version }, namespaces);
  const ruleErrors: InputProblem[] = [];
  const findings: FileFinding[] = [];
  for (const input of inputs) {
    const lines = new LineIndex(input.text);
    const result = analyzeParsed(parsed.get(input)!, {
      policy,
      onRuleError: (ruleId, error) => ruleErrors.push({ display: input.display, message: `rule ${ruleId} failed: ${(error as Error)?.message ?? error}` }),
    });
    for (const f of result) {
      findings.push({ ...f, file: input.display, range: { start: lines.positionAt(f.span.start), end: lines.positionAt(f.span.end) } });
    }
  }
  for (const p of [...problems, ...ruleErrors]) io.stderr(`podsec: ${p.display}: ${p.message}\n`);
  if (args.format === 'json') io.stdout(formatJson(findings));
  else if (args.format === 'sarif') io.stdout(formatSarif(findings, io.version));
  else {
    io.stdout(formatText(findings, args.color ?? (io.isTty && !process.env.NO_COLOR)));
    io.stderr(`${summaryLine(findings, inputs.length)}\n`);
  }
  if (problems.length) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

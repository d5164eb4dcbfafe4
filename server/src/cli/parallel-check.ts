/**
 * `podsec check` over many files on several cores. Parsing and linting each file is independent except for the
 * cross-file facts (Namespaces and their labels, ServiceAccounts, NetworkPolicies, ...), so it runs in two rounds:
 * 1. each worker reads and parses its share of the files and sends back their facts (plain data);
 * 2. every worker gets the facts of all files, builds the same index a single-threaded run builds, and lints its
 *    files (still parsed from round 1), sending back findings with their line and column.
 * The main thread puts the findings back in file order: the output is the single-threaded run's, byte for byte.
 *
 * Workers are worth their start-up (each loads the CLI, about 50 ms) only for many files; `PODSEC_CHECK_WORKERS`
 * sets their number (1: none).
 */
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LineIndex, lintParsed, NamespaceIndex, parseManifest } from '../engine';
import type { ParsedManifest } from '../engine';
import { factsIn, FileFacts } from '../engine/workspace-facts';
import { plainEnvironment } from '../plain-env';
import type { CheckOutcome } from './check';
import { Input, InputProblem, readInput } from './inputs';
import type { FileFinding } from './report';
import { lintOptionsFor, RunPlan, runOver } from './run-inputs';

/** Below this many files one thread is faster than starting workers. */
const MIN_FILES_FOR_WORKERS = 200;
const MAX_WORKERS = 4;

/**
 * Fewer CPUs than this and one thread is as fast: on a 2-vCPU machine (often two hyperthreads of one core) two
 * workers took as long as one thread, each parsing at half speed, and they keep every syntax tree of their share.
 */
const MIN_CPUS_FOR_WORKERS = 4;

/**
 * How many workers to check `files` files with (1: check in this thread). Workers pay off only on idle cores: each
 * warms up its own compiled code, so on a machine already busy they add work without adding speed.
 */
export function checkWorkers(files: number): number {
  const configured = Number(process.env.PODSEC_CHECK_WORKERS);
  if (Number.isInteger(configured) && configured > 0) return Math.min(configured, Math.max(1, files));
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (cpus < MIN_CPUS_FOR_WORKERS) return 1;
  const idle = Math.round(cpus - os.loadavg()[0]);
  return Math.max(1, Math.min(cpus, MAX_WORKERS, idle + 1));
}

interface WorkerSetup {
  role: 'podsec-check';
  /** The files this worker checks, with their position in the run. */
  files: { index: number; path: string }[];
  plan: Omit<RunPlan, 'files' | 'problems' | 'notes'>;
}

type ToWorker = { facts: [string, FileFacts][] };
type FromWorker =
  | { kind: 'facts'; facts: [string, FileFacts][]; problems: { index: number; problem: InputProblem }[] }
  | { kind: 'findings'; files: { index: number; findings: FileFinding[]; ruleErrors: InputProblem[] }[] }
  | { kind: 'error'; message: string };

export async function checkInWorkers(plan: RunPlan, count: number): Promise<CheckOutcome> {
  const shares: WorkerSetup['files'][] = Array.from({ length: count }, () => []);
  // Round robin: neighbouring files are often alike in size.
  plan.files.forEach((path, index) => shares[index % count].push({ index, path }));
  const { level, version, config } = plan;
  const workers = shares.map((files) => new Worker(__filename, {
    workerData: { role: 'podsec-check', files, plan: { level, version, config } } satisfies WorkerSetup,
  }));
  try {
    const factsRound = await Promise.all(workers.map((w) => nextMessage(w)));
    const facts: [string, FileFacts][] = [];
    const readProblems: { index: number; problem: InputProblem }[] = [];
    for (const m of factsRound) {
      if (m.kind !== 'facts') throw new Error(m.kind === 'error' ? m.message : 'unexpected message from a worker');
      facts.push(...m.facts);
      readProblems.push(...m.problems);
    }
    const findingsRound = await Promise.all(workers.map((w) => {
      const reply = nextMessage(w);
      w.postMessage({ facts } satisfies ToWorker);
      return reply;
    }));
    const byFile: { index: number; findings: FileFinding[]; ruleErrors: InputProblem[] }[] = [];
    for (const m of findingsRound) {
      if (m.kind !== 'findings') throw new Error(m.kind === 'error' ? m.message : 'unexpected message from a worker');
      byFile.push(...m.files);
    }
    byFile.sort((a, b) => a.index - b.index);
    readProblems.sort((a, b) => a.index - b.index);
    return {
      findings: byFile.flatMap((f) => f.findings),
      problems: [...plan.problems, ...readProblems.map((p) => p.problem)],
      ruleErrors: byFile.flatMap((f) => f.ruleErrors),
      inputs: byFile.length,
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function nextMessage(worker: Worker): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: FromWorker) => {
      cleanup();
      resolve(m);
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`a check worker exited (code ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/** True in a worker thread started by checkInWorkers (the CLI's entry point then runs runCheckWorker). */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.role === 'podsec-check';
}

// A worker thread loads this module (or the bundle holding it) as its entry: it then does a worker's part.
if (isCheckWorker()) runCheckWorker();

function runCheckWorker(): void {
  plainEnvironment();
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  try {
    const inputs: { index: number; input: Input; parsed: ParsedManifest }[] = [];
    const problems: { index: number; problem: InputProblem }[] = [];
    const facts: [string, FileFacts][] = [];
    for (const { index, path } of setup.files) {
      const r = readInput(path);
      if (!('text' in r)) {
        problems.push({ index, problem: r });
        continue;
      }
      const parsed = parseManifest(r.text);
      facts.push([r.key, factsIn(parsed, r.key)]);
      inputs.push({ index, input: r, parsed });
    }
    port.postMessage({ kind: 'facts', facts, problems } satisfies FromWorker);
    port.once('message', (message: ToWorker) => {
      try {
        const namespaces = new NamespaceIndex();
        for (const [file, f] of message.facts) namespaces.updateFacts(file, f);
        const run = { ...runOver({ ...setup.plan, files: [], problems: [], notes: [] }, namespaces), inputs: [], problems: [] };
        const files = inputs.map(({ index, input, parsed }) => {
          const ruleErrors: InputProblem[] = [];
          const lines = new LineIndex(input.text);
          const findings: FileFinding[] = lintParsed(parsed, lintOptionsFor(run, input, (ruleId, error) => {
            ruleErrors.push({ display: input.display, message: `rule ${ruleId} failed: ${(error as Error)?.message ?? error}` });
          })).map((f) => ({ ...f, file: input.display, range: { start: lines.positionAt(f.span.start), end: lines.positionAt(f.span.end) } }));
          return { index, findings, ruleErrors };
        });
        port.postMessage({ kind: 'findings', files } satisfies FromWorker);
      } catch (error) {
        port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
      }
    });
  } catch (error) {
    port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
  }
}

#!/usr/bin/env node
// `npm run bench` (issue 7): measures the bundled language server through the protocol, as any LSP client would,
// and the CLI, on deterministic generated corpora; puts a bare `yaml` parse of the same text next to every number;
// prints a table, writes bench/results/<timestamp>.json and latest.json, and checks the issue's targets.
// A benchmark, not a test: a FAIL exits 0 unless --strict.
//
//   node bench/run.mjs [--quick] [--only small|medium|large|workspace[,...]] [--strict] [--seed N] [--edits N]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAllTime, parseTime } from './lib/baseline.mjs';
import { runCli, timeCliCheck } from './lib/cli-timing.mjs';
import { CORPUS_NAMES, lineCount, SINGLE_FILE_CORPORA, singleFileText, workspaceFiles, workspaceFileToEdit, writeSingleFile, writeWorkspace } from './lib/corpus.mjs';
import { defaultSettings, LspServer } from './lib/lsp-client.mjs';
import { Rng } from './lib/prng.mjs';
import { killAll } from './lib/processes.mjs';
import { checkTargets, formatReport } from './lib/report.mjs';
import { measureDocument } from './lib/session.mjs';
import { median, summary } from './lib/stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(ROOT, 'dist/server.js');
const CLI = path.join(ROOT, 'dist/cli.js');
const CORPUS_DIR = path.join(ROOT, 'bench/.corpus');
const RESULTS_DIR = path.join(ROOT, 'bench/results');
const ALIASES = { 100: 'small', 2000: 'medium', '2k': 'medium', 20000: 'large', '20k': 'large', ws: 'workspace' };
/** The whole run is killed after this long, whatever the server does. */
const WATCHDOG_MS = 8 * 60_000;

const USAGE = `Usage: node bench/run.mjs [options]     (npm run bench -- [options] builds first)
  --quick            fewer opens, edits, requests and runs (a smoke run)
  --only <corpora>   ${CORPUS_NAMES.join(', ')} (comma-separated; default all)
  --strict           exit 1 when a target fails or a measurement could not be made
  --seed <n>         corpus and edit-position seed (default 7)
  --edits <n>        number of single-character edits per document (even; default 50, --quick 10)`;

function parseOptions(argv) {
  const o = { quick: false, only: CORPUS_NAMES, strict: false, seed: 7, edits: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--strict') o.strict = true;
    else if (a === '--only') {
      o.only = value().split(',').map((s) => ALIASES[s.trim()] ?? s.trim());
      const unknown = o.only.filter((n) => !CORPUS_NAMES.includes(n));
      if (unknown.length) usage(`unknown corpus ${unknown.join(', ')}`);
    } else if (a === '--seed') o.seed = Number.parseInt(value(), 10);
    else if (a === '--edits') o.edits = Number.parseInt(value(), 10);
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else usage(`unknown option ${a}`);
  }
  if (!Number.isInteger(o.seed)) usage('--seed must be an integer');
  if (o.edits !== undefined && !(Number.isInteger(o.edits) && o.edits >= 2)) usage('--edits must be an integer >= 2');
  o.edits = o.edits === undefined ? (o.quick ? 10 : 50) : o.edits + (o.edits % 2); // even: the text ends as opened
  return o;
}

function usage(message) {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

/** How much is done per corpus; the budgets bound the run even when the server is slow. */
function planFor(options) {
  const q = options.quick;
  return {
    opens: q ? 2 : 5,
    edits: options.edits,
    burst: q ? 10 : 20,
    hovers: q ? 10 : 30,
    cliRuns: q ? 1 : 3,
    budgets: { opensMs: 30_000, editsMs: q ? 15_000 : 75_000, requestsMs: 20_000 },
    timeouts: { initializeMs: 30_000, indexingMs: 120_000, openMs: 60_000, editMs: 20_000, burstMs: 60_000, requestMs: 20_000, cliMs: 120_000 },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (message) => process.stderr.write(`bench: ${message}\n`);

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The server's log lines worth reporting (errors and warnings) and its stderr. */
function serverProblems(server) {
  const problems = [];
  const seen = new Map();
  for (const l of server.logs) {
    if (l.type !== 1 && l.type !== 2) continue;
    const key = l.message.split('\n')[0].slice(0, 300);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const [message, n] of [...seen].slice(0, 10)) problems.push(`server log: ${message}${n > 1 ? ` (×${n})` : ''}`);
  const stderr = server.stderr.trim();
  if (stderr) problems.push(`server stderr: ${stderr.split('\n').slice(0, 5).join(' | ').slice(0, 600)}`);
  return problems;
}

/** Starts a server on `root`, waits for its startup indexing, measures one document in it, stops it. */
async function serverSession({ root, file, text, plan, rng, settings }) {
  const result = { errors: [], problems: [], notes: [] };
  const server = new LspServer({ serverPath: SERVER, root, settings });
  try {
    await server.start(plan.timeouts.initializeMs);
    const indexed = await server.waitForIndexing(plan.timeouts.indexingMs);
    result.indexing = { ms: indexed.at - server.initializedAt };
    await sleep(300); // let the end of indexing settle before the first open
    result.idleMB = server.memory().currentMB;
    const uri = pathToFileURL(file).href;
    result.session = await measureDocument(server, { uri, text, rng, ...plan });
    const mem = server.memory();
    result.memory = { peakMB: mem.peakMB, idleMB: result.idleMB, endMB: mem.currentMB };
  } catch (error) {
    result.errors.push(error.message);
  } finally {
    server.stopping = true;
    const mem = server.memory();
    if (!result.memory && mem.peakMB) result.memory = { peakMB: mem.peakMB, idleMB: result.idleMB, endMB: mem.currentMB };
    await server.stop();
  }
  const indexed = server.logs.map((l) => /^Indexed (\d+) manifest/.exec(l.message)?.[1]).find(Boolean);
  if (indexed !== undefined) result.indexedFiles = Number(indexed);
  result.errors.push(...(result.session?.errors ?? []));
  if (server.exited && !server.stopping) result.errors.push(`server exited on its own (code ${server.exited.code}, signal ${server.exited.signal})`);
  result.problems.push(...serverProblems(server));
  const p = result.session?.publications;
  if (p) {
    for (const [what, n] of [['unversionedWhileOpen', p.unversionedWhileOpen], ['duplicates', p.duplicates], ['outOfOrder', p.outOfOrder], ['staleOnArrival', p.staleOnArrival], ['outOfRange', p.outOfRange]]) {
      if (n) result.problems.push(`${n} publication(s): ${what}`);
    }
    if (result.session.edit?.mismatchesAfterRevert) result.problems.push(`${result.session.edit.mismatchesAfterRevert} edit(s) that restored the opened text got different diagnostics than the open`);
    if (result.session.burst && !result.session.burst.sameAsOpened) result.problems.push('after the burst (text as opened) the diagnostics differ from the open');
    for (const e of result.session.anomalyExamples ?? []) result.problems.push(`  e.g. ${e}`);
  }
  return result;
}

async function runSingleFile(name, options, plan, settings) {
  const text = singleFileText(options.seed, SINGLE_FILE_CORPORA[name]);
  const { dir, file } = writeSingleFile(CORPUS_DIR, name, text);
  log(`${name}: ${lineCount(text)} lines; timing the yaml parse`);
  const parse = parseTime(text, options.quick);
  log(`${name}: parse ${parse.median.toFixed(2)} ms; measuring the server`);
  const rng = new Rng(options.seed).fork(lineCount(text));
  const s = await serverSession({ root: dir, file, text, plan, rng, settings });
  return {
    file: path.relative(ROOT, file),
    lines: lineCount(text),
    bytes: Buffer.byteLength(text),
    documents: parse.documents,
    parse: { median: parse.median, samples: parse.samples },
    ...s,
    indexing: undefined, // a one-file folder: not a measurement worth showing
  };
}

async function runWorkspace(options, plan, settings) {
  const files = workspaceFiles(options.seed);
  const dir = writeWorkspace(CORPUS_DIR, files);
  const texts = [...files.values()];
  const lines = texts.reduce((n, t) => n + lineCount(t), 0);
  log(`workspace: ${files.size} files, ${lines} lines; timing the yaml parse of all files`);
  const parseAll = parseAllTime(texts, options.quick);
  const edited = workspaceFileToEdit(files);
  const text = files.get(edited);
  const parse = parseTime(text, options.quick);

  log(`workspace: parse of all files ${parseAll.median.toFixed(0)} ms; timing the CLI`);
  const startup = [];
  for (let i = 0; i < plan.cliRuns; i++) startup.push((await runCli(CLI, ['--version-info'], 30_000)).ms);
  const cli = await timeCliCheck(CLI, dir, plan.cliRuns, plan.timeouts.cliMs);

  log('workspace: measuring the server');
  const rng = new Rng(options.seed).fork(files.size);
  const s = await serverSession({ root: dir, file: path.join(dir, edited), text, plan, rng, settings });
  return {
    dir: path.relative(ROOT, dir),
    files: files.size,
    lines,
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
    documents: parseAll.documents,
    parseAll: { median: parseAll.median, samples: parseAll.samples },
    editedFile: edited,
    editedFileLines: lineCount(text),
    parse: { median: parse.median, samples: parse.samples },
    cli: { ...summary(cli.samples), ...cli, median: median(cli.samples) },
    cliStartup: summary(startup),
    ...s,
    errors: [...s.errors, ...cli.errors],
  };
}

function writeResults(results) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = results.meta.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const file = path.join(RESULTS_DIR, `${stamp}.json`);
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);
  return file;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  for (const f of [SERVER, CLI]) {
    if (!fs.existsSync(f)) usage(`${path.relative(ROOT, f)} is missing: run \`npm run build\` (or \`npm run bench\`, which builds first)`);
  }
  const plan = planFor(options);
  const settings = defaultSettings(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
  const results = {
    meta: {
      startedAt: new Date().toISOString(),
      command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      totalMemMB: Math.round(os.totalmem() / 1_048_576),
      loadStart: os.loadavg(),
      commit: git(['rev-parse', '--short', 'HEAD']),
      // Others rebuild dist/ while they work: the hash ties these numbers to the exact bundle measured.
      serverBundle: { sha256: createHash('sha256').update(fs.readFileSync(SERVER)).digest('hex').slice(0, 12), builtAt: fs.statSync(SERVER).mtime.toISOString() },
      dirty: !!git(['status', '--porcelain']),
      seed: options.seed,
      quick: options.quick,
      plan: { ...plan, budgets: undefined, timeouts: undefined },
      corpusDir: path.relative(ROOT, CORPUS_DIR),
    },
    corpora: {},
    targets: [],
  };
  const watchdog = setTimeout(() => {
    log(`watchdog: the run took longer than ${WATCHDOG_MS / 60_000} minutes; killing the server and writing partial results`);
    killAll();
    results.meta.aborted = 'watchdog';
    results.targets = checkTargets(results.corpora);
    log(`partial results: ${writeResults(results)}`);
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();

  const t0 = performance.now();
  for (const name of CORPUS_NAMES.filter((n) => options.only.includes(n))) {
    try {
      results.corpora[name] = name === 'workspace' ? await runWorkspace(options, plan, settings) : await runSingleFile(name, options, plan, settings);
    } catch (error) {
      log(`${name}: ${error.stack ?? error}`);
      results.corpora[name] = { parse: {}, errors: [`benchmark error: ${error.message}`] };
    }
  }
  clearTimeout(watchdog);
  results.meta.loadEnd = os.loadavg();
  results.meta.durationS = Math.round((performance.now() - t0) / 100) / 10;
  results.targets = checkTargets(results.corpora);
  console.log(formatReport(results));
  const file = writeResults(results);
  console.log(`\nResults: ${path.relative(ROOT, file)} (and bench/results/latest.json); ran ${results.meta.durationS} s.`);
  const failed = results.targets.some((t) => t.status === 'FAIL') || Object.values(results.corpora).some((c) => c.errors?.length);
  if (options.strict && failed) process.exit(1);
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  killAll();
  process.exit(2);
});

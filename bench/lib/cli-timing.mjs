// Wall time of the bundled CLI as a user runs it: a fresh `node dist/cli.js ...` process per run.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { killOnExit } from './processes.mjs';

/** One run: wall time from spawn to exit, exit code, stdout (parsed as JSON when asked). */
export function runCli(cliPath, args, timeoutMs) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const proc = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const release = killOnExit(proc);
    const out = [];
    let err = '';
    proc.stdout.on('data', (c) => out.push(c));
    proc.stderr.on('data', (c) => { if (err.length < 10_000) err += c; });
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      release();
      resolve({ ms, code, signal, timedOut: signal === 'SIGKILL', stdout: Buffer.concat(out).toString('utf8'), stderr: err });
    });
  });
}

/** `podsec check --format json <dir>`, `runs` times; the wall times and what the output says it checked. */
export async function timeCliCheck(cliPath, dir, runs, timeoutMs) {
  const samples = [];
  const result = { errors: [] };
  for (let i = 0; i < runs; i++) {
    const r = await runCli(cliPath, ['check', '--format', 'json', dir], timeoutMs);
    if (r.timedOut) {
      result.errors.push(`CLI run ${i + 1} killed after ${timeoutMs} ms`);
      break;
    }
    if (r.code !== 0 && r.code !== 1) {
      result.errors.push(`CLI exited with ${r.code}: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
      break;
    }
    samples.push(r.ms);
    if (i === 0) {
      result.exitCode = r.code;
      try {
        const findings = JSON.parse(r.stdout).findings;
        result.findings = findings.length;
        result.filesWithFindings = new Set(findings.map((f) => f.file)).size;
      } catch (error) {
        result.errors.push(`CLI output is not JSON: ${error.message}`);
      }
      if (r.stderr.trim()) result.stderr = r.stderr.trim().slice(0, 2_000);
    }
  }
  return { samples, ...result };
}

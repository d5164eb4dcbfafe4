// The yardstick next to every number: a bare `yaml` parseAllDocuments of the same text, in this process, timed
// after warm-up runs (median of several). Run it while no server is busy, so both sides see the same machine.
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { median } from './stats.mjs';

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the median and the samples in ms. */
export function timeRuns(fn, { warmup, runs }) {
  // Warm up by count and by time: a tiny text needs many runs before the parser is compiled by the JIT.
  const warmStart = performance.now();
  for (let i = 0; i < warmup || (performance.now() - warmStart < 300 && i < 1_000); i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { median: median(samples), samples };
}

/** Parse time of one text; the run counts shrink with its size to keep the whole benchmark short. */
export function parseTime(text, quick) {
  const big = text.length > 200_000;
  const runs = quick ? (big ? 3 : 7) : big ? 9 : text.length > 20_000 ? 15 : 31;
  let documents = 0;
  const timing = timeRuns(() => { documents = parseAllDocuments(text).length; }, { warmup: big ? 2 : 5, runs });
  return { ...timing, documents };
}

/** Parse time of every file of a workspace, one after another (texts already in memory: no I/O). */
export function parseAllTime(texts, quick) {
  let documents = 0;
  const timing = timeRuns(() => {
    documents = 0;
    for (const t of texts) documents += parseAllDocuments(t).length;
  }, { warmup: 1, runs: quick ? 1 : 3 });
  return { ...timing, documents };
}

// `npm run fuzz`: the fuzz properties for much longer than `npm test` runs them, from a fresh seed (printed first).
// FUZZ_RUNS (default 50,000 engine cases; the first tenth of them also with every fix checked), FUZZ_SEED,
// FUZZ_PATH and FUZZ_ONLY (engine or fixes) replay a failure exactly as it was printed.
import { FuzzRun, runFuzz } from './engine-property';

const runs = Number(process.env.FUZZ_RUNS ?? 50_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const path = process.env.FUZZ_PATH || undefined;
const only = process.env.FUZZ_ONLY;

const plan: FuzzRun[] = [
  { property: 'engine', runs, seed, path },
  { property: 'fixes', runs: Math.ceil(runs / 10), seed, path },
];
const started = Date.now();
try {
  for (const run of plan.filter((r) => !only || r.property === only)) {
    console.log(`podsec fuzz: ${run.property}, ${run.runs} cases, seed ${seed}${path ? `, path ${path}` : ''}`);
    runFuzz(run);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
console.log(`podsec fuzz: no failure in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// Property-based fuzzing of the engine and the fixes on mutated manifests (see engine-property.ts).
// A fixed seed keeps `npm test` reproducible; `npm run fuzz` runs many more cases from a fresh seed.
// FUZZ_RUNS / FUZZ_SEED / FUZZ_PATH override the run (a failure prints the values that replay it).
import { test } from 'node:test';
import { runFuzz } from './engine-property';

const seed = Number(process.env.FUZZ_SEED ?? 20_240_607);
const path = process.env.FUZZ_PATH || undefined;
const runs = Number(process.env.FUZZ_RUNS ?? 2_000);

test('fuzz: the engine never throws, keeps findings in range and is deterministic on mutated manifests', () => {
  runFuzz({ property: 'engine', runs, seed, path });
});

test('fuzz: every fix offered on a mutated manifest has in-range, non-overlapping edits that apply cleanly', () => {
  runFuzz({ property: 'fixes', runs: Math.ceil(runs / 6), seed, path });
});

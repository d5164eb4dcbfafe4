#!/usr/bin/env node
// Side by side: PodSec's server and other YAML language servers on the same generated files, in one run, through
// the same minimal LSP client. For each server and file: open -> first diagnostics, single-character edits ->
// the diagnostics that follow each edit (median, p95), and the server's peak RSS. Servers are measured one after
// the other, never at once. The corpora are npm run bench's (run it once first, or pass --seed to write them).
//
//   node bench/compare.mjs --server podsec=dist/server.js --server yls=/tmp/yls/node_modules/yaml-language-server/bin/yaml-language-server
//   (yaml-language-server: `npm install --prefix /tmp/yls yaml-language-server`, outside this project)
//
// A server is `name=path/to/a/node/script` (started as `node <script> --stdio`). Servers that publish without a
// version (yaml-language-server does) are timed to the first publication after each change.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseTime } from './lib/baseline.mjs';
import { SINGLE_FILE_CORPORA, singleFileText, writeSingleFile } from './lib/corpus.mjs';
import { defaultSettings, LspServer } from './lib/lsp-client.mjs';
import { Rng } from './lib/prng.mjs';
import { killAll } from './lib/processes.mjs';
import { summary } from './lib/stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_DIR = path.join(ROOT, 'bench/.corpus');

function parseArgs(argv) {
  const o = { servers: [], only: ['medium', 'large'], edits: 50, seed: 7 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--server') {
      const [name, script] = v().split('=');
      o.servers.push({ name, script: path.resolve(script) });
    } else if (a === '--only') o.only = v().split(',');
    else if (a === '--edits') o.edits = Number(v());
    else if (a === '--seed') o.seed = Number(v());
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.servers.length) o.servers.push({ name: 'podsec', script: path.join(ROOT, 'dist/server.js') });
  return o;
}

/** The first diagnostics for `uri` after now: of `version` when the server says versions, else any. */
function nextDiagnostics(server, uri, version, timeoutMs) {
  return server.waitFor((e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === uri
    && (e.params.version === undefined || e.params.version === null || e.params.version === version), timeoutMs, `diagnostics of ${uri} v${version}`);
}

async function measure(spec, file, text, edits, seed) {
  const settings = defaultSettings(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
  const server = new LspServer({ serverPath: spec.script, root: path.dirname(file), settings });
  const out = { server: spec.name };
  try {
    await server.start(30_000);
    await new Promise((r) => setTimeout(r, 1500)); // startup indexing, if any
    const uri = pathToFileURL(file).href;
    let version = 1;
    const opened = nextDiagnostics(server, uri, version, 60_000);
    const t0 = performance.now();
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    const first = await opened;
    out.openMs = first.at - t0;
    out.diagnostics = first.params.diagnostics.length;
    const lines = text.split('\n');
    const sites = lines.flatMap((l, i) => (/\S/.test(l) && !/^---/.test(l) ? [i] : []));
    const rng = new Rng(seed);
    const samples = [];
    for (let k = 0; k < edits / 2; k++) {
      const line = rng.pick(sites);
      const from = lines[line].search(/\S/) + 1;
      const character = rng.int(from, lines[line].length);
      for (const insert of [true, false]) {
        version++;
        const wait = nextDiagnostics(server, uri, version, 20_000);
        const start = { line, character };
        const change = insert ? { range: { start, end: start }, rangeLength: 0, text: 'x' } : { range: { start, end: { line, character: character + 1 } }, rangeLength: 1, text: '' };
        const t = performance.now();
        server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        samples.push((await wait).at - t);
      }
    }
    out.edit = summary(samples);
    out.peakMB = server.memory().peakMB;
  } catch (error) {
    out.error = error.message;
    out.peakMB = server.memory().peakMB;
  } finally {
    await server.stop();
  }
  return out;
}

const options = parseArgs(process.argv.slice(2));
const rows = [];
try {
  for (const name of options.only) {
    const text = singleFileText(options.seed, SINGLE_FILE_CORPORA[name]);
    const { file } = writeSingleFile(CORPUS_DIR, name, text);
    const parse = parseTime(text, false).median;
    for (const spec of options.servers) rows.push({ corpus: name, lines: text.split('\n').length, parse, ...(await measure(spec, file, text, options.edits, options.seed)) });
  }
} finally {
  killAll();
}
const f = (ms) => (ms === undefined ? '-' : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
console.log(`node ${process.version}; edits: ${options.edits} per file; times in ms`);
console.log('corpus   lines   parse  server       open  open/parse  edit med  edit p95  p95/parse  diags  peak RSS MB');
for (const r of rows) {
  console.log([
    r.corpus.padEnd(8), String(r.lines).padStart(5), f(r.parse).padStart(7), r.server.padEnd(10), f(r.openMs).padStart(6),
    (r.openMs ? `${(r.openMs / r.parse).toFixed(2)}x` : '-').padStart(11), f(r.edit?.median).padStart(9), f(r.edit?.p95).padStart(9),
    (r.edit ? `${(r.edit.p95 / r.parse).toFixed(2)}x` : '-').padStart(10), String(r.diagnostics ?? '-').padStart(6), (r.peakMB ?? 0).toFixed(0).padStart(12),
    r.error ? `  ERROR ${r.error}` : '',
  ].join(' '));
}

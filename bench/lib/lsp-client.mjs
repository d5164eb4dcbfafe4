// A minimal LSP client over stdio for the benchmark: its own JSON-RPC framing (so an arrival time is taken the
// moment a message is parsed, with no library queue in between), answers to the server's requests as VS Code
// would with default settings, waiters with timeouts, and peak-RSS polling of the server process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { killOnExit } from './processes.mjs';

export class TimeoutError extends Error {}

/** Settings as VS Code sends them when the user changed nothing: the defaults of the `podsec.*` contributions. */
export function defaultSettings(packageJson) {
  const out = {};
  for (const [key, schema] of Object.entries(packageJson.contributes?.configuration?.properties ?? {})) {
    const parts = key.split('.').slice(1);
    let node = out;
    for (const p of parts.slice(0, -1)) node = node[p] ??= {};
    node[parts[parts.length - 1]] = schema.default;
  }
  return out;
}
const FILES_EXCLUDE_DEFAULT = { '**/.git': true, '**/.svn': true, '**/.hg': true, '**/CVS': true, '**/.DS_Store': true, '**/Thumbs.db': true };

export class LspServer {
  /** @param {{ serverPath: string, root?: string, settings: object }} options */
  constructor(options) {
    this.options = options;
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = new Set();
    this.notificationListeners = [];
    this.stderr = '';
    this.logs = [];
    this.progress = { created: 0, ended: 0 };
    this.rss = { peakHwmKb: 0, maxRssKb: 0 };
    this.exited = undefined;
    this.buffer = Buffer.alloc(0);
    this.chunks = [];
    this.buffered = 0;
    this.needed = undefined;
  }

  async start(timeoutMs) {
    // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under the benchmark.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const proc = spawn(process.execPath, [...nodeArgs, this.options.serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc = proc;
    this.release = killOnExit(proc);
    proc.stdout.on('data', (chunk) => this.onData(chunk));
    proc.stderr.on('data', (chunk) => {
      if (process.env.BENCH_SERVER_STDERR) process.stderr.write(chunk); // the server's own tracing, when debugging
      if (this.stderr.length < 200_000) this.stderr += chunk.toString();
    });
    proc.stdin.on('error', () => {}); // a dead server shows up as a timeout with a clear message instead
    proc.on('exit', (code, signal) => {
      this.release();
      this.exited = { code, signal };
      for (const { reject } of this.pending.values()) reject(new Error(`server exited (code ${code}, signal ${signal}) before answering`));
      this.pending.clear();
      for (const w of this.waiters) w.fail(new Error(`server exited (code ${code}, signal ${signal}) while waiting for ${w.what}`));
    });
    this.pollTimer = setInterval(() => this.pollRss(), 50);
    this.pollTimer.unref();
    const root = this.options.root;
    const folders = root ? [{ uri: pathToFileURL(root).href, name: root.split('/').pop() }] : null;
    this.folders = folders;
    this.startedAt = performance.now();
    const init = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'podsec-bench' },
      rootUri: folders?.[0].uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          // As VS Code declares it: fix-all edits are computed on codeAction/resolve, when the user picks the action.
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true, resolveSupport: { properties: ['edit'] } },
        },
      },
    }, timeoutMs);
    this.capabilities = init.result?.capabilities;
    this.initializedAt = performance.now();
    this.notify('initialized', {});
    return init;
  }

  // ---- JSON-RPC framing ----

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  onData(chunk) {
    // Chunks wait in a list until a whole message is there: concatenating on every chunk would copy a large
    // publication (hundreds of kilobytes in 64 KB pipe chunks) over and over, and that time would count as the server's.
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.needed !== undefined && this.buffered < this.needed) return;
    this.buffer = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.chunks = [];
    this.needed = undefined;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`bad header from server: ${header}`);
      if (this.buffer.length < headerEnd + 4 + length) {
        this.needed = headerEnd + 4 + length;
        break;
      }
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      const message = JSON.parse(body);
      this.dispatch(message, performance.now(), length);
    }
    if (this.buffer.length) this.chunks.push(this.buffer);
    this.buffered = this.buffer.length;
  }

  dispatch(message, at, bytes) {
    if (message.id !== undefined && message.method === undefined) {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      clearTimeout(p.timer);
      if (message.error) p.reject(new Error(`${p.method} failed: ${message.error.message}`));
      else p.resolve({ result: message.result, ms: at - p.sentAt });
      return;
    }
    if (message.id !== undefined) {
      this.send({ id: message.id, result: this.answer(message.method, message.params) });
      return;
    }
    const event = { method: message.method, params: message.params, at, bytes };
    if (message.method === 'window/logMessage') this.logs.push({ type: message.params.type, message: message.params.message });
    if (message.method === '$/progress' && message.params?.value?.kind === 'end') this.progress.ended++;
    for (const l of this.notificationListeners) l(event);
    for (const w of [...this.waiters]) w.check(event);
  }

  /** What VS Code would answer, with default settings. */
  answer(method, params) {
    switch (method) {
      case 'workspace/configuration':
        return params.items.map((item) => (item.section === 'podsec' ? this.options.settings : item.section === 'files.exclude' ? FILES_EXCLUDE_DEFAULT : null));
      case 'window/workDoneProgress/create':
        this.progress.created++;
        return null;
      case 'workspace/workspaceFolders':
        return this.folders;
      case 'workspace/applyEdit':
        return { applied: false };
      default:
        return null; // client/registerCapability, window/showMessageRequest, refresh requests, ...
    }
  }

  request(method, params, timeoutMs) {
    if (this.exited) return Promise.reject(new Error(`server already exited (code ${this.exited.code}); cannot send ${method}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new TimeoutError(`no answer to ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve, reject, timer, sentAt: performance.now() });
      this.send({ id, method, params });
    });
  }

  notify(method, params) {
    if (this.exited) throw new Error(`server already exited (code ${this.exited.code}); cannot send ${method}`);
    this.send({ method, params });
  }

  onNotification(listener) {
    this.notificationListeners.push(listener);
  }

  /**
   * Registers a waiter for the first notification (arriving from now on) that `accept`s; register BEFORE sending
   * what triggers it. Resolves with the event (its `at` is the arrival time).
   */
  waitFor(accept, timeoutMs, what) {
    let waiter;
    const promise = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new TimeoutError(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`));
      }, timeoutMs);
      waiter = {
        what: typeof what === 'function' ? what() : what,
        check: (event) => {
          if (!accept(event)) return;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(event);
        },
        fail: (error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
    if (this.exited) waiter.fail(new Error(`server already exited while waiting for ${waiter.what}`));
    return promise;
  }

  /** Diagnostics of `uri` at exactly `version`. */
  waitForDiagnostics(uri, version, timeoutMs) {
    return this.waitFor((e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === uri && e.params.version === version, timeoutMs,
      `textDocument/publishDiagnostics of ${uri.split('/').slice(-2).join('/')} version ${version}`);
  }

  /** The end of the startup indexing: its progress ends, or the server logs that it indexed the workspace. */
  waitForIndexing(timeoutMs) {
    if (this.progress.ended > 0 || this.logs.some((l) => /^Indexed /.test(l.message))) return Promise.resolve({ at: performance.now() });
    return this.waitFor((e) => (e.method === '$/progress' && e.params?.value?.kind === 'end') || (e.method === 'window/logMessage' && /^Indexed /.test(e.params.message)),
      timeoutMs, 'the end of the workspace indexing ($/progress end or an "Indexed ..." log message)');
  }

  pollRss() {
    if (!this.proc?.pid || this.exited) return;
    try {
      const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      this.rss.peakHwmKb = Math.max(this.rss.peakHwmKb, hwm);
      this.rss.maxRssKb = Math.max(this.rss.maxRssKb, rss);
      this.rss.currentKb = rss;
    } catch {
      // the process is exiting
    }
  }

  /** Peak and current resident memory in MB (VmHWM is the kernel's own peak, so short spikes are not missed). */
  memory() {
    this.pollRss();
    return { peakMB: this.rss.peakHwmKb / 1024, currentMB: (this.rss.currentKb ?? 0) / 1024 };
  }

  /** shutdown + exit, then SIGKILL if the process is still there. Never throws. */
  async stop() {
    clearInterval(this.pollTimer);
    if (!this.proc) return;
    if (!this.exited) {
      try {
        await this.request('shutdown', null, 5_000);
        this.notify('exit', null);
      } catch {
        // killed below
      }
      await new Promise((resolve) => {
        if (this.exited) return resolve();
        const timer = setTimeout(resolve, 2_000);
        this.proc.once('exit', () => { clearTimeout(timer); resolve(); });
      });
    }
    if (!this.exited) this.proc.kill('SIGKILL');
  }
}

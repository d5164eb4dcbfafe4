/**
 * A minimal LSP client for protocol tests: starts the bundled server (`node dist/server.js --stdio`) as a separate
 * process and talks JSON-RPC to it, answers the server's requests (configuration, registrations, progress), records
 * what the server pushes, and polls for conditions with a timeout (never a fixed sleep).
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ConfigurationParams,
  createProtocolConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  LogMessageNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Range,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { StatusNotification, StatusParams } from '../../shared/protocol';
import { PSS_RULES } from '../../server/src/engine';

export const SERVER = path.resolve('dist/server.js');

export interface ClientOptions {
  /** Workspace folder (a temp dir); none when omitted. */
  root?: string;
  /** The `podsec` settings section the client answers with (may be changed later with `setSettings`). */
  settings?: Record<string, unknown>;
  filesExclude?: Record<string, boolean>;
  /** Delay before answering `workspace/configuration`, to provoke races between edits and settings. */
  configurationDelayMs?: number;
  /** Announce no optional client capabilities (no configuration pull, no watchers, no progress). */
  bare?: boolean;
  /** Announce that code actions may come without `edit`, resolved with `codeAction/resolve` (as VS Code does). */
  resolveCodeActions?: boolean;
  initializationOptions?: unknown;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  readonly progressEnds: unknown[] = [];
  readonly registrations: string[] = [];
  settings: Record<string, unknown>;
  filesExclude: Record<string, boolean>;
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();

  private constructor(private readonly proc: ChildProcess, readonly connection: ProtocolConnection, readonly options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.filesExclude = options.filesExclude ?? {};
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, connection, options);
    client.listen();
    connection.listen();
    const folders = options.root ? [{ uri: pathToFileURL(options.root).href, name: path.basename(options.root) }] : null;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders?.[0].uri ?? null,
      workspaceFolders: folders,
      initializationOptions: options.initializationOptions,
      capabilities: options.bare ? {} : {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
        },
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          synchronization: { dynamicRegistration: false },
          ...(options.resolveCodeActions ? { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } } : {}),
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (p) => { this.published.push(p); });
    c.onNotification(StatusNotification.type, (p) => { this.statuses.push(p); });
    c.onNotification(LogMessageNotification.type, (p) => { this.logs.push(p.message); });
    c.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
      if (p.value?.kind === 'end') this.progressEnds.push(p);
    });
    c.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
    });
    c.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    c.onRequest('workspace/configuration', async (p: ConfigurationParams) => {
      if (this.options.configurationDelayMs) await new Promise((r) => setTimeout(r, this.options.configurationDelayMs));
      return p.items.map((item) => (item.section === 'podsec' ? this.settings : item.section === 'files.exclude' ? this.filesExclude : null));
    });
  }

  /** The server process id (to read its memory use). */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  uri(relative: string): string {
    const base = this.options.root ?? path.resolve('test-nowhere');
    return pathToFileURL(path.join(base, relative)).href;
  }

  async open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Sends an incremental change; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async setSettings(settings: Record<string, unknown>, filesExclude = this.filesExclude): Promise<void> {
    this.settings = settings;
    this.filesExclude = filesExclude;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Settings pushed in the notification itself, for clients that cannot answer `workspace/configuration`. */
  async pushSettings(settings: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  async addFolder(root: string): Promise<void> {
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: pathToFileURL(root).href, name: path.basename(root) }], removed: [] },
    });
  }

  async removeFolder(root: string): Promise<void> {
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [{ uri: pathToFileURL(root).href, name: path.basename(root) }] },
    });
  }

  async fileChanged(file: string, type: FileChangeType): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).href, type }] });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  /** The last diagnostics published for a URI. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i];
    return undefined;
  }

  /** Waits until the last publication for `uri` satisfies `accept`, and returns it. */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, what = 'diagnostics'): Promise<PublishDiagnosticsParams> {
    return waitFor(() => {
      const p = this.latest(uri);
      return p && accept(p) ? p : undefined;
    }, `${what} for ${uri}; last: ${JSON.stringify(this.latest(uri))}`);
  }

  /** Waits for the diagnostics of a given document version. */
  forVersion(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version, `version ${version}`);
  }

  async stop(): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 5_000);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The process is killed below either way.
    }
    this.connection.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/** Polls `fn` until it returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(fn: () => T | undefined | false, what: string | (() => string), timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), ms); })]).finally(() => clearTimeout(timer));
}

const PSS_IDS = new Set(PSS_RULES.map((r) => r.id));

/** Only the Pod Security diagnostics (other rule families may add their own findings to the same manifests). */
export function pss(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => typeof d.code === 'string' && PSS_IDS.has(d.code));
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'];

/** Compact `code severity line:col-line:col` strings for exact assertions (0-based, as in LSP). */
export function brief(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${SEVERITY_NAMES[d.severity ?? 0]} ${at(d.range)}`);
}

/** The LSP range of the n-th occurrence of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let i = -1;
  for (let n = 0; n <= occurrence; n++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" occurrence ${occurrence} not found`);
  }
  return { start: positionAt(text, i), end: positionAt(text, i + needle.length) };
}

/** The LSP range of `needle` inside the first occurrence of `context` (e.g. the `true` of `privileged: true`). */
export function rangeIn(text: string, context: string, needle: string): Range {
  const c = text.indexOf(context);
  const i = c < 0 ? -1 : text.indexOf(needle, c);
  if (i < 0 || i + needle.length > c + context.length) throw new Error(`"${needle}" in "${context}" not found`);
  return { start: positionAt(text, i), end: positionAt(text, i + needle.length) };
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** `line:col-line:col` of a range. */
export function at(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function tempWorkspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'podsec-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

export { FileChangeType };

/**
 * Keeps the diagnostics of every open document current: checks on open and on every change, pushes
 * `textDocument/publishDiagnostics` with the version, and never publishes a result for a version older than the
 * document's current one, nor the same diagnostics twice for one version.
 *
 * Bursts coalesce: a check is deferred until the change messages already received have been applied (each message
 * is handled in its own turn of the event loop, so the check looks again after one more turn and waits while the
 * version keeps moving), then only the newest version is analysed. Each analysis starts from the document's previous
 * one (see analysis.ts), so a check after a small edit is cheap.
 *
 * A result is current while the document's text revision (every didOpen and didChange moves it: a client may send
 * new text under a version it used before, or open a document twice), the version, the `epoch` (settings and config
 * files) and the workspace index's generation are the ones it was computed with; a check of a result that is not
 * current re-analyses, which re-uses everything that still holds.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { StatusNotification } from '../../../shared/protocol';
import { analyse, Analysis, DocumentSettings, failedAnalysis } from './analysis';
import type { RuleErrorLog } from './rule-errors';
import type { WorkspaceIndex } from './workspace-index';

/**
 * Above this many characters edits wait for a pause in typing: each publication of such a file is large, and a text
 * over the parser's token budget is read whole on every edit.
 */
const LARGE_DOCUMENT_CHARS = 1_000_000;
const LARGE_DOCUMENT_DELAY_MS = 250;
/** A check deferred this long while changes keep coming runs anyway: results must not starve. */
const MAX_DEFER_MS = 200;

export interface CheckerDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  index: WorkspaceIndex;
  ruleErrors: RuleErrorLog;
  settingsFor(uri: string): Promise<DocumentSettings>;
  /** Documents that are not manifests to check (the workspace config files, reported on separately). */
  isExcludedDocument(uri: string): boolean;
}

export interface Checked extends Analysis {
  revision: number;
  epoch: number;
  generation: number;
  settings: DocumentSettings;
}

/** Per open document: its last result, what was published, and a pending deferred check. */
interface Entry {
  /** Counts the text changes of the document (see `changed`). */
  revision: number;
  checked?: Checked;
  published?: Checked;
  pending?: { seen: number; since: number };
  timer?: NodeJS.Timeout;
}

export class Checker {
  private epoch = 0;
  private stopped = false;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly deps: CheckerDeps) {}

  /** Something every document may depend on changed (settings, a config file, the workspace): re-check them all. */
  invalidateAll(): void {
    this.epoch++;
    this.recheckAll();
  }

  private recheckAll(except?: string): void {
    for (const doc of this.deps.documents.all()) if (doc.uri !== except) this.schedule(doc.uri);
  }

  /** The document was opened or its text changed: no earlier result is current any more, whatever its version. */
  changed(uri: string): void {
    this.entry(uri).revision++;
    this.schedule(uri);
  }

  /** After `shutdown`: no more checks and no more publications (only `exit` is left to come). */
  stop(): void {
    this.stopped = true;
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
  }

  /** Checks a document soon: after the changes already received, and only its newest version. */
  schedule(uri: string): void {
    const doc = this.deps.documents.get(uri);
    if (this.stopped || !doc || this.deps.isExcludedDocument(uri)) return;
    const entry = this.entry(uri);
    if (doc.getText().length > LARGE_DOCUMENT_CHARS) {
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        void this.check(uri);
      }, LARGE_DOCUMENT_DELAY_MS);
      return;
    }
    if (entry.pending) return; // the pending check will see the newest version
    entry.pending = { seen: doc.version, since: Date.now() };
    afterQueuedMessages(() => this.whenSettled(uri));
  }

  private whenSettled(uri: string): void {
    const entry = this.entries.get(uri);
    const pending = entry?.pending;
    const doc = this.deps.documents.get(uri);
    if (!entry || !pending || !doc) {
      if (entry) entry.pending = undefined;
      return;
    }
    if (doc.version !== pending.seen && Date.now() - pending.since < MAX_DEFER_MS) {
      // It changed since the last look: more changes may be queued behind this one.
      pending.seen = doc.version;
      afterQueuedMessages(() => this.whenSettled(uri));
      return;
    }
    entry.pending = undefined;
    void this.check(uri);
  }

  /** The current analysis of an open document, computed (and published) if it is out of date. */
  async check(uri: string): Promise<Checked | undefined> {
    if (!this.deps.documents.get(uri) || this.deps.isExcludedDocument(uri)) return undefined;
    const entry = this.entry(uri);
    const current = this.currentResult(uri, entry);
    if (current) return current;
    let settings: DocumentSettings | undefined;
    let fetchedAt = this.epoch;
    // Settings fetched while the epoch moved (e.g. a configuration change arrived) may be stale: fetch again.
    for (let attempt = 0; attempt < 5; attempt++) {
      fetchedAt = this.epoch;
      try {
        settings = await this.deps.settingsFor(uri);
      } catch (error) {
        this.deps.connection.console.error(`Could not read the settings for ${uri}: ${String(error)}`);
        return undefined;
      }
      if (fetchedAt === this.epoch) break;
    }
    if (!settings) return undefined;
    // Re-read after the await: the document may have changed or closed meanwhile; analyse what is current now.
    const doc = this.deps.documents.get(uri);
    if (!doc || this.entries.get(uri) !== entry) return undefined;
    const again = this.currentResult(uri, entry);
    if (again) return again;
    let analysis: Analysis;
    try {
      analysis = analyse({ live: doc, settings, index: this.deps.index, onRuleError: this.deps.ruleErrors.handler(uri), previous: entry.checked });
    } catch (error) {
      this.deps.connection.console.error(`Analysis of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      analysis = failedAnalysis(uri, doc.version, error);
    }
    // Computed with settings older than the epoch: publish it (it is the newest text) but let the next check redo it.
    const checked: Checked = { ...analysis, revision: entry.revision, epoch: fetchedAt, generation: this.deps.index.generation, settings };
    entry.checked = checked;
    this.publish(uri, entry, checked);
    // This result already reflects the document's own facts; every other document must catch up.
    if (analysis.workspaceChanged) this.recheckAll(uri);
    return checked;
  }

  /**
   * The text whose facts the workspace index holds for the document: that of its last analysis (undefined when there
   * was none, or it did not lint: too large, ignored). The document's own text may be newer, not analysed yet.
   */
  analysedText(uri: string): string | undefined {
    return this.entries.get(uri)?.checked?.lint?.text;
  }

  /** Closing clears the document's diagnostics and forgets its results. */
  closed(uri: string): void {
    const entry = this.entries.get(uri);
    clearTimeout(entry?.timer);
    this.entries.delete(uri);
    if (!this.deps.isExcludedDocument(uri)) void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private entry(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) this.entries.set(uri, (entry = { revision: 0 }));
    return entry;
  }

  private currentResult(uri: string, entry: Entry): Checked | undefined {
    const c = entry.checked;
    const doc = this.deps.documents.get(uri);
    return c && doc && c.revision === entry.revision && c.version === doc.version && c.epoch === this.epoch && c.generation === this.deps.index.generation ? c : undefined;
  }

  private publish(uri: string, entry: Entry, checked: Checked): void {
    // The last line of defence against stale results: only the document's current version is ever published.
    if (this.stopped || this.deps.documents.get(uri)?.version !== checked.version) return;
    // A re-check of the same version (settings or workspace moved) that changes nothing is not published again.
    const last = entry.published;
    if (last?.version === checked.version && JSON.stringify([last.diagnostics, last.status]) === JSON.stringify([checked.diagnostics, checked.status])) return;
    entry.published = checked;
    void this.deps.connection.sendDiagnostics({ uri, version: checked.version, diagnostics: checked.diagnostics });
    void this.deps.connection.sendNotification(StatusNotification.type, checked.status);
  }
}

/**
 * Runs `fn` after the messages already received are handled. vscode-jsonrpc handles one queued message per
 * `setImmediate` turn and schedules the next turn when the current one ends, so an immediate set from a microtask
 * (which runs after that) comes after the next queued message.
 */
function afterQueuedMessages(fn: () => void): void {
  queueMicrotask(() => setImmediate(fn));
}

/**
 * Keeps the diagnostics of every open document current: checks on open and on every change (no debounce for
 * normal files), pushes `textDocument/publishDiagnostics` with the version, and never publishes a result for a
 * version older than the document's current one. An `epoch` counts changes outside the document (settings,
 * config file, Namespaces elsewhere); a result is reused only for the same version and epoch.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { StatusNotification } from '../../../shared/protocol';
import { analyse, Analysis, DocumentSettings, failedAnalysis } from './analysis';
import type { RuleErrorLog } from './rule-errors';
import type { WorkspaceIndex } from './workspace-index';

/** Above this many characters, edits are coalesced for a moment: analysing a huge file per keystroke would lag. */
const LARGE_DOCUMENT_CHARS = 1_000_000;
const LARGE_DOCUMENT_DELAY_MS = 250;

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
  epoch: number;
  settings: DocumentSettings;
}

export class Checker {
  private epoch = 0;
  private readonly results = new Map<string, Checked>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: CheckerDeps) {}

  /** Something every document depends on changed: re-check all open documents. */
  invalidateAll(): void {
    this.epoch++;
    this.recheckAll();
  }

  private recheckAll(): void {
    for (const doc of this.deps.documents.all()) this.schedule(doc.uri);
  }

  schedule(uri: string): void {
    const doc = this.deps.documents.get(uri);
    if (!doc || this.deps.isExcludedDocument(uri)) return;
    clearTimeout(this.timers.get(uri));
    if (doc.getText().length < LARGE_DOCUMENT_CHARS) {
      void this.check(uri);
      return;
    }
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.check(uri);
    }, LARGE_DOCUMENT_DELAY_MS));
  }

  /** The current analysis of an open document, computed (and published) if it is out of date. */
  async check(uri: string): Promise<Checked | undefined> {
    if (!this.deps.documents.get(uri) || this.deps.isExcludedDocument(uri)) return undefined;
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
    if (!doc) return undefined;
    const cached = this.results.get(uri);
    if (cached && cached.version === doc.version && cached.epoch === this.epoch) return cached;
    let analysis: Analysis;
    try {
      analysis = analyse(doc, settings, this.deps.index, this.deps.ruleErrors.handler(uri));
    } catch (error) {
      this.deps.connection.console.error(`Analysis of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      analysis = failedAnalysis(uri, doc.version, error);
    }
    const current = fetchedAt === this.epoch;
    // This result already reflects the document's own Namespaces; every other document must catch up.
    if (analysis.namespacesChanged) this.epoch++;
    // Computed with settings older than the epoch: publish it (it is the newest text) but let the next check redo it.
    const checked: Checked = { ...analysis, epoch: current ? this.epoch : fetchedAt, settings };
    this.results.set(uri, checked);
    this.publish(uri, checked);
    if (analysis.namespacesChanged) this.recheckAll();
    return checked;
  }

  /** Closing clears the document's diagnostics and forgets its results. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.results.delete(uri);
    if (!this.deps.isExcludedDocument(uri)) void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private publish(uri: string, checked: Checked): void {
    // The last line of defence against stale results: only the document's current version is ever published.
    if (this.deps.documents.get(uri)?.version !== checked.version) return;
    void this.deps.connection.sendDiagnostics({ uri, version: checked.version, diagnostics: checked.diagnostics });
    void this.deps.connection.sendNotification(StatusNotification.type, checked.status);
  }
}

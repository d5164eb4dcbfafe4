/** Publishes the problems of each workspace folder's `.podsec.yaml` as diagnostics on that file. */
import { Connection, Diagnostic, DiagnosticSeverity, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../engine';
import { SOURCE } from './convert';
import type { FolderConfig } from './workspace-config';
import { fileKey, pathToUri } from './uris';

export class ConfigDiagnostics {
  /** Config file path -> the URI its problems were last published on. */
  private readonly published = new Map<string, string>();

  constructor(private readonly connection: Connection, private readonly documents: TextDocuments<TextDocument>) {}

  publish(file: string, config: FolderConfig | undefined): void {
    const open = this.documents.all().find((d) => fileKey(d.uri) === file);
    const uri = open?.uri ?? this.published.get(file) ?? pathToUri(file);
    const problems = config?.parsed.problems ?? [];
    if (!problems.length && !this.published.has(file)) return;
    const lines = new LineIndex(config?.text ?? '');
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      range: { start: lines.positionAt(p.span.start), end: lines.positionAt(p.span.end) },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      message: p.message,
    }));
    if (diagnostics.length) this.published.set(file, uri);
    else this.published.delete(file);
    // The version only when the problems were computed from the open editor's text.
    const version = open && config?.text === open.getText() ? open.version : undefined;
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}

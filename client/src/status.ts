/** The PodSec language status item: the effective policy and problem counts of the active document. */
import * as vscode from 'vscode';
import type { StatusParams } from '../../shared/protocol';
import { statusDetail, statusLabel } from '../../shared/status-text';

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('podsec.status', selector);
    this.item.name = 'PodSec';
    this.item.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
    ];
    this.render();
  }

  update(status: StatusParams): void {
    // The server speaks in its URI spelling; normalise to VS Code's so lookups by the editor's URI match.
    this.byUri.set(vscode.Uri.parse(status.uri).toString(), status);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    this.item.busy = !status;
    this.item.text = status ? statusLabel(status) : 'PodSec';
    this.item.detail = status ? statusDetail(status) : 'checking…';
    this.item.severity = !status || status.state === 'ok' ? vscode.LanguageStatusSeverity.Information
      : status.state === 'skipped' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Error;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

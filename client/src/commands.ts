/** The extension's commands, as a name -> handler registry. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FIX_ALL_KIND } from '../../shared/protocol';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const commands: Record<string, (...args: unknown[]) => unknown> = {
    'podsec.restartServer': () => client.restart(),
    'podsec.showOutput': () => client.outputChannel.show(true),
    'podsec.fixAll': () => fixAll(),
    'podsec.showDocumentation': (url) => showDocumentation(url),
  };
  for (const [name, handler] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(name, handler));
}

/** Applies the server's `source.fixAll.podsec` action for the active editor. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const whole = doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
  // The server leaves the fix-all's edit to codeAction/resolve: ask VS Code to resolve the (single) action.
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND, 1) ?? [];
  // One fix-all action covers the whole file; a second one would be computed against the same text and clash.
  const action = actions.find((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && a.kind.value.startsWith(FIX_ALL_KIND));
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.showInformationMessage('PodSec: nothing to fix automatically in this file.');
    return;
  }
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Opens a rule's documentation; only web links, since the argument can come from a code action. */
function showDocumentation(url: unknown): Thenable<boolean> | undefined {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return undefined;
  return vscode.env.openExternal(vscode.Uri.parse(url));
}

/** Activates PodSec: starts the language server over IPC for YAML and JSON documents, commands and status. */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { StatusNotification } from '../../shared/protocol';
import { registerCommands } from './commands';
import { configurationMiddleware } from './configuration';
import { StatusItem } from './status';

/** Local files, unsaved files and virtual workspaces; not e.g. `git:` diffs, which would duplicate problems. */
const SELECTOR = ['file', 'untitled', 'vscode-vfs'].flatMap((scheme) => ['yaml', 'json'].map((language) => ({ scheme, language })));

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    middleware: { workspace: { configuration: configurationMiddleware } },
  };
  client = new LanguageClient('podsec', 'PodSec', serverOptions, clientOptions);
  const status = new StatusItem(SELECTOR);
  context.subscriptions.push(status, client.onNotification(StatusNotification.type, (p) => status.update(p)));
  registerCommands(context, client);
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

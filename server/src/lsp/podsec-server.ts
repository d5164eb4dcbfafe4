/** Wires the LSP handlers to the workspace, the checker, hover and code actions. Handlers only: no logic here. */
import {
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  InitializeResult,
  ResponseError,
  TextDocuments,
} from 'vscode-languageserver';
import { ClientFeatures, clientFeatures, serverCapabilities } from './capabilities';
import { Checker } from './checker';
import { handleCodeActions, handleResolve } from './code-action-handler';
import { CONFIG_FILE_NAME } from './config-file';
import { provideHover } from './hover';
import { RuleErrorLog } from './rule-errors';
import { SettingsStore } from './settings-store';
import { textDocumentSync } from './text-sync';
import { Workspace } from './workspace';

declare const PODSEC_VERSION: string | undefined;
const VERSION = typeof PODSEC_VERSION === 'string' ? PODSEC_VERSION : '0.0.0-dev';

export function startPodsecServer(connection: Connection): void {
  const log = (message: string) => connection.console.error(message);
  const documents = new TextDocuments(textDocumentSync((uri, skipped) => log(`Ignored ${skipped} malformed change(s) of ${uri} (each needs a text, and a range with numeric positions or none).`)));
  const logError = (what: string) => (error: unknown) => log(`${what} failed: ${error instanceof Error ? error.stack : String(error)}`);
  let features: ClientFeatures;
  let workspace: Workspace;
  let checker: Checker;
  let settings: SettingsStore;
  const ruleErrors = new RuleErrorLog(log);

  connection.onInitialize((params): InitializeResult => {
    features = clientFeatures(params.capabilities);
    settings = new SettingsStore(connection, features.configuration, params.initializationOptions);
    workspace = new Workspace(connection, documents, settings, features.workDoneProgress);
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    workspace.folders.add(folders);
    checker = new Checker({
      connection,
      documents,
      index: workspace.index,
      ruleErrors,
      settingsFor: (uri) => workspace.settingsFor(uri),
      isExcludedDocument: (uri) => workspace.isConfigDocument(uri),
    });
    workspace.onChange = () => checker.invalidateAll();
    return { capabilities: serverCapabilities(features), serverInfo: { name: 'podsec', version: VERSION } };
  });

  connection.onInitialized(() => {
    // files.exclude too: it decides what the Namespace index reads.
    if (features.configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: ['podsec', 'files.exclude'] });
    if (features.watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
      });
    }
    if (features.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => workspace.foldersChanged(e.added, e.removed).catch(logError('Workspace folder change')));
    }
    void workspace.indexFolders().catch(logError('Workspace indexing'));
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change?.settings); // a client may send the notification without params
    checker.invalidateAll();
    void workspace.configurationChanged().catch(logError('Re-indexing after a settings change'));
  });

  connection.onDidChangeWatchedFiles((params) => {
    void workspace.filesChanged(params.changes).catch(logError('Handling file changes'));
  });

  documents.onDidChangeContent(({ document }) => {
    if (workspace.isConfigDocument(document.uri)) void workspace.configDocumentChanged(document.uri).catch(logError('Reading the config file'));
    else checker.changed(document.uri);
  });

  documents.onDidClose(({ document }) => {
    // The file on disk speaks for it again; it is not read again only when it holds the text last analysed (whose
    // facts the index has), not merely the last text, which may not have been analysed before the close.
    const analysed = checker.analysedText(document.uri);
    checker.closed(document.uri);
    settings.forget(document.uri);
    ruleErrors.forget(document.uri);
    void workspace.documentClosed(document.uri, analysed).catch(logError('Closing a document'));
  });

  // After `shutdown` requests are refused as the protocol asks (InvalidRequest), and nothing is checked any more.
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
    checker?.stop();
  });
  const refused = () => new ResponseError(ErrorCodes.InvalidRequest, 'The PodSec server has been shut down.');
  connection.onHover((params) => (shutDown ? refused() : provideHover(params, checker, logError('Hover'))));
  connection.onCodeAction((params) => (shutDown ? refused() : handleCodeActions(params, checker, features.resolveCodeActionEdit, logError('Code actions'))));
  connection.onCodeActionResolve((action) => (shutDown ? refused() : handleResolve(action, checker, logError('Resolving a code action'))));

  documents.listen(connection);
}

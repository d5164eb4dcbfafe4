/** What the server offers, and which optional client features it relies on (probed once at initialize). */
import { ClientCapabilities, CodeActionKind, ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';
import { FIX_ALL_KIND } from './code-actions';

export interface ClientFeatures {
  /** `workspace/configuration`: per-resource settings can be pulled. */
  configuration: boolean;
  /** `workspace/didChangeConfiguration` may be registered dynamically. */
  configurationRegistration: boolean;
  /** File watchers may be registered dynamically. */
  watchedFilesRegistration: boolean;
  /** `window/workDoneProgress/create` is understood. */
  workDoneProgress: boolean;
  /** `workspace/didChangeWorkspaceFolders` is sent. */
  workspaceFolders: boolean;
}

export function clientFeatures(caps: ClientCapabilities): ClientFeatures {
  return {
    configuration: !!caps.workspace?.configuration,
    configurationRegistration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    watchedFilesRegistration: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    workDoneProgress: !!caps.window?.workDoneProgress,
    workspaceFolders: !!caps.workspace?.workspaceFolders,
  };
}

export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
    workspace: features.workspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
  };
}

/** What the server offers, and which optional client features it relies on (probed once at initialize). */
import { ClientCapabilities, ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';
import { CODE_ACTION_KINDS } from './code-actions';

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
  /** Code actions may come without `edit`, filled in by `codeAction/resolve` (VS Code and Neovim do this). */
  resolveCodeActionEdit: boolean;
}

export function clientFeatures(announced: ClientCapabilities | null | undefined): ClientFeatures {
  const caps: ClientCapabilities = typeof announced === 'object' && announced !== null ? announced : {}; // a client may send null
  return {
    configuration: !!caps.workspace?.configuration,
    configurationRegistration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    watchedFilesRegistration: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    workDoneProgress: !!caps.window?.workDoneProgress,
    workspaceFolders: !!caps.workspace?.workspaceFolders,
    resolveCodeActionEdit: !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes?.('edit'),
  };
}

export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  return {
    // Incremental sync: a keystroke sends one small change, not the whole (possibly 20,000-line) text.
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: features.resolveCodeActionEdit },
    workspace: features.workspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
  };
}

/**
 * Custom messages between the PodSec language server and its clients. Both sides import this file (esbuild
 * bundles it into each), so the method names and payloads cannot drift apart.
 */
import { NotificationType } from 'vscode-languageserver-protocol';

/** The code action kind of "fix all PodSec problems in this file" (also usable in `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.podsec';

/** The policy that applies to one namespace, each mode printed as `level:version`. */
export interface NamespacePolicyStatus {
  namespace: string;
  enforce: string;
  warn: string;
  audit: string;
  /** Where the policy came from: a Namespace manifest, configured labels, or the defaults. */
  source: 'level' | 'namespace' | 'config' | 'default';
}

export interface ProblemCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export interface StatusParams {
  uri: string;
  /** The document version the status describes. */
  version: number;
  /** `skipped`: not analysed (too large, or ignored by the config file); `failed`: analysis crashed. */
  state: 'ok' | 'skipped' | 'failed';
  /** Why the file was skipped or failed, in words. */
  reason?: string;
  /** One entry per namespace of the file's workloads, in order of first appearance; empty when there are none. */
  policies: NamespacePolicyStatus[];
  counts: ProblemCounts;
}

/** Sent after each analysis of an open document; the client shows the one of the active editor. */
export namespace StatusNotification {
  export const method = 'podsec/status';
  export const type = new NotificationType<StatusParams>(method);
}

/** What the server knows about one open document at one version; shared by diagnostics, hover and code actions. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, ParsedManifest, PolicyDecision } from '../engine';

export interface DocumentState {
  uri: string;
  version: number;
  document: TextDocument;
  parsed: ParsedManifest;
  /** The findings as published (after suppression and severity settings). */
  findings: Finding[];
  /** Policy decision per object namespace used for this analysis. */
  policyFor(namespace: string | undefined): PolicyDecision;
}

/** Settings that affect fixes. */
export interface FixSettings {
  /** UID that the runAsUser fix puts in place of 0. */
  nonRootUserId: number;
}

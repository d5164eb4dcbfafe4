/**
 * One analysis of one open document at one version: parse, feed its Namespaces to the workspace index, lint, and
 * turn the result into what is published. Synchronous, so nothing can change the document half-way.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintParsed, parseManifest, PolicyResolver } from '../engine';
import type { StatusParams } from '../../../shared/protocol';
import { fileDiagnostic, toDiagnostics } from './convert';
import type { DocumentState } from './document-state';
import type { EffectiveSettings } from './settings';
import { countFindings, policiesOf, skippedStatus } from './status';
import type { WorkspaceIndex } from './workspace-index';

export interface DocumentSettings {
  effective: EffectiveSettings;
  /** Set when the workspace config's `ignore:` globs exclude the file: the config file's path. */
  ignoredBy?: string;
}

export interface Analysis {
  version: number;
  diagnostics: Diagnostic[];
  status: StatusParams;
  /** Absent when the file was not analysed. */
  state?: DocumentState;
  /** The document's own Namespaces changed the index: other open documents must be re-checked. */
  namespacesChanged: boolean;
}

export function analyse(live: TextDocument, settings: DocumentSettings, index: WorkspaceIndex, onRuleError: (ruleId: string, error: unknown) => void): Analysis {
  const { uri, version } = live;
  const text = live.getText();
  const size = tooLarge(text, settings.effective.maxFileSize);
  if (size !== undefined) {
    const namespacesChanged = index.updateOpen(uri, undefined);
    const reason = `PodSec did not analyse this file: it is ${size.toLocaleString('en-US')} bytes, larger than podsec.maxFileSize (${settings.effective.maxFileSize.toLocaleString('en-US')} bytes).`;
    return { version, diagnostics: [fileDiagnostic(reason)], status: skippedStatus(uri, version, 'skipped', reason), namespacesChanged };
  }
  const parsed = parseManifest(text);
  const namespacesChanged = index.updateOpen(uri, parsed);
  if (settings.ignoredBy) {
    const reason = `Not checked: ignored by ${settings.ignoredBy}`;
    return { version, diagnostics: [], status: skippedStatus(uri, version, 'skipped', reason), namespacesChanged };
  }
  const resolver = new PolicyResolver(settings.effective.policy, index.namespaces);
  const findings = lintParsed(parsed, { policy: resolver, config: settings.effective.config, onRuleError });
  // The live document is updated in place by later edits; hover and code actions need the text that was analysed.
  const document = TextDocument.create(uri, live.languageId, version, text);
  const state: DocumentState = {
    uri,
    version,
    document,
    parsed,
    findings,
    policyFor: (namespace) => resolver.forObject({ namespace }),
  };
  const status: StatusParams = { uri, version, state: 'ok', policies: policiesOf(parsed, resolver), counts: countFindings(findings) };
  return { version, diagnostics: toDiagnostics(findings, document), status, state, namespacesChanged };
}

export function failedAnalysis(uri: string, version: number, error: unknown): Analysis {
  const reason = `PodSec could not analyse this file (internal error: ${error instanceof Error ? error.message : String(error)}). Details are in the PodSec output.`;
  return { version, diagnostics: [fileDiagnostic(reason)], status: skippedStatus(uri, version, 'failed', reason), namespacesChanged: false };
}

/** The size in bytes when over the limit; cheap for the common case (UTF-8 needs 1 to 3 bytes per UTF-16 unit). */
function tooLarge(text: string, maxBytes: number): number | undefined {
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > maxBytes ? bytes : undefined;
}

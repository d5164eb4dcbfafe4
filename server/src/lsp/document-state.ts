/** What the server knows about one open document at one version; shared by diagnostics, hover and code actions. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, ParsedManifest, PolicyDecision, ResourceDefaults } from '../engine';
import type { FileFacts } from '../engine/workspace-facts';

/**
 * A run of `---` documents of the text that parses on its own (see engine/incremental). Parsed alone, its spans
 * count from `start` and its document indexes from `documentBase`.
 */
export interface DocumentPart {
  start: number;
  end: number;
  documentBase: number;
  documents: number;
  /** Objects (Kubernetes objects, List items included) in the parts before this one. */
  objectBase: number;
}

export interface DocumentState {
  uri: string;
  version: number;
  /** The analysed text. */
  document: TextDocument;
  /** The whole text parsed (the server parses it only when something needs the whole file at once). */
  readonly parsed: ParsedManifest;
  /** The findings as published (after suppression and severity settings). */
  findings: Finding[];
  /** Policy decision per object namespace used for this analysis. */
  policyFor(namespace: string | undefined): PolicyDecision;
  /** The text's parts in order; absent: the whole text is one part. */
  parts?: readonly DocumentPart[];
  /** One part parsed alone (cached: the server keeps the last few). */
  parsedPart?(part: DocumentPart): ParsedManifest;
  /** The file's cross-file facts (what a lint of the file alone knows about its other documents). */
  facts?: FileFacts;
}

/** Settings that affect fixes. */
export interface FixSettings {
  /** UID that the runAsUser fix puts in place of 0. */
  nonRootUserId: number;
  /** What the resources fix writes for what a container lacks (`podsec.fix.resources`). */
  resourceDefaults?: Partial<ResourceDefaults>;
}

/** The parts of a state (one part, the whole text, when the state has none), each with its parse. */
export function partsOf(state: DocumentState): { part: DocumentPart; parsed: () => ParsedManifest }[] {
  if (!state.parts || !state.parsedPart) {
    const text = state.document.getText();
    return [{ part: { start: 0, end: text.length, documentBase: 0, documents: state.parsed.documents.length, objectBase: 0 }, parsed: () => state.parsed }];
  }
  const parsedPart = state.parsedPart.bind(state);
  return state.parts.map((part) => ({ part, parsed: () => parsedPart(part) }));
}

/** The part holding an offset (the last one whose start is at or before it). */
export function partAt<T extends { part: DocumentPart }>(parts: readonly T[], offset: number): T {
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (parts[mid].part.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return parts[lo];
}

/** The part a finding belongs to (by its document; by its place when the part has no documents). */
export function partOf<T extends { part: DocumentPart }>(parts: readonly T[], finding: Finding): T {
  // The last part whose first document is at or before the finding's (a part without documents shares its base
  // with the next part, which comes after it).
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (parts[mid].part.documentBase <= finding.documentIndex) lo = mid;
    else hi = mid - 1;
  }
  const p = parts[lo].part;
  return finding.documentIndex >= p.documentBase && finding.documentIndex < p.documentBase + p.documents ? parts[lo] : partAt(parts, finding.span.start);
}

/** A finding as its part sees it, parsed alone. */
export function toPartFinding(finding: Finding, part: DocumentPart): Finding {
  if (part.start === 0 && part.documentBase === 0) return finding;
  return {
    ...finding,
    span: { start: finding.span.start - part.start, end: finding.span.end - part.start },
    documentIndex: finding.documentIndex - part.documentBase,
  };
}

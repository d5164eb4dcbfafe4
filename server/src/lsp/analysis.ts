/**
 * One analysis of one open document at one version: lint it (incrementally, from the previous analysis of the same
 * document: only the `---` documents whose text or workspace reads changed are parsed and evaluated again), hand its
 * facts to the workspace index, and turn the result into what is published. Synchronous, so nothing can change the
 * document half-way.
 *
 * The lint is lintParsed's, with the same options the CLI uses: the workspace's index for the hardening rules that
 * look across files, under the key the file is indexed by, and the default namespace of the settings.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintParsed, parseManifest, PolicyResolver } from '../engine';
import type { Finding, LintOptions, ParsedManifest, PolicyDecision } from '../engine';
import { factsOfText, IncrementalLint, lintIncrementally } from '../engine/incremental';
import type { UnitFindings } from '../engine/incremental';
import type { FileFacts } from '../engine/workspace-facts';
import type { StatusParams } from '../../../shared/protocol';
import { fileDiagnostic, movedDown, toDiagnostic } from './convert';
import type { DocumentPart, DocumentState } from './document-state';
import type { EffectiveSettings } from './settings';
import { countFindings, policiesOfNamespaces, skippedStatus, sumCounts } from './status';
import { fileKey } from './uris';
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
  /** The document's facts changed the workspace index: other open documents must be re-checked. */
  workspaceChanged: boolean;
  /** Where the next analysis of this document starts from (absent when this one did not lint). */
  lint?: IncrementalLint;
  /** Diagnostics per unit of the text, for the next analyses to reuse (see `unitDiagnostics`). */
  diagnosticCache?: DiagnosticCache;
}

/** A unit's published findings (the list is the key) -> their diagnostics, and the line the unit started at. */
export type DiagnosticCache = WeakMap<Finding[], { line: number; diagnostics: Diagnostic[] }>;

export interface AnalysisInput {
  live: TextDocument;
  settings: DocumentSettings;
  index: WorkspaceIndex;
  onRuleError: (ruleId: string, error: unknown) => void;
  /** The previous analysis of the same document. */
  previous?: Analysis;
}

/** Parsed parts kept per analysed version, for hover and fixes (the parts just edited are the likely ones). */
const RECENT_PARTS = 4;

export function analyse(input: AnalysisInput): Analysis {
  const { live, settings, index } = input;
  const { uri, version } = live;
  const text = live.getText();
  const size = tooLarge(text, settings.effective.maxFileSize);
  if (size !== undefined) {
    const workspaceChanged = index.updateOpen(uri, undefined);
    const reason = `PodSec did not analyse this file: it is ${size.toLocaleString('en-US')} bytes, larger than podsec.maxFileSize (${settings.effective.maxFileSize.toLocaleString('en-US')} bytes).`;
    return { version, diagnostics: [fileDiagnostic(reason)], status: skippedStatus(uri, version, 'skipped', reason), workspaceChanged };
  }
  const file = fileKey(uri);
  if (settings.ignoredBy) {
    // Not checked, but its Namespaces and other facts still count for the rest of the workspace.
    const workspaceChanged = index.updateOpen(uri, factsOfText(text, file));
    const reason = `Not checked: ignored by ${settings.ignoredBy}`;
    return { version, diagnostics: [], status: skippedStatus(uri, version, 'skipped', reason), workspaceChanged };
  }
  const effective = settings.effective;
  const options = lintOptions(effective, index, file, input.onRuleError);
  let workspaceChanged = false;
  const recent: { key: string; parsed: ParsedManifest }[] = [];
  const lint = lintIncrementally(input.previous?.lint, text, {
    key: optionsKey(effective),
    file,
    // Opening a file the index has read from disk: its facts are (almost always) those of the text, so each part is
    // linted as it is parsed and its syntax tree dies young (on a 20,000-line file, 220 ms against 265 ms and 25 MB
    // less at peak). A file the index does not know yet (a rendered chart in /tmp) is parsed whole first, so that no
    // part reads its facts stale; so is every edit (few parts, and typing a namespace changes the file's facts).
    factsFirst: !!input.previous?.lint || !index.hasRead(uri),
    workspace: index.namespaces,
    generation: () => index.generation,
    publishFacts: (facts) => {
      workspaceChanged = index.updateOpen(uri, facts) || workspaceChanged;
    },
    policy: effective.policy,
    config: effective.config,
    hardening: { defaultNamespace: effective.policy.defaultNamespace },
    onRuleError: input.onRuleError,
    onParsed: (unit, parsed) => {
      recent.push({ key: `${unit.start}:${unit.end}`, parsed });
      if (recent.length > RECENT_PARTS) recent.shift();
    },
  });
  const resolver = options.policy;
  const state = new AnalysedDocument(uri, version, live.languageId, text, lint, resolver, recent);
  const diagnosticCache = input.previous?.diagnosticCache ?? new WeakMap();
  const diagnostics = lint.byUnit ? unitDiagnostics(lint.byUnit, live, diagnosticCache) : lint.findings.map((f) => toDiagnostic(f, live));
  const namespaces = lint.units.flatMap((u) => u.lint.podNamespaces);
  const counts = lint.byUnit ? sumCounts(lint.byUnit.map((b) => countFindings(b.findings))) : countFindings(lint.findings);
  const status: StatusParams = { uri, version, state: 'ok', policies: policiesOfNamespaces(namespaces, resolver), counts };
  return { version, diagnostics, status, state, workspaceChanged, lint, diagnosticCache };
}

/**
 * The options of lintParsed that the incremental lint of this document reproduces (and the CLI uses): the settings'
 * policy and config, and the workspace index for the hardening rules, under the key the file is indexed by.
 */
export function lintOptions(effective: EffectiveSettings, index: WorkspaceIndex, file: string, onRuleError?: LintOptions['onRuleError']): LintOptions & { policy: PolicyResolver } {
  return {
    policy: new PolicyResolver(effective.policy, index.namespaces),
    config: effective.config,
    hardening: { workspace: index.namespaces, file, defaultNamespace: effective.policy.defaultNamespace },
    onRuleError,
  };
}

/** The whole-file lint of a text, for callers that want lintParsed itself (tests compare it with the incremental one). */
export function lintWhole(text: string, effective: EffectiveSettings, index: WorkspaceIndex, file: string): Finding[] {
  return lintParsed(parseManifest(text), lintOptions(effective, index, file));
}

/** Settings that change findings, as one string: when it changes, nothing of the previous analysis is reused. */
function optionsKey(effective: EffectiveSettings): string {
  const policy = { ...effective.policy, configuredNamespaces: [...(effective.policy.configuredNamespaces ?? new Map()).entries()] };
  return JSON.stringify({ policy, config: effective.config });
}

/**
 * Diagnostics unit by unit. A unit starts at a line start, so its diagnostics depend only on its findings and the
 * line it starts at: a unit whose findings did not change keeps its diagnostics, moved down (or up) when lines were
 * added or removed before it. Typing within a line leaves every other unit's diagnostics as they were.
 */
function unitDiagnostics(byUnit: readonly UnitFindings[], live: TextDocument, cache: DiagnosticCache): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { unit, findings } of byUnit) {
    if (!findings.length) continue;
    const line = live.positionAt(unit.start).line;
    let entry = cache.get(findings);
    if (!entry) entry = { line, diagnostics: findings.map((f) => toDiagnostic(f, live, unit.start)) };
    else if (entry.line !== line) entry = { line, diagnostics: entry.diagnostics.map((d) => movedDown(d, line - entry!.line)) };
    cache.set(findings, entry);
    for (const d of entry.diagnostics) out.push(d);
  }
  return out;
}

export function failedAnalysis(uri: string, version: number, error: unknown): Analysis {
  const reason = `PodSec could not analyse this file (internal error: ${error instanceof Error ? error.message : String(error)}). Details are in the PodSec output.`;
  return { version, diagnostics: [fileDiagnostic(reason)], status: skippedStatus(uri, version, 'failed', reason), workspaceChanged: false };
}

/** The size in bytes when over the limit; cheap for the common case (UTF-8 needs 1 to 3 bytes per UTF-16 unit). */
function tooLarge(text: string, maxBytes: number): number | undefined {
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > maxBytes ? bytes : undefined;
}

/** The analysed version: its text, findings and parts; the whole parse, a text snapshot and part parses on demand. */
class AnalysedDocument implements DocumentState {
  private whole?: ParsedManifest;
  private snapshot?: TextDocument;
  private partList?: DocumentPart[];
  private readonly recent: Map<string, ParsedManifest>;

  constructor(
    readonly uri: string,
    readonly version: number,
    private readonly languageId: string,
    private readonly text: string,
    private readonly lint: IncrementalLint,
    private readonly resolver: PolicyResolver,
    recent: readonly { key: string; parsed: ParsedManifest }[],
  ) {
    this.recent = new Map(recent.map((r) => [r.key, r.parsed]));
  }

  /** A snapshot of the analysed text: the live document moves on with later edits. */
  get document(): TextDocument {
    return (this.snapshot ??= TextDocument.create(this.uri, this.languageId, this.version, this.text));
  }

  get parsed(): ParsedManifest {
    return (this.whole ??= parseManifest(this.text));
  }

  get findings(): Finding[] {
    return this.lint.findings;
  }

  get facts(): FileFacts {
    return this.lint.facts;
  }

  get parts(): readonly DocumentPart[] {
    return (this.partList ??= this.lint.units.map((u) => ({ start: u.start, end: u.end, documentBase: u.documentBase, documents: u.lint.documents, objectBase: u.objectBase })));
  }

  /** A property, not a method: callers pass it around unbound. */
  readonly policyFor = (namespace: string | undefined): PolicyDecision => this.resolver.forObject({ namespace });

  parsedPart(part: DocumentPart): ParsedManifest {
    const key = `${part.start}:${part.end}`;
    let parsed = this.recent.get(key);
    if (parsed) this.recent.delete(key);
    else parsed = parseManifest(this.text.slice(part.start, part.end));
    this.recent.set(key, parsed);
    if (this.recent.size > RECENT_PARTS) this.recent.delete(this.recent.keys().next().value!);
    return parsed;
  }
}

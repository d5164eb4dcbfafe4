/**
 * Code actions for PodSec diagnostics, in eslint's fixed order per diagnostic: the rule's fixes (preferred first),
 * "Fix all <rule> problems" (when more than one finding of the rule can be fixed), "Disable <rule> for this line",
 * "Disable <rule> for this document", "Show documentation for <rule>". Then, when asked for, one
 * `source.fixAll.podsec` action, and per workload in the range "Make <kind>/<name> restricted-compliant".
 *
 * A diagnostic's own fixes are computed on the `---` documents it is in (part-fixes.ts). The fix-alls re-lint the
 * file round after round; with `lazy` (the client resolves `edit` through `codeAction/resolve`) they are offered
 * with `data` and computed in resolveCodeAction, otherwise inline. Either way they work part by part, on the parts
 * that have something to fix, and are cached per analysed version. Edits are against the analysed version.
 */
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, Position, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import {
  disableDocumentFix, disableLineFix, Finding, Fix, fixAll, fixAllInParts, FixAllOptions, fixesFor, lintParsed, mayHavePreferredFix, makeRestrictedCompliant,
  parseDirectives, PolicyResolver, podTargets, pssRule, ruleDocsUrl, WHOLE_FILE_FIXERS,
} from '../engine';
import type { TextEdit as EngineEdit, WorkloadRef } from '../engine';
import { DocumentPart, DocumentState, FixSettings, partAt, partOf, partsOf, toPartFinding } from './document-state';
import { fixAllLint, fixTarget, podSecurityLint, sameFileStyle, shiftEdits, shiftFix } from './part-fixes';

export const FIX_ALL_KIND = 'source.fixAll.podsec';
/** "Make <kind>/<name> restricted-compliant": a rewrite of one workload, not a fix of one diagnostic. */
export const RESTRICT_WORKLOAD_KIND = `${CodeActionKind.RefactorRewrite}.podsec.restricted`;
/** The kinds to advertise in `codeActionProvider.codeActionKinds`. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, RESTRICT_WORKLOAD_KIND];
/** Client command that opens a rule's documentation; its one argument is the URL. */
export const SHOW_DOCUMENTATION_COMMAND = 'podsec.showDocumentation';

export interface CodeActionOptions {
  /** Leave the fix-alls' edits to `codeAction/resolve` (the client announced resolve support for `edit`). */
  lazy?: boolean;
}

/** What an action offered without its edit carries to `codeAction/resolve`. */
export interface FixAllData {
  podsec: 'fixAll';
  uri: string;
  version: number;
  scope: 'file' | 'rule' | 'workload';
  ruleId?: string;
  workload?: WorkloadRef & { start: number };
}

export function provideCodeActions(params: CodeActionParams, state: DocumentState, settings: FixSettings, options: CodeActionOptions = {}): CodeAction[] {
  if (params.textDocument.uri !== state.uri) return [];
  // Clients send what they like: a missing context, a filter or diagnostics that are not lists.
  const context = params.context ?? {};
  const only = Array.isArray(context.only) ? context.only.filter((k) => typeof k === 'string') : undefined;
  const diagnostics = Array.isArray(context.diagnostics) ? context.diagnostics : [];
  const lazy = !!options.lazy;
  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) actions.push(...quickFixes(diagnostics, state, settings, lazy));
  if (only && wanted(only, FIX_ALL_KIND)) {
    const title = 'Fix all PodSec problems';
    if (lazy) {
      if (anyFindingFixable(state, settings)) actions.push({ title, kind: FIX_ALL_KIND, data: dataOf(state, 'file') });
    } else {
      const edit = fixAllEdit(state, settings);
      if (edit) actions.push({ title, kind: FIX_ALL_KIND, edit });
    }
  }
  if (wanted(only, RESTRICT_WORKLOAD_KIND) && isRange(params.range)) actions.push(...restrictActions(params.range, state, settings, lazy));
  return actions;
}

/** Fills in the edit of an action offered lazily; an action for another version of the text is returned as it is. */
export function resolveCodeAction(action: CodeAction, state: DocumentState, settings: FixSettings): CodeAction {
  const data = action.data as Partial<FixAllData> | undefined;
  if (data?.podsec !== 'fixAll' || data.uri !== state.uri || data.version !== state.version) return action;
  let edit: WorkspaceEdit | undefined;
  if (data.scope === 'file') edit = fixAllEdit(state, settings);
  else if (data.scope === 'rule' && typeof data.ruleId === 'string') edit = fixAllOfRule(data.ruleId, state, settings);
  else if (data.scope === 'workload' && data.workload) edit = restrictEdit(data.workload, state, settings);
  return edit ? { ...action, edit } : action;
}

/** Whether an action of `kind` is asked for: no filter means every kind except source actions. */
function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only) return !kind.startsWith(CodeActionKind.Source);
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

function dataOf(state: DocumentState, scope: FixAllData['scope'], extra: Partial<FixAllData> = {}): FixAllData {
  return { podsec: 'fixAll', uri: state.uri, version: state.version, scope, ...extra };
}

function quickFixes(diagnostics: Diagnostic[], state: DocumentState, settings: FixSettings, lazy: boolean): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (action: CodeAction, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(action);
  };
  for (const diagnostic of diagnostics) {
    // A malformed diagnostic in the request is no PodSec finding; it must not cost the others their actions.
    if (!isRange((diagnostic as Partial<Diagnostic> | null)?.range)) continue;
    const finding = findingOf(diagnostic, state);
    if (!finding) continue;
    const rule = finding.ruleId;
    const target = fixTarget(state, finding);
    for (const fix of fixesFor(target.finding, target.parsed, settings).map((f) => shiftFix(f, target.offset))) {
      add(fixAction(fix, diagnostic, state), `fix:${JSON.stringify(fix.edits)}`);
    }
    if (!seen.has(`all:${rule}`) && ruleFixableTwice(rule, state, settings)) {
      const title = `Fix all ${rule} problems`;
      if (lazy) add({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], data: dataOf(state, 'rule', { ruleId: rule }) }, `all:${rule}`);
      else {
        const edit = fixAllOfRule(rule, state, settings);
        if (edit) add({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit }, `all:${rule}`);
      }
    }
    const line = disableLineFix(target.finding, target.parsed);
    if (line) add(fixAction(shiftFix(line, target.offset), diagnostic, state), `line:${JSON.stringify(shiftEdits(line.edits, target.offset))}`);
    const doc = disableDocumentFix(target.finding, target.parsed);
    if (doc) add(fixAction(shiftFix(doc, target.offset), diagnostic, state), `doc:${finding.documentIndex}:${rule}`);
    const url = ruleDocsUrl(rule);
    if (url) {
      const title = `Show documentation for ${rule}`;
      add({ title, kind: CodeActionKind.QuickFix, command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [url] } }, `docs:${rule}`);
    }
  }
  return out;
}

/** The published finding a diagnostic stands for (same rule, same range); none when the diagnostic is stale. */
function findingOf(diagnostic: Diagnostic, state: DocumentState): Finding | undefined {
  const data = diagnostic.data as { ruleId?: unknown } | undefined;
  const ruleId = typeof data?.ruleId === 'string' ? data.ruleId : typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
  if (!ruleId) return undefined;
  const doc = state.document;
  const start = doc.offsetAt(diagnostic.range.start);
  const end = doc.offsetAt(diagnostic.range.end);
  // offsetAt clamps: compare the ranges back, so a position past a line's end does not match.
  return state.findings.find((f) => f.ruleId === ruleId && f.span.start === start && f.span.end === end && sameRange(rangeOf(state, f.span), diagnostic.range));
}

function fixAction(fix: Fix, diagnostic: Diagnostic, state: DocumentState): CodeAction {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(state, fix.edits) };
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}

/**
 * Results per analysed document state (one state per document version), so moving the cursor around does not
 * re-run them: the key names the kind of result and the settings.
 */
const resultCache = new WeakMap<DocumentState, Map<string, unknown>>();

function cached<T>(state: DocumentState, key: string, compute: () => T): T {
  let entries = resultCache.get(state);
  if (!entries) resultCache.set(state, (entries = new Map()));
  if (!entries.has(key)) entries.set(key, compute());
  return entries.get(key) as T;
}

function settingsKey(settings: FixSettings): string {
  return JSON.stringify(settings);
}

/** Whether a finding has a preferred fix (checked on its part, without re-parsing the result). */
function hasPreferredFix(finding: Finding, state: DocumentState, settings: FixSettings): boolean {
  // Before fixTarget, which may parse the finding's part: a rule with hundreds of findings and no preferred fix
  // (readOnlyRootFilesystem) made the first code action on a large file take 100 ms and more.
  if (!mayHavePreferredFix(finding.ruleId)) return false;
  const target = fixTarget(state, finding);
  return fixesFor(target.finding, target.parsed, { ...settings, validate: false }).some((x) => x.isPreferred);
}

/** "Fix all <rule> problems" is only offered when more than one finding of the rule has a preferred fix. */
function ruleFixableTwice(ruleId: string, state: DocumentState, settings: FixSettings): boolean {
  return cached(state, `fixable:${ruleId}:${settingsKey(settings)}`, () => {
    let n = 0;
    for (const f of state.findings) if (f.ruleId === ruleId && hasPreferredFix(f, state, settings) && ++n >= 2) return true;
    return false;
  });
}

function anyFindingFixable(state: DocumentState, settings: FixSettings): boolean {
  return cached(state, `fixable:*:${settingsKey(settings)}`, () => state.findings.some((f) => hasPreferredFix(f, state, settings)));
}

function fixAllOfRule(ruleId: string, state: DocumentState, settings: FixSettings): WorkspaceEdit | undefined {
  return cached(state, `rule:${ruleId}:${settingsKey(settings)}`, () => {
    if (!ruleFixableTwice(ruleId, state, settings)) return undefined;
    return fixAllWorkspaceEdit(state, settings, (f) => f.ruleId === ruleId, !!pssRule(ruleId));
  });
}

/** Every preferred fix in the document (source.fixAll.podsec, and the "Fix all problems in this file" command). */
export function fixAllEdit(state: DocumentState, settings: FixSettings): WorkspaceEdit | undefined {
  return cached(state, `all:${settingsKey(settings)}`, () => fixAllWorkspaceEdit(state, settings));
}

/**
 * Fix-all with the document's own policy decisions. The configured rule settings are not part of DocumentState,
 * so fix-all only touches rules that have a published finding (a rule switched off has none), and the parts that
 * have one: the others have nothing to fix, now or after a round elsewhere. When only Pod Security findings can be
 * selected (`pssOnly`), the rounds lint without the hardening rules: they cannot change which of those are found.
 */
function fixAllWorkspaceEdit(state: DocumentState, settings: FixSettings, select?: (f: Finding) => boolean, pssOnly = false): WorkspaceEdit | undefined {
  const published = new Set(state.findings.map((f) => f.ruleId));
  const fileDisabled = fileWideSuppressions(state);
  const lintOf = pssOnly ? () => podSecurityLint(state) : fixAllLint(state);
  const options: FixAllOptions = {
    ...settings,
    lint: lintOf(),
    select: (f) => published.has(f.ruleId) && !fileDisabled(f.ruleId) && (!select || select(f)),
  };
  const text = state.document.getText();
  const parts = partsOf(state);
  const relevant = state.findings.filter((f) => published.has(f.ruleId) && (!select || select(f)));
  const wholeFile = parts.length === 1 || relevant.some((f) => WHOLE_FILE_FIXERS.has(f.ruleId)) || parts.some((p) => !sameFileStyle(state, p.part));
  let edits: EngineEdit[];
  if (wholeFile) edits = fixAll(text, options).edits;
  else {
    const worth = new Set(relevant.map((f) => partOf(parts, f).part.start));
    const byStart = new Map(parts.map((p) => [p.part.start, p.part]));
    edits = fixAllInParts(text, parts.map((p) => p.part), { ...options, worthFixing: (p) => worth.has(p.start), lintFor: (p) => lintOf(byStart.get(p.start)) }).edits;
  }
  return edits.length ? workspaceEdit(state, edits) : undefined;
}

/**
 * Rules a `podsec-disable-file` comment turns off. A part linted alone does not see such a comment in another part,
 * so its fix-all must not fix what the whole file suppresses.
 */
function fileWideSuppressions(state: DocumentState): (ruleId: string) => boolean {
  const text = state.document.getText();
  if (!text.includes('podsec-disable-file')) return () => false;
  const fileWide = parseDirectives(text).directives.filter((d) => d.kind === 'disable-file');
  if (fileWide.some((d) => d.rules.length === 0)) return () => true;
  const rules = new Set(fileWide.flatMap((d) => d.rules.map((r) => r.name)));
  return (ruleId) => rules.has(ruleId);
}

function restrictActions(range: Range, state: DocumentState, settings: FixSettings, lazy: boolean): CodeAction[] {
  const doc = state.document;
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  const actions: CodeAction[] = [];
  const parts = partsOf(state);
  for (const p of parts) {
    if (p.part.end < start || p.part.start > end) continue;
    const parsed = p.parsed();
    for (const d of parsed.documents) {
      for (const pod of podTargets(d)) {
        const span = pod.object.ref.span;
        const spanStart = span.start + p.part.start;
        const spanEnd = span.end + p.part.start;
        if (pod.object.ref.aliased || spanEnd < start || spanStart > end) continue;
        const o = pod.object;
        const workload = { documentIndex: o.documentIndex + p.part.documentBase, kind: o.kind, name: o.name, namespace: o.namespace, start: spanStart };
        const title = `Make ${o.kind}/${o.name ?? '(unnamed)'} restricted-compliant`;
        if (lazy) {
          if (restrictable(workload, state, settings)) actions.push({ title, kind: RESTRICT_WORKLOAD_KIND, data: dataOf(state, 'workload', { workload }) });
          continue;
        }
        const edit = restrictEdit(workload, state, settings);
        if (edit) actions.push({ title, kind: RESTRICT_WORKLOAD_KIND, edit });
      }
    }
  }
  return actions;
}

/** Where a workload's restricted rewrite is computed: its part alone, or the whole file (see part-fixes.ts). */
function workloadTarget(workload: WorkloadRef & { start: number }, state: DocumentState): { text: string; workload: WorkloadRef; offset: number; part?: DocumentPart } {
  const parts = partsOf(state);
  const text = state.document.getText();
  const p = partAt(parts, workload.start);
  if (parts.length > 1 && sameFileStyle(state, p.part)) {
    const local = toPartFinding({ ruleId: '', category: 'pss', severity: 'error', message: '', span: { start: workload.start, end: workload.start }, documentIndex: workload.documentIndex }, p.part);
    return { text: text.slice(p.part.start, p.part.end), workload: { ...workload, documentIndex: local.documentIndex }, offset: p.part.start, part: p.part };
  }
  return { text, workload, offset: 0 };
}

function restrictEdit(workload: WorkloadRef & { start: number }, state: DocumentState, settings: FixSettings): WorkspaceEdit | undefined {
  return cached(state, `restrict:${workload.documentIndex}:${workload.start}:${settingsKey(settings)}`, () => {
    const target = workloadTarget(workload, state);
    const version = state.policyFor(workload.namespace).enforce.version;
    // Only Pod Security findings are fixed: the hardening rules need not run.
    const lint = podSecurityLint(state);
    const result = makeRestrictedCompliant(target.text, target.workload, { ...settings, lint, version });
    return result.edits.length ? workspaceEdit(state, shiftEdits(result.edits, target.offset)) : undefined;
  });
}

/** Whether the rewrite has anything to do: the workload has a Pod Security finding at restricted with a preferred fix. */
function restrictable(workload: WorkloadRef & { start: number }, state: DocumentState, settings: FixSettings): boolean {
  return cached(state, `restrictable:${workload.documentIndex}:${workload.start}:${settingsKey(settings)}`, () => {
    const target = workloadTarget(workload, state);
    const version = state.policyFor(workload.namespace).enforce.version;
    const policy = new PolicyResolver({ level: 'restricted', version }, { labels: () => undefined });
    const parsed = target.part ? partsOf(state).find((p) => p.part.start === target.offset)!.parsed() : state.parsed;
    return lintParsed(parsed, { policy, hardening: false }).some((f) =>
      f.category === 'pss' && f.documentIndex === target.workload.documentIndex && f.object?.kind === workload.kind && f.object?.name === workload.name
      && f.object?.namespace === workload.namespace && mayHavePreferredFix(f.ruleId) && fixesFor(f, parsed, { ...settings, validate: false }).some((x) => x.isPreferred));
  });
}

function workspaceEdit(state: DocumentState, edits: readonly EngineEdit[]): WorkspaceEdit {
  const lsp = edits.map((e) => TextEdit.replace(rangeOf(state, e.span), e.newText));
  return { documentChanges: [TextDocumentEdit.create({ uri: state.uri, version: state.version }, lsp)] };
}

function rangeOf(state: DocumentState, span: { start: number; end: number }): Range {
  return { start: state.document.positionAt(span.start), end: state.document.positionAt(span.end) };
}

function isRange(value: unknown): value is Range {
  const isPosition = (p: unknown) => typeof p === 'object' && p !== null
    && Number.isInteger((p as Partial<Position>).line) && Number.isInteger((p as Partial<Position>).character);
  return typeof value === 'object' && value !== null && isPosition((value as Partial<Range>).start) && isPosition((value as Partial<Range>).end);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

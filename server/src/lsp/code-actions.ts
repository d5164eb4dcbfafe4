/**
 * Code actions for PodSec diagnostics, in eslint's fixed order per diagnostic: the rule's fixes (preferred first),
 * "Fix all <rule> problems" (when more than one finding of the rule can be fixed), "Disable <rule> for this line",
 * "Disable <rule> for this document", "Show documentation for <rule>". Then, when asked for, one
 * `source.fixAll.podsec` action, and per workload in the range "Make <kind>/<name> restricted-compliant".
 * Every edit is computed here and sent inline (no resolve step), against the analysed version of the document.
 */
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import {
  disableDocumentFix, disableLineFix, Finding, Fix, fixAll, fixesFor, FixAllOptions, LintOptions, makeRestrictedCompliant,
  PolicyDecision, PolicyResolver, podTargets, ruleDocsUrl,
} from '../engine';
import type { TextEdit as EngineEdit } from '../engine';
import type { DocumentState, FixSettings } from './document-state';

export const FIX_ALL_KIND = 'source.fixAll.podsec';
/** "Make <kind>/<name> restricted-compliant": a rewrite of one workload, not a fix of one diagnostic. */
export const RESTRICT_WORKLOAD_KIND = `${CodeActionKind.RefactorRewrite}.podsec.restricted`;
/** The kinds to advertise in `codeActionProvider.codeActionKinds`. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, RESTRICT_WORKLOAD_KIND];
/** Client command that opens a rule's documentation; its one argument is the URL. */
export const SHOW_DOCUMENTATION_COMMAND = 'podsec.showDocumentation';

export function provideCodeActions(params: CodeActionParams, state: DocumentState, settings: FixSettings): CodeAction[] {
  if (params.textDocument.uri !== state.uri) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) actions.push(...quickFixes(params.context.diagnostics, state, settings));
  if (only && wanted(only, FIX_ALL_KIND)) {
    const edit = fixAllEdit(state, settings);
    if (edit) actions.push({ title: 'Fix all PodSec problems', kind: FIX_ALL_KIND, edit });
  }
  if (wanted(only, RESTRICT_WORKLOAD_KIND)) actions.push(...restrictActions(params.range, state, settings));
  return actions;
}

/** Whether an action of `kind` is asked for: no filter means every kind except source actions. */
function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only) return !kind.startsWith(CodeActionKind.Source);
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

function quickFixes(diagnostics: Diagnostic[], state: DocumentState, settings: FixSettings): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (action: CodeAction, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(action);
  };
  for (const diagnostic of diagnostics) {
    const finding = findingOf(diagnostic, state);
    if (!finding) continue;
    const rule = finding.ruleId;
    const fixes = fixesFor(finding, state.parsed, { nonRootUserId: settings.nonRootUserId });
    for (const fix of fixes) add(fixAction(fix, diagnostic, state), `fix:${JSON.stringify(fix.edits)}`);
    const ruleAll = fixAllOfRule(rule, state, settings);
    if (ruleAll) add({ title: `Fix all ${rule} problems`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: ruleAll }, `all:${rule}`);
    const line = disableLineFix(finding, state.parsed);
    if (line) add(fixAction(line, diagnostic, state), `line:${JSON.stringify(line.edits)}`);
    const doc = disableDocumentFix(finding, state.parsed);
    if (doc) add(fixAction(doc, diagnostic, state), `doc:${finding.documentIndex}:${rule}`);
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
  return state.findings.find((f) => f.ruleId === ruleId && sameRange(rangeOf(state, f.span), diagnostic.range));
}

function fixAction(fix: Fix, diagnostic: Diagnostic, state: DocumentState): CodeAction {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(state, fix.edits) };
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}

/**
 * Fix-all results per analysed document state (one state per document version), so moving the cursor around does
 * not re-run them: the key names the kind of fix-all and the settings.
 */
const fixAllCache = new WeakMap<DocumentState, Map<string, WorkspaceEdit | undefined>>();

function cached(state: DocumentState, key: string, compute: () => WorkspaceEdit | undefined): WorkspaceEdit | undefined {
  let entries = fixAllCache.get(state);
  if (!entries) fixAllCache.set(state, (entries = new Map()));
  if (!entries.has(key)) entries.set(key, compute());
  return entries.get(key);
}

/** "Fix all <rule> problems": only offered when more than one finding of the rule has a preferred fix. */
function fixAllOfRule(ruleId: string, state: DocumentState, settings: FixSettings): WorkspaceEdit | undefined {
  return cached(state, `rule:${ruleId}:${settings.nonRootUserId}`, () => computeFixAllOfRule(ruleId, state, settings));
}

function computeFixAllOfRule(ruleId: string, state: DocumentState, settings: FixSettings): WorkspaceEdit | undefined {
  const fixable = state.findings.filter((f) => f.ruleId === ruleId && fixesFor(f, state.parsed, { ...settings, validate: false }).some((x) => x.isPreferred));
  if (fixable.length < 2) return undefined;
  const result = fixAll(state.parsed.text, fixAllOptions(state, settings, (f) => f.ruleId === ruleId));
  return result.edits.length ? workspaceEdit(state, result.edits) : undefined;
}

/** Every preferred fix in the document (source.fixAll.podsec, and the "Fix all problems in this file" command). */
export function fixAllEdit(state: DocumentState, settings: FixSettings): WorkspaceEdit | undefined {
  return cached(state, `all:${settings.nonRootUserId}`, () => {
    const result = fixAll(state.parsed.text, fixAllOptions(state, settings));
    return result.edits.length ? workspaceEdit(state, result.edits) : undefined;
  });
}

/**
 * Re-linting for fix-all uses the document's own policy decisions. The configured rule settings are not part of
 * DocumentState, so fix-all only touches rules that have a published finding (a rule switched off has none).
 */
function fixAllOptions(state: DocumentState, settings: FixSettings, select?: (f: Finding) => boolean): FixAllOptions {
  const published = new Set(state.findings.map((f) => f.ruleId));
  return {
    nonRootUserId: settings.nonRootUserId,
    lint: lintOptionsOf(state),
    select: (f) => published.has(f.ruleId) && (!select || select(f)),
  };
}

function lintOptionsOf(state: DocumentState): LintOptions {
  return { policy: new StatePolicy(state.policyFor) };
}

/** A PolicyResolver that answers with the decisions the document was analysed with. */
class StatePolicy extends PolicyResolver {
  constructor(private readonly decide: (namespace: string | undefined) => PolicyDecision) {
    super({}, { labels: () => undefined });
  }

  override forObject(object: { namespace?: string }): PolicyDecision {
    return this.decide(object.namespace);
  }
}

function restrictActions(range: Range, state: DocumentState, settings: FixSettings): CodeAction[] {
  const doc = state.document;
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  const actions: CodeAction[] = [];
  for (const d of state.parsed.documents) {
    for (const pod of podTargets(d)) {
      const span = pod.object.ref.span;
      if (pod.object.ref.aliased || span.end < start || span.start > end) continue;
      const o = pod.object;
      const edit = cached(state, `restrict:${o.documentIndex}:${span.start}:${settings.nonRootUserId}`, () => {
        const version = state.policyFor(o.namespace).enforce.version;
        const workload = { documentIndex: o.documentIndex, kind: o.kind, name: o.name, namespace: o.namespace };
        const result = makeRestrictedCompliant(state.parsed.text, workload, { lint: lintOptionsOf(state), nonRootUserId: settings.nonRootUserId, version });
        return result.edits.length ? workspaceEdit(state, result.edits) : undefined;
      });
      if (!edit) continue;
      actions.push({ title: `Make ${o.kind}/${o.name ?? '(unnamed)'} restricted-compliant`, kind: RESTRICT_WORKLOAD_KIND, edit });
    }
  }
  return actions;
}

function workspaceEdit(state: DocumentState, edits: readonly EngineEdit[]): WorkspaceEdit {
  const lsp = edits.map((e) => TextEdit.replace(rangeOf(state, e.span), e.newText));
  return { documentChanges: [TextDocumentEdit.create({ uri: state.uri, version: state.version }, lsp)] };
}

function rangeOf(state: DocumentState, span: { start: number; end: number }): Range {
  return { start: state.document.positionAt(span.start), end: state.document.positionAt(span.end) };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

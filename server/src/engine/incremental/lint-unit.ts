/**
 * Lints one unit of a file (one or a few `---` documents, see units.ts) on its own, as lintParsed would lint those
 * documents inside the whole file, and keeps what the file-level steps need: the findings up to (not including)
 * the syntax heuristics, suppression comments and severity settings, which depend on the whole file; the file's
 * cross-file facts; and what the findings depend on in the workspace index.
 *
 * Everything is relative to the unit: spans from its first character, document indexes from its first document,
 * fact ordinals from its first object.
 */
import { problemFindings, RuleFailure } from '../analyze';
import { evaluateDocument } from '../evaluate';
import type { HardeningOptions } from '../evaluate-hardening';
import type { LintOptions } from '../lint';
import { hardeningFindings, hardeningRulesNotRun, INTERNAL_ERROR } from '../lint-hardening';
import { configHardeningOptions } from '../config/hardening-options';
import type { NamespaceIndex } from '../namespace-index';
import { parseManifest, ParsedManifest } from '../parse/documents';
import { internalError, ParseProblem } from '../parse/problems';
import { isTemplateDocument } from '../parse/template-actions';
import { PolicyResolver } from '../policy/resolver';
import type { PolicyOptions } from '../policy/resolver';
import type { PodsecConfig } from '../config/types';
import { DirectiveSet, parseDirectives } from '../suppress';
import type { Finding } from '../types';
import { factsIn, FileFacts } from '../workspace-facts';
import { DependencyRecorder, IndexDependency, PartPlace } from './recorded-index';

/** Options of the hardening rules besides the workspace and the file name, which the unit's place gives. */
export type UnitHardening = Omit<HardeningOptions, 'workspace' | 'file' | 'onRuleError'>;

export interface UnitContext {
  place: PartPlace;
  /** The workspace index; it holds this file's facts (perhaps of an earlier version: the dependencies tell). */
  workspace: NamespaceIndex;
  policy: PolicyOptions;
  config?: PodsecConfig;
  hardening: UnitHardening | false;
  /** `hardening` already holds what the config sets for hardening rules (see resolveHardening). */
  hardeningResolved?: boolean;
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/**
 * The hardening options with the config's merged in, as lintParsed merges them (explicit options win; the rules the
 * config turns off are not run), so that each unit need not derive them again.
 */
export function resolveHardening(hardening: UnitHardening | false, config: PodsecConfig | undefined): UnitHardening | false {
  if (hardening === false) return false;
  const fromConfig = configHardeningOptions(config ?? {});
  const resolved: UnitHardening = {
    settings: { ...fromConfig.settings, ...hardening.settings },
    disabled: hardeningRulesNotRun({ hardening, config }),
  };
  const defaultNamespace = hardening.defaultNamespace ?? fromConfig.defaultNamespace;
  if (defaultNamespace !== undefined) resolved.defaultNamespace = defaultNamespace;
  return resolved;
}

/**
 * A syntax error of a document that is not a template (template documents decide that from their own text, so a unit
 * knows it alone), and whether its document looks like Kubernetes (the heuristics of analyze.ts's syntaxFindings).
 */
export interface UnitSyntaxError {
  finding: Finding;
  looksLikeKubernetes: boolean;
}

export interface UnitLint {
  documents: number;
  /** Lexical tokens its parse read: the file's budget (limits.maxTokens) counts them across units. */
  tokens: number;
  objects: number;
  hasObjects: boolean;
  /** Parse problems, rule and hardening findings, sorted as lintParsed sorts them when no syntax error is shown. */
  findings: Finding[];
  /** Only when the unit has syntax errors: the pieces lintParsed sorts together with the errors it shows. */
  syntax?: { errors: UnitSyntaxError[]; problems: Finding[]; rules: Finding[]; hardening: Finding[] };
  facts: FileFacts;
  /** Namespaces of the unit's workloads, first appearance first (the editor's status shows their policies). */
  podNamespaces: string[];
  /** Suppression comments, when the unit's text mentions one. */
  directives?: DirectiveSet;
  dependencies: IndexDependency[];
}

// As in analyze.ts: line-anchored with no `\s*`, so blank lines cannot make it backtrack.
const LOOKS_LIKE_KUBERNETES = /^[ \t{]*["']?(?:apiVersion|kind)["']?[ \t]*:/m;

/** Lints a unit's text; `parsed` receives the parse (for callers that keep a few around for hover and fixes). */
export function lintUnit(text: string, context: UnitContext, parsed: ParsedManifest = parseManifest(text)): UnitLint {
  const recorder = new DependencyRecorder(context.workspace, context.place);
  const policy = new PolicyResolver(context.policy, recorder.index);
  const options: LintOptions = {
    policy,
    config: context.config,
    hardening: context.hardening === false ? false : { ...context.hardening, workspace: recorder.index, file: context.place.file },
    onRuleError: context.onRuleError,
  };
  const problems = problemFindings(parsed);
  const rules = ruleFindings(parsed, options, context.place.documents);
  // With the config's hardening options already merged in (resolveHardening), the config need not be read again.
  const hardeningOptions = context.hardeningResolved ? { ...options, config: undefined } : options;
  const hardening = withoutRepeatedFailures(hardeningFindings(parsed, hardeningOptions), [...problems, ...rules]);
  const errors = syntaxErrors(parsed);
  const pss = [...problems, ...rules].sort(byPlace);
  const findings = hardening.length ? [...pss, ...hardening].sort(byPlace) : pss;
  const facts = factsIn(parsed, context.place.file);
  const lint: UnitLint = {
    documents: parsed.documents.length,
    tokens: parsed.tokens ?? 0,
    objects: parsed.documents.reduce((n, d) => n + d.objects.length, 0),
    hasObjects: parsed.documents.some((d) => d.objects.length > 0),
    findings,
    facts,
    podNamespaces: podNamespaces(facts, policy),
    dependencies: [],
  };
  if (errors.length) lint.syntax = { errors, problems, rules, hardening };
  if (text.includes('podsec-disable')) lint.directives = parseDirectives(text);
  lint.dependencies = recorder.dependencies();
  return lint;
}

/** The unit's findings as lintParsed orders them, given the file-level syntax heuristic (some object in the file). */
export function unitFindings(lint: UnitLint, file: { anyObject: boolean }): Finding[] {
  const s = lint.syntax;
  if (!s) return lint.findings;
  const shown = s.errors.filter((e) => file.anyObject || e.looksLikeKubernetes).map((e) => e.finding);
  if (!shown.length) return lint.findings;
  const pss = [...s.problems, ...shown, ...s.rules].sort(byPlace);
  return s.hardening.length ? [...pss, ...s.hardening].sort(byPlace) : pss;
}

/** lint.ts's order. One collator for all comparisons: `localeCompare` sets one up per call (same default order). */
const collator = new Intl.Collator();

export function byPlace(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || collator.compare(a.ruleId, b.ruleId);
}

/** analyze.ts's ruleFindings for a unit; a failure names the document's index in the whole file. */
function ruleFindings(parsed: ParsedManifest, options: LintOptions, documentBase: number): Finding[] {
  const failed = new Set<string>();
  const out: Finding[] = [];
  for (const doc of parsed.documents) {
    let callbackError: { error: unknown } | undefined;
    const onRuleError = options.onRuleError && ((ruleId: string, error: unknown) => {
      if (failed.has(ruleId)) return;
      failed.add(ruleId);
      try {
        options.onRuleError!(ruleId, new RuleFailure(ruleId, documentBase + doc.index, error));
      } catch (e) {
        callbackError = { error: e };
        throw e;
      }
    });
    try {
      out.push(...evaluateDocument(doc, { ...options, onRuleError }));
    } catch (error) {
      // The caller's own callback failing (tests do that to fail loudly) is passed through, not hidden.
      if (callbackError) throw callbackError.error;
      out.push(toFinding(internalError({ start: doc.span.start, end: doc.span.start }, error, 'document'), doc.index));
    }
  }
  return out;
}

function toFinding(p: ParseProblem, documentIndex: number): Finding {
  return { ruleId: p.ruleId, category: 'syntax', severity: p.severity, message: p.message, span: p.span, documentIndex };
}

/** lint.ts: a document the Pod Security checks reported as failed gets no second internalError from hardening. */
function withoutRepeatedFailures(hardening: Finding[], pss: Finding[]): Finding[] {
  const failed = new Set(pss.filter((f) => f.ruleId === INTERNAL_ERROR).map((f) => f.documentIndex));
  return failed.size ? hardening.filter((f) => f.ruleId !== INTERNAL_ERROR || !failed.has(f.documentIndex)) : hardening;
}

function syntaxErrors(parsed: ParsedManifest): UnitSyntaxError[] {
  const out: UnitSyntaxError[] = [];
  for (const d of parsed.documents) {
    if (!d.errors.length || isTemplateDocument(parsed.text, d)) continue;
    const looksLikeKubernetes = LOOKS_LIKE_KUBERNETES.test(parsed.text.slice(d.span.start, d.span.end));
    for (const e of d.errors) {
      out.push({ finding: { ruleId: 'yamlSyntax', category: 'syntax', severity: 'error', message: e.message, span: e.span, documentIndex: d.index }, looksLikeKubernetes });
    }
  }
  return out;
}

/** The namespaces of the unit's workloads (the facts list every object with a pod spec, in order). */
function podNamespaces(facts: FileFacts, policy: PolicyResolver): string[] {
  return [...new Set(facts.workloads.map((w) => policy.namespaceOf(w)))];
}

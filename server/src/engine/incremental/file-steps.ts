/**
 * The steps of lintParsed that need the whole file, applied to findings gathered unit by unit: moving each unit's
 * findings to its place in the file, merging the units' suppression comments, and (as lint.ts does) applying the
 * comments and the configured rule settings.
 */
import { ruleCategory } from '../config/rule-catalog';
import { applyRuleSettings, settingFor } from '../config/severities';
import type { PodsecConfig } from '../config/types';
import { hardeningRulesNotRun } from '../lint-hardening';
import { Directive, DirectiveSet, parseDirectives } from '../suppress';
import { applyDirectives } from '../suppress-apply';
import type { Finding, Span } from '../types';
import type { FileFacts } from '../workspace-facts';
import { byPlace, UnitHardening } from './lint-unit';

/** Where a unit sits in its file. */
export interface UnitPlace {
  start: number;
  documentBase: number;
  objectBase: number;
}

export function shiftFindings(findings: readonly Finding[], place: UnitPlace): Finding[] {
  if (place.start === 0 && place.documentBase === 0) return findings as Finding[];
  return findings.map((f) => ({ ...f, span: shift(f.span, place.start), documentIndex: f.documentIndex + place.documentBase }));
}

export function shiftFacts(facts: FileFacts, place: UnitPlace): FileFacts {
  const move = <T extends { documentIndex: number; ordinal: number }>(list: T[]): T[] =>
    list.map((f) => ({ ...f, documentIndex: f.documentIndex + place.documentBase, ordinal: f.ordinal + place.objectBase }));
  return {
    namespaces: move(facts.namespaces),
    serviceAccounts: move(facts.serviceAccounts),
    networkPolicies: move(facts.networkPolicies),
    limitRanges: move(facts.limitRanges),
    workloads: move(facts.workloads),
  };
}

export function concatFacts(all: readonly FileFacts[]): FileFacts {
  const out: FileFacts = { namespaces: [], serviceAccounts: [], networkPolicies: [], limitRanges: [], workloads: [] };
  for (const f of all) for (const key of Object.keys(out) as (keyof FileFacts)[]) (out[key] as unknown[]).push(...f[key]);
  return out;
}

/**
 * The file's suppression comments from its units' own. A unit without documents (comments after the last `...`)
 * would attach its comments to a document other than the one the whole file gives them: then the whole text is read.
 */
export function fileDirectives(text: string, units: readonly { place: UnitPlace; documents: number; directives?: DirectiveSet }[]): DirectiveSet {
  if (!text.includes('podsec-disable')) return { directives: [], invalid: [] };
  if (units.some((u) => u.directives && u.documents === 0)) return parseDirectives(text);
  const out: DirectiveSet = { directives: [], invalid: [] };
  for (const { place, directives } of units) {
    if (!directives) continue;
    for (const d of directives.directives) out.directives.push(shiftDirective(d, place));
    for (const i of directives.invalid) out.invalid.push({ ...i, span: shift(i.span, place.start), documentIndex: i.documentIndex + place.documentBase });
  }
  return out;
}

function shiftDirective(d: Directive, place: UnitPlace): Directive {
  const out: Directive = {
    ...d,
    span: shift(d.span, place.start),
    rules: d.rules.map((r) => ({ ...r, span: shift(r.span, place.start) })),
    documentIndex: d.documentIndex + place.documentBase,
  };
  if (d.target) out.target = shift(d.target, place.start);
  return out;
}

export interface FileStepOptions {
  config?: PodsecConfig;
  hardening: UnitHardening | false;
}

/** lint.ts's last steps: suppression comments (reporting the unused ones), then the configured rule settings. */
export function finishFindings(analysed: Finding[], directives: DirectiveSet, options: FileStepOptions): Finding[] {
  let findings = analysed;
  if (directives.directives.length || directives.invalid.length) {
    const notRun = hardeningRulesNotRun(options);
    const config = options.config;
    const isOff = (ruleId: string) => notRun.has(ruleId) || (!!config && settingFor(ruleId, ruleCategory(ruleId) ?? 'syntax', config) === 'off');
    const { kept, unused } = applyDirectives(analysed, directives, { isOff });
    findings = unused.length ? [...kept, ...unused].sort(byPlace) : kept;
  }
  return options.config ? applyRuleSettings(findings, options.config) : findings;
}

function shift(span: Span, by: number): Span {
  return by ? { start: span.start + by, end: span.end + by } : span;
}

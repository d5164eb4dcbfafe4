/**
 * Applies suppression directives (see suppress.ts) to the findings of one file, and reports the directives that
 * do nothing as `unusedDirective` hints tagged `unnecessary` (editors fade them): a directive that suppressed
 * nothing, a named rule that suppressed nothing while others in the same directive did, an unknown rule name,
 * and invalid directives.
 */
import { ruleCategory, UNUSED_DIRECTIVE_RULE, YAML_SYNTAX_RULE } from './config/rule-catalog';
import type { Directive, DirectiveKind, DirectiveRule, DirectiveSet } from './suppress';
import type { Finding, Span } from './types';

export interface SuppressionResult {
  /** The findings no directive covers, in their original order. */
  kept: Finding[];
  /** One hint per directive, or rule named in one, that does nothing. */
  unused: Finding[];
}

export interface SuppressionOptions {
  /** Whether a rule id exists; by default the rule catalog (PSS, hardening, network, RBAC ids). */
  isKnownRule?: (ruleId: string) => boolean;
  /**
   * Whether the configuration turns a rule off. Rules that are off may not even run, so a directive naming one is
   * not reported as unused: the configuration, not the file, decides whether the rule runs.
   */
  isOff?: (ruleId: string) => boolean;
}

/** Problems with the file itself, not policy findings: a directive cannot hide them. */
const NOT_SUPPRESSIBLE = new Set([YAML_SYNTAX_RULE, UNUSED_DIRECTIVE_RULE, 'fileTooLarge', 'binaryFile', 'yamlTooDeep', 'yamlAliasLimit', 'internalError']);
const KEYWORD: Record<DirectiveKind, string> = {
  'disable-next-line': 'podsec-disable-next-line',
  disable: 'podsec-disable',
  'disable-file': 'podsec-disable-file',
};
const WHERE: Record<DirectiveKind, string> = {
  'disable-next-line': 'on the next line',
  disable: 'in this document',
  'disable-file': 'in this file',
};

export function applyDirectives(findings: readonly Finding[], set: DirectiveSet, options: SuppressionOptions = {}): SuppressionResult {
  const isKnown = options.isKnownRule ?? ((id: string) => ruleCategory(id) !== undefined);
  // Per directive, the rule names that suppressed something ('*' for a directive without names).
  const used = new Map<Directive, Set<string>>(set.directives.map((d) => [d, new Set()]));
  const kept: Finding[] = [];
  for (const f of findings) {
    let suppressed = false;
    if (!NOT_SUPPRESSIBLE.has(f.ruleId)) {
      for (const d of set.directives) {
        if (!covers(d, f)) continue;
        if (d.rules.length === 0) used.get(d)!.add('*');
        else if (d.rules.some((r) => r.name === f.ruleId)) used.get(d)!.add(f.ruleId);
        else continue;
        suppressed = true;
      }
    }
    if (!suppressed) kept.push(f);
  }
  const unused: Finding[] = set.invalid.map((i) => hint(i.message, i.span, i.documentIndex));
  const isOff = options.isOff ?? (() => false);
  for (const d of set.directives) unused.push(...unusedParts(d, used.get(d)!, isKnown, isOff));
  return { kept, unused };
}

function covers(d: Directive, f: Finding): boolean {
  switch (d.kind) {
    case 'disable-file':
      return true;
    case 'disable':
      return f.documentIndex === d.documentIndex;
    case 'disable-next-line':
      return !!d.target && f.span.start >= d.target.start && f.span.start <= d.target.end;
  }
}

function unusedParts(d: Directive, used: Set<string>, isKnown: (id: string) => boolean, isOff: (id: string) => boolean): Finding[] {
  const keyword = KEYWORD[d.kind];
  const where = WHERE[d.kind];
  if (d.rules.length === 0) {
    return used.size ? [] : [hint(`Unused ${keyword} directive (no problem ${where})`, d.span, d.documentIndex)];
  }
  const out: Finding[] = [];
  const valid: DirectiveRule[] = [];
  for (const r of d.rules) {
    if (NOT_SUPPRESSIBLE.has(r.name)) out.push(hint(`${r.name} problems cannot be suppressed`, r.span, d.documentIndex));
    else if (!isKnown(r.name)) out.push(hint(`Unknown rule "${r.name}" in ${keyword} directive`, r.span, d.documentIndex));
    else valid.push(r);
  }
  const idle = valid.filter((r) => !used.has(r.name) && !isOff(r.name));
  if (idle.length && idle.length === valid.length) {
    const names = [...new Set(idle.map((r) => r.name))];
    out.push(hint(`Unused ${keyword} directive (no ${orList(names)} problem ${where})`, d.span, d.documentIndex));
  } else {
    for (const r of idle) out.push(hint(`Unused rule ${r.name} in ${keyword} directive (no ${r.name} problem ${where})`, r.span, d.documentIndex));
  }
  return out;
}

function hint(message: string, span: Span, documentIndex: number): Finding {
  return { ruleId: UNUSED_DIRECTIVE_RULE, category: 'syntax', severity: 'hint', message, span, documentIndex, tags: ['unnecessary'] };
}

function orList(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Incremental lint of one file: the same findings as lintParsed over the whole text (with the same options), from
 * units of `---` documents that are parsed and evaluated on their own, and reused from the previous result when
 * their text did not change and nothing they read from the workspace index did.
 *
 * Pure: the previous result goes in, the new one comes out (the caller keeps it, e.g. per open document); the
 * workspace index is the caller's, and this file's facts are handed back to it through `publishFacts`. New units
 * are parsed first, the file's new facts are published, and then they are linted (or, with `factsFirst: false`,
 * each is linted as it is parsed); every unit linted before the facts were published whose recorded reads changed
 * is linted again.
 *
 * The whole text is parsed as one unit when piecewise parsing could differ from a whole parse: `%` directives
 * (they carry over to later documents), NUL characters (the file is binary), more documents than the parser reads,
 * more bytes than it reads at all, or more tokens than its budget for a file (known once the units are parsed: then
 * the text is parsed again, whole, so that it stops where lintParsed stops).
 */
import type { PodsecConfig } from '../config/types';
import type { NamespaceIndex } from '../namespace-index';
import { parseManifest, ParsedManifest } from '../parse/documents';
import { DEFAULT_LIMITS, utf8Length } from '../parse/limits';
import { splitDocuments } from '../parse/split-documents';
import type { PolicyOptions } from '../policy/resolver';
import type { Finding, Span } from '../types';
import { emptyFacts, factsIn, FileFacts } from '../workspace-facts';
import { concatFacts, fileDirectives, finishFindings, shiftFacts, shiftFindings, UnitPlace } from './file-steps';
import { lintUnit, resolveHardening, UnitHardening, UnitLint, unitFindings } from './lint-unit';
import { AnswerMemo, ChangeScope, changeScope, dependenciesHold, mayDependOn } from './recorded-index';
import { BrokenEnds, brokenEnds, planUnits, UnitSource } from './units';

export interface IncrementalOptions {
  /** Everything besides the text and the workspace that findings depend on (settings, config): a change re-lints all. */
  key: string;
  /** The file's name in the workspace index. */
  file: string;
  workspace: NamespaceIndex;
  /** Changes whenever the workspace index may answer differently (the caller counts its updates). */
  generation(): number;
  /** Puts the file's facts into the workspace index (called only when they changed). */
  publishFacts(facts: FileFacts): void;
  policy: PolicyOptions;
  config?: PodsecConfig;
  hardening: UnitHardening | false;
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * Parse the new units and publish the file's facts before linting them (the default), so that no unit reads stale
   * facts of its own file; their syntax trees then live until they are linted. False: lint each unit as it is parsed,
   * so every tree dies young, which is faster on a large file when the index already holds the file's facts (read
   * from disk): the few units whose reads changed are linted again.
   */
  factsFirst?: boolean;
  /** Hears every unit parsed, e.g. to keep the last few parses for hover and fixes. */
  onParsed?: (unit: Span, parsed: ParsedManifest) => void;
}

export interface IncrementalUnit extends UnitPlace {
  end: number;
  lint: UnitLint;
  /** Whether its first and last slices, parsed alone, end in a broken document (see units.ts). */
  edges: BrokenEnds;
  /** The workspace generation and place at which the unit's recorded reads were last known to hold. */
  checked: { generation: number; documents: number; objects: number };
  /** The unit's own facts, serialised: tells cheaply whether the file's facts changed. */
  factsKey: string;
  /** The unit's findings as published (rule settings applied), still relative to the unit, and what they came from. */
  settled?: { source: Finding[]; findings: Finding[] };
  /** The unit's findings moved to its place in the file, with what they were computed from. */
  placed?: { start: number; documentBase: number; source: Finding[]; findings: Finding[] };
  /** The unit's facts numbered as in the file, kept while it stays in place (the same objects: changeScope skips them). */
  placedFacts?: { documentBase: number; objectBase: number; facts: FileFacts };
}

/** A unit's published findings, relative to it (absent when the file's suppression comments need the whole list). */
export interface UnitFindings {
  unit: IncrementalUnit;
  findings: Finding[];
}

export interface IncrementalLint {
  text: string;
  key: string;
  units: readonly IncrementalUnit[];
  /** The findings as lintParsed gives them (built on first use). */
  readonly findings: Finding[];
  /**
   * The same findings unit by unit, relative to each unit, when no suppression comment makes them depend on one
   * another (then a caller can keep per-unit results, e.g. diagnostics, while a unit's place does not change).
   */
  byUnit?: UnitFindings[];
  facts: FileFacts;
  /** How many characters at the start of the text are the same as in the previous run's text. */
  prefix: number;
  /** This run handed new facts to the workspace index. */
  factsPublished: boolean;
  /** The text has more tokens than the parser reads of a file: it was read whole (and the next run reads it whole). */
  overTokenBudget?: boolean;
  /** Units reused, linted, and (after the file's facts or the workspace changed) checked and linted again. */
  stats: { units: number; reused: number; linted: number; checked: number; relinted: number };
}

export function lintIncrementally(previous: IncrementalLint | undefined, text: string, options: IncrementalOptions): IncrementalLint {
  const prev = previous?.key === options.key ? previous : undefined;
  const stats = { units: 0, reused: 0, linted: 0, checked: 0, relinted: 0 };
  const hardening = resolveHardening(options.hardening, options.config);
  // Slices parsed alone to judge their boundaries; a slice that becomes a unit by itself keeps that parse.
  const probed = new Map<string, ParsedManifest>();
  const parse = (start: number, end: number): ParsedManifest => {
    const probe = probed.get(`${start}:${end}`);
    // Parses within this unit are done with; a probe of the next slice waits for its unit.
    for (const key of probed.keys()) if (Number(key.slice(0, key.indexOf(':'))) < end) probed.delete(key);
    return probe ?? parseManifest(text.slice(start, end));
  };
  const lint = (start: number, end: number, place: UnitPlace, edges: BrokenEnds, parsed = parse(start, end)): IncrementalUnit => {
    const unitText = text.slice(start, end);
    options.onParsed?.({ start, end }, parsed);
    const at = options.generation();
    let result = lintUnit(unitText, {
      place: { file: options.file, documents: place.documentBase, objects: place.objectBase },
      workspace: options.workspace,
      policy: options.policy,
      config: options.config,
      hardening,
      hardeningResolved: true,
      onRuleError: options.onRuleError,
    }, parsed);
    // Strings read from the text point into it: units made after the first run get copies, so that a long editing
    // session does not keep every version of the text alive through the units it leaves behind.
    if (prev) result = structuredClone(result);
    return {
      start, end, documentBase: place.documentBase, objectBase: place.objectBase, lint: result, edges,
      checked: { generation: at, documents: place.documentBase, objects: place.objectBase },
      factsKey: JSON.stringify(result.facts),
    };
  };

  // New units are parsed while planning and linted once the file's new facts are in the index, so that what they
  // read of this file is already current (linting first would lint every unit that reads it twice on opening).
  const waiting = new Map<IncrementalUnit, ParsedManifest>();
  const unlinted = (start: number, end: number, place: UnitPlace, edges: BrokenEnds, parsed: ParsedManifest): IncrementalUnit => {
    const facts = factsIn(parsed, options.file);
    const lint: UnitLint = { ...factsOnly(parsed), facts };
    const unit: IncrementalUnit = {
      start, end, documentBase: place.documentBase, objectBase: place.objectBase, lint, edges,
      checked: { generation: NOT_CHECKED, documents: place.documentBase, objects: place.objectBase },
      factsKey: JSON.stringify(facts),
    };
    waiting.set(unit, parsed);
    return unit;
  };

  // A text that was over the token budget is read whole until it is under it again (no second parse per edit).
  const slices = prev?.overTokenBudget ? [{ start: 0, end: text.length }] : slicesOf(text);
  const ends = previous ? commonEnds(previous.text, text) : { prefix: 0, suffix: 0 };
  const reuse = prev ? reuseFrom(prev, text, ends) : () => undefined;
  const source: UnitSource<IncrementalUnit> = {
    reuse,
    probe: (span) => {
      const parsed = parseManifest(text.slice(span.start, span.end));
      probed.set(`${span.start}:${span.end}`, parsed);
      return brokenEnds(parsed);
    },
    make: (start, end, before, edges) => {
      stats.linted++;
      const place = placeAfter(start, before);
      return options.factsFirst === false ? lint(start, end, place, edges) : unlinted(start, end, place, edges, parse(start, end));
    },
    edges: (u) => u.edges,
  };
  let planned = planUnits(slices, source);

  if (slices.length > 1 && overTokenBudget(planned.map((p) => p.unit.lint))) {
    // Past the parser's budget for a file: read whole, it stops where lintParsed stops.
    waiting.clear();
    planned = planUnits([{ start: 0, end: text.length }], { ...source, reuse: () => undefined });
  }
  const readWholeForBudget = planned.length === 1 && planned[0].end - planned[0].start === text.length && overTokenBudget([planned[0].unit.lint]);

  // Every unit at its place now (reused ones may have moved).
  const units: IncrementalUnit[] = [];
  let documentBase = 0;
  let objectBase = 0;
  for (const p of planned) {
    const u = p.unit;
    if (p.reused) stats.reused++;
    const same = u.start === p.start && u.end === p.end && u.documentBase === documentBase && u.objectBase === objectBase;
    units.push(same ? u : { ...u, start: p.start, end: p.end, documentBase, objectBase });
    documentBase += u.lint.documents;
    objectBase += u.lint.objects;
  }
  stats.units = units.length;

  let facts: FileFacts;
  let factsPublished = false;
  const beforePublishing = options.generation();
  // What publishing this file's new facts can change (known only when nothing else changed the index meanwhile).
  let scope: ChangeScope | undefined;
  if (prev && sameFacts(prev.units, units)) facts = prev.facts;
  else {
    facts = concatFacts(units.map(placedFacts));
    options.publishFacts(facts);
    factsPublished = true;
    if (prev) scope = changeScope(prev.facts, facts);
  }

  // The new units, linted with the file's facts as they are now.
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const parsed = waiting.get(planned[i].unit);
    if (parsed) units[i] = lint(u.start, u.end, u, u.edges, parsed);
  }
  waiting.clear();

  // Re-check what each reused unit read from the workspace, once per generation; re-lint those whose answers changed.
  const generation = options.generation();
  const memo: AnswerMemo = new Map();
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const c = u.checked;
    const unmoved = c.documents === u.documentBase && c.objects === u.objectBase;
    if (c.generation === generation && unmoved) continue;
    // Its reads held just before this file's facts were published, and none is about what they changed.
    if (scope && c.generation === beforePublishing && !u.lint.dependencies.some((d) => mayDependOn(d, scope!, !unmoved))) {
      u.checked = { generation, documents: u.documentBase, objects: u.objectBase };
      continue;
    }
    stats.checked++;
    if (dependenciesHold(u.lint.dependencies, options.workspace, { file: options.file, documents: u.documentBase, objects: u.objectBase }, memo)) {
      // A fact about the unit's lint, true wherever the unit is shared: its reads still hold here and now.
      u.checked = { generation, documents: u.documentBase, objects: u.objectBase };
      continue;
    }
    stats.relinted++;
    units[i] = lint(u.start, u.end, u, u.edges, parseManifest(text.slice(u.start, u.end)));
  }

  const anyObject = units.some((u) => u.lint.hasObjects);
  const sources = units.map((u) => unitFindings(u.lint, { anyObject }));
  const placed = (u: IncrementalUnit, source: Finding[]): Finding[] => {
    let p = u.placed;
    if (!p || p.start !== u.start || p.documentBase !== u.documentBase || p.source !== source) {
      u.placed = p = { start: u.start, documentBase: u.documentBase, source, findings: shiftFindings(source, u) };
    }
    return p.findings;
  };
  const result: Omit<IncrementalLint, 'findings'> & { findings: Finding[] } = { text, key: options.key, units, findings: [], facts, prefix: ends.prefix, factsPublished, stats };
  if (readWholeForBudget) result.overTokenBudget = true;
  if (text.includes('podsec-disable')) {
    // Suppression comments reach across documents (podsec-disable-file): applied to the whole list, as lint.ts does.
    const analysed = units.flatMap((u, i) => placed(u, sources[i]));
    const directives = fileDirectives(text, units.map((u) => ({ place: u, documents: u.lint.documents, directives: u.lint.directives })));
    result.findings = finishFindings(analysed, directives, options);
    return result;
  }
  // Rule settings apply finding by finding: per unit, kept with it.
  const byUnit: UnitFindings[] = units.map((u, i) => {
    const source = sources[i];
    if (u.settled?.source !== source) u.settled = { source, findings: finishFindings(source, NO_DIRECTIVES, options) };
    return { unit: u, findings: u.settled.findings };
  });
  result.byUnit = byUnit;
  let all: Finding[] | undefined;
  Object.defineProperty(result, 'findings', {
    enumerable: true,
    get: () => (all ??= byUnit.flatMap((b) => placed(b.unit, b.findings))),
  });
  return result;
}

/** The slices to parse: the `---` documents, or the whole text when it must be parsed whole. */
export function slicesOf(text: string): Span[] {
  if (text.includes('\0') || (text.length * 3 > DEFAULT_LIMITS.maxFileSize && utf8Length(text) > DEFAULT_LIMITS.maxFileSize)) return [{ start: 0, end: text.length }];
  const split = splitDocuments(text);
  if (split.directives || split.slices.length > DEFAULT_LIMITS.maxDocuments) return [{ start: 0, end: text.length }];
  return split.slices;
}

/**
 * Whether the units' parses together may have read more tokens than the parser reads of one file (a slice parsed
 * alone can count a token or two the whole parse does not, at its ends: each unit is given that much room).
 */
export function overTokenBudget(units: readonly { tokens: number }[]): boolean {
  let tokens = 0;
  for (const u of units) tokens += u.tokens + 4;
  return tokens > DEFAULT_LIMITS.maxTokens;
}

/** Units of the previous run whose text is the same now: before the first changed character, or after the last. */
function reuseFrom(prev: IncrementalLint, text: string, ends: { prefix: number; suffix: number }): (start: number) => { end: number; unit: IncrementalUnit } | undefined {
  const old = prev.text;
  const { prefix, suffix } = ends;
  const delta = text.length - old.length;
  const byStart = new Map(prev.units.map((u) => [u.start, u]));
  return (start) => {
    const same = byStart.get(start);
    if (same && same.end <= prefix) return { end: same.end, unit: same };
    const shifted = byStart.get(start - delta);
    if (shifted && shifted.start >= old.length - suffix) return { end: shifted.end + delta, unit: shifted };
    return undefined;
  };
}

/** Lengths of the longest common prefix and (not overlapping it) suffix of two texts. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  // Whole blocks first (string equality is a native memory compare), then character by character.
  let prefix = 0;
  while (prefix + BLOCK <= max && a.substring(prefix, prefix + BLOCK) === b.substring(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = max - prefix;
  while (suffix + BLOCK <= room && a.substring(a.length - suffix - BLOCK, a.length - suffix) === b.substring(b.length - suffix - BLOCK, b.length - suffix)) suffix += BLOCK;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

const BLOCK = 1024;

function placeAfter(start: number, before: readonly { unit: IncrementalUnit }[]): UnitPlace {
  let documentBase = 0;
  let objectBase = 0;
  for (const b of before) {
    documentBase += b.unit.lint.documents;
    objectBase += b.unit.lint.objects;
  }
  return { start, documentBase, objectBase };
}

/** A unit's facts numbered as in the file; the same objects as last time when the unit has not moved. */
function placedFacts(u: IncrementalUnit): FileFacts {
  const p = u.placedFacts;
  if (p && p.documentBase === u.documentBase && p.objectBase === u.objectBase) return p.facts;
  u.placedFacts = { documentBase: u.documentBase, objectBase: u.objectBase, facts: shiftFacts(u.lint.facts, u) };
  return u.placedFacts.facts;
}

/** Whether two runs give the file the same facts: the same units' facts at the same document and object numbers. */
function sameFacts(a: readonly IncrementalUnit[], b: readonly IncrementalUnit[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.factsKey !== y.factsKey) return false;
    if (x.factsKey !== NO_FACTS && (x.documentBase !== y.documentBase || x.objectBase !== y.objectBase)) return false;
  }
  return true;
}

const NO_FACTS = JSON.stringify(emptyFacts());
/** The generation of a unit not linted yet (generations count from 0). */
const NOT_CHECKED = -1;

/** What planning and placing a unit need of its lint, known from its parse before it is linted. */
function factsOnly(parsed: ParsedManifest): Omit<UnitLint, 'facts'> {
  const objects = parsed.documents.reduce((n, d) => n + d.objects.length, 0);
  return { documents: parsed.documents.length, tokens: parsed.tokens ?? 0, objects, hasObjects: objects > 0, findings: [], podNamespaces: [], dependencies: [] };
}
const NO_DIRECTIVES = { directives: [], invalid: [] };

/**
 * Fixes computed on the part of the document a finding is in (its `---` documents parsed alone, see
 * document-state.ts), not on the whole file: a quick fix on a 20,000-line file parses one document.
 *
 * A part gives the same fixes as the whole file when the fixes' file-wide choices agree: the line break (the first
 * one of the text), JSON or YAML (how the text starts) and, for JSON, the indentation of the first indented line.
 * Otherwise, and for fixers that read other documents of the file, the whole file is parsed.
 */
import { NamespaceIndex, PolicyResolver, WHOLE_FILE_FIXERS } from '../engine';
import type { Finding, Fix, LintOptions, ParsedManifest, PolicyDecision, TextEdit } from '../engine';
import { DependencyRecorder } from '../engine/incremental';
import { isJsonText } from '../engine/fixes/style';
import { eolOf } from '../engine/fixes/text';
import type { FileFacts } from '../engine/workspace-facts';
import { DocumentPart, DocumentState, partOf, partsOf, toPartFinding } from './document-state';

/** Where a finding's fixes are computed, and how far that text is shifted in the file. */
export interface FixTarget {
  parsed: ParsedManifest;
  finding: Finding;
  offset: number;
}

export function fixTarget(state: DocumentState, finding: Finding): FixTarget {
  const parts = partsOf(state);
  if (parts.length > 1 && !WHOLE_FILE_FIXERS.has(finding.ruleId)) {
    const p = partOf(parts, finding);
    if (sameFileStyle(state, p.part)) return { parsed: p.parsed(), finding: toPartFinding(finding, p.part), offset: p.part.start };
  }
  return { parsed: state.parsed, finding, offset: 0 };
}

export function shiftEdits(edits: readonly TextEdit[], offset: number): TextEdit[] {
  return offset ? edits.map((e) => ({ span: { start: e.span.start + offset, end: e.span.end + offset }, newText: e.newText })) : [...edits];
}

export function shiftFix(fix: Fix, offset: number): Fix {
  return offset ? { ...fix, edits: shiftEdits(fix.edits, offset) } : fix;
}

const styleCache = new WeakMap<DocumentState, Map<number, boolean>>();

/** Whether a part, read alone, makes the same file-wide style choices as the whole text. */
export function sameFileStyle(state: DocumentState, part: DocumentPart): boolean {
  let known = styleCache.get(state);
  if (!known) styleCache.set(state, (known = new Map()));
  let same = known.get(part.start);
  if (same === undefined) {
    const text = state.document.getText();
    const partText = text.slice(part.start, part.end);
    const json = isJsonText(text);
    same = eolOf(text) === eolOf(partText) && json === isJsonText(partText) && (!json || jsonUnit(text) === jsonUnit(partText));
    known.set(part.start, same);
  }
  return same;
}

/** style.ts's JSON indentation: the first indented line's. */
function jsonUnit(text: string): number {
  const m = /\n( +)\S/.exec(text);
  return m ? m[1].length : 2;
}

/** The name fix-all lints a file under when it looks at the file alone. */
const LONE_FILE = '<file>';

/**
 * What fix-all lints with: the document's own policy decisions, and (as lintParsed does for a file alone) the facts
 * of this file only. For a part, those facts are seen from the part, as its own objects are numbered.
 */
export function fixAllLint(state: DocumentState): (part?: DocumentPart) => LintOptions {
  const policy = new StatePolicy((ns) => state.policyFor(ns));
  const facts = state.facts;
  if (!facts || !state.parts) return () => ({ policy });
  const index = new NamespaceIndex();
  index.updateFacts(LONE_FILE, renamed(facts, LONE_FILE));
  return (part) => {
    if (!part) return { policy, hardening: { workspace: index, file: LONE_FILE } };
    const view = new DependencyRecorder(index, { file: LONE_FILE, documents: part.documentBase, objects: part.objectBase }).index;
    return { policy, hardening: { workspace: view, file: LONE_FILE } };
  };
}

/** What fix-all lints with when it fixes Pod Security findings only: the hardening rules need not run. */
export function podSecurityLint(state: DocumentState): LintOptions {
  return { policy: new StatePolicy((ns) => state.policyFor(ns)), hardening: false };
}

function renamed(facts: FileFacts, file: string): FileFacts {
  const move = <T extends { file: string }>(list: T[]): T[] => list.map((f) => ({ ...f, file }));
  return {
    namespaces: move(facts.namespaces),
    serviceAccounts: move(facts.serviceAccounts),
    networkPolicies: move(facts.networkPolicies),
    limitRanges: move(facts.limitRanges),
    workloads: move(facts.workloads),
  };
}

/** A PolicyResolver that answers with the decisions the document was analysed with. */
export class StatePolicy extends PolicyResolver {
  constructor(private readonly decide: (namespace: string | undefined) => PolicyDecision) {
    super({}, { labels: () => undefined });
  }

  override forObject(object: { namespace?: string }): PolicyDecision {
    return this.decide(object.namespace);
  }
}

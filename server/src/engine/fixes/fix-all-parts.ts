/**
 * Fix-all over a text made of parts that parse on their own (runs of `---` documents, see engine/incremental): each
 * part that may have something to fix goes through fixAll by itself, so a round re-parses and re-lints only the
 * documents it changed, and the parts without findings are not even parsed. Fixes, findings and lints of one part
 * do not depend on the others (a fixer that reads other documents is in WHOLE_FILE_FIXERS and must not be run
 * this way), so the fixed text is the one fixAll gives for the whole file; its edits are the line diffs of each part.
 */
import type { LintOptions } from '../lint';
import type { Finding } from '../types';
import { fixAll, FixAllOptions, FixAllResult } from './fix-all';

/** A run of documents of a text: its spans count from `start`, its documents from `documentBase`. */
export interface TextPart {
  start: number;
  end: number;
  documentBase: number;
}

/** Rules whose fixers read other documents of the file (`FixContext.parsed`): their fixes need the whole parse. */
export const WHOLE_FILE_FIXERS: ReadonlySet<string> = new Set(['networkPolicyDefaultDeny']);

export interface PartFixAllOptions extends FixAllOptions {
  /** Whether a part may have something to fix (the others are left as they are); default every part. */
  worthFixing?: (part: TextPart) => boolean;
  /** The lint options of one part (e.g. a view of the workspace relative to it); default `lint`. */
  lintFor?: (part: TextPart) => LintOptions;
}

export function fixAllInParts(text: string, parts: readonly TextPart[], options: PartFixAllOptions): FixAllResult {
  const pieces: string[] = [];
  const edits: FixAllResult['edits'] = [];
  let applied = 0;
  let rounds = 0;
  const select = options.select;
  for (const part of parts) {
    const partText = text.slice(part.start, part.end);
    if (options.worthFixing && !options.worthFixing(part)) {
      pieces.push(partText);
      continue;
    }
    const result = fixAll(partText, {
      ...options,
      lint: options.lintFor?.(part) ?? options.lint,
      select: select && ((f: Finding) => select(inFile(f, part))),
    });
    pieces.push(result.text);
    applied += result.applied;
    rounds = Math.max(rounds, result.rounds);
    for (const e of result.edits) edits.push({ span: { start: e.span.start + part.start, end: e.span.end + part.start }, newText: e.newText });
  }
  return { text: pieces.join(''), edits, applied, rounds };
}

/** A finding of a part as the whole file numbers it. */
export function inFile(f: Finding, part: TextPart): Finding {
  if (!part.start && !part.documentBase) return f;
  return { ...f, span: { start: f.span.start + part.start, end: f.span.end + part.start }, documentIndex: f.documentIndex + part.documentBase };
}

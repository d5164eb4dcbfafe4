/**
 * One fix may insert at several levels after the same line: a container's last line is also where its new
 * `securityContext:` goes, where `volumeMounts` items are appended and where the pod spec's `volumes:` follows its
 * `containers:`. Separate edits there would collide, so they are joined into one, innermost collection first: in
 * block YAML that is the more indented text, and at equal indentation list items (`- name: tmp`) before keys, since
 * items at a key's column belong to the list of the key above them. An insertion right at the end of a replacement
 * (an emptied `volumeMounts: []` now holding items) is appended to it.
 */
import type { TextEdit } from '../types';

export function joinAtSamePlace(edits: readonly (TextEdit | undefined)[]): TextEdit[] {
  const present = edits.filter((e): e is TextEdit => !!e);
  const replacements = present.filter((e) => e.span.start !== e.span.end).map((e) => ({ ...e }));
  const insertions = new Map<number, TextEdit[]>();
  for (const e of present) {
    if (e.span.start !== e.span.end) continue;
    insertions.set(e.span.start, [...(insertions.get(e.span.start) ?? []), e]);
  }
  const out: TextEdit[] = [...replacements];
  for (const [at, group] of insertions) {
    const text = [...group].sort((a, b) => depthOf(b.newText) - depthOf(a.newText)).map((e) => e.newText).join('');
    const before = replacements.find((r) => r.span.end === at);
    if (before) before.newText += text;
    else out.push({ span: { start: at, end: at }, newText: text });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Inner text first: more spaces before it, and at equal spaces a list item before a key. */
function depthOf(newText: string): number {
  const m = /^[\r\n]*( *)(-(?:\s|$))?/.exec(newText)!;
  return m[1].length * 2 + (m[2] ? 1 : 0);
}

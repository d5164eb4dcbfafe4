/**
 * Removes sequence items and map entries. In block style the whole lines go (so no blank line is left behind); an
 * entry that shares its line with the sequence dash (`- hostPort: 80`) is cut up to the next entry so the dash
 * stays. In flow style the item goes with one of its commas.
 */
import { Pair, YAMLMap, YAMLSeq } from 'yaml';
import { refuse } from '../refuse';
import { renderFlow, renderKey } from '../render';
import { lineStart, nextLineStart, onlySpaceBefore } from '../text';
import type { FixValue, TextEdit } from '../types';
import type { EditContext } from './context';
import { contentEnd, keysQuoted, startOf } from './nodes';
import { dashOf } from './insert';

export function removeItems(ctx: EditContext, seq: YAMLSeq, indices: number[]): TextEdit[] {
  const remove = new Set(indices);
  if (seq.flow) return removeFlowItems(ctx.text, seq.items, remove);
  return [...remove].sort((a, b) => a - b).map((i) => {
    const item = seq.items[i] ?? refuse('no such item');
    const dash = dashOf(ctx.text, startOf(item));
    return { span: { start: lineStart(ctx.text, dash), end: nextLineStart(ctx.text, contentEnd(ctx.text, item)) }, newText: '' };
  });
}

/** Removes entries of a map; refused when a sequence item would be left with no entry (remove the item instead). */
export function removePairs(ctx: EditContext, map: YAMLMap, pairs: Pair[]): TextEdit[] {
  const { text } = ctx;
  const remove = new Set(pairs.map((p) => map.items.indexOf(p)));
  if (remove.has(-1)) refuse('entry not in map');
  if (map.flow) return removeFlowItems(text, map.items, remove);
  const edits: TextEdit[] = [];
  const indices = [...remove].sort((a, b) => a - b);
  for (let n = 0; n < indices.length; n++) {
    const i = indices[n];
    const start = startOf(map.items[i]);
    if (onlySpaceBefore(text, start)) {
      edits.push({ span: { start: lineStart(text, start), end: nextLineStart(text, contentEnd(text, map.items[i])) }, newText: '' });
      continue;
    }
    // The first entry of a sequence item: keep `- ` and pull the next kept entry up onto this line.
    dashOf(text, start);
    let next = i + 1;
    while (remove.has(next)) next++;
    if (next >= map.items.length) refuse('the sequence item would be left empty');
    edits.push({ span: { start, end: startOf(map.items[next]) }, newText: '' });
    while (n + 1 < indices.length && indices[n + 1] < next) n++;
  }
  return edits;
}

/** Removes flow items with their commas: leading ones up to the first kept item, later ones from the previous item's end. */
function removeFlowItems(text: string, items: unknown[], remove: Set<number>): TextEdit[] {
  if (!remove.size) return [];
  const start = (i: number) => startOf(items[i]);
  const end = (i: number) => contentEnd(text, items[i]);
  if (remove.size === items.length) return [{ span: { start: start(0), end: end(items.length - 1) }, newText: '' }];
  let kept = 0;
  while (remove.has(kept)) kept++;
  const edits: TextEdit[] = [];
  if (kept > 0) edits.push({ span: { start: start(0), end: start(kept) }, newText: '' });
  for (let i = kept + 1; i < items.length; i++) if (remove.has(i)) edits.push({ span: { start: end(i - 1), end: end(i) }, newText: '' });
  return edits;
}

/** Replaces one entry (key and value, however many lines) by `key: value` written on one line. */
export function replacePair(ctx: EditContext, map: YAMLMap, pair: Pair, key: string, value: FixValue): TextEdit {
  const json = ctx.style.json;
  const start = startOf(pair);
  const end = contentEnd(ctx.text, pair);
  return { span: { start, end }, newText: `${renderKey(key, json, map.flow ? keysQuoted(map) : false)}: ${renderFlow(value, json)}` };
}

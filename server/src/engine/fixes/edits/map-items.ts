/**
 * Lists whose items are maps (`volumeMounts`, `volumes`), written like their neighbours. In block style an item's
 * first entry shares the line with its `-` and the others line up under it, as far from the dash as the existing
 * items' keys are (`- name` or `-   name`); in flow style and JSON the items are flow maps (pretty JSON when the
 * list spreads over lines). `ensureMapItems` puts items under a key whether the list exists, is empty or is absent.
 */
import { isMap, isSeq, Pair, YAMLSeq } from 'yaml';
import type { NodeReader, Ref } from '../../parse/nodes';
import { refuse } from '../refuse';
import { renderBlockEntries, renderFlow, renderJsonPretty, renderKey } from '../render';
import { dashBefore, DocStyle } from '../style';
import { columnOf, onlySpaceBefore } from '../text';
import type { FixValue, TextEdit } from '../types';
import type { EditContext } from './context';
import { fillEmptyValue } from './empty-value';
import { dashOf, insertIntoFlow, insertLinesAfter, insertPairs } from './insert';
import { editableMap, editableSeq, ownNode, ownPair, startOf } from './nodes';

export type MapItem = { [key: string]: FixValue };

/** Block lines of map items: each starts with `-` at `dashColumn`, its keys `gap` columns further. */
export function renderBlockMapItems(items: readonly MapItem[], dashColumn: number, gap: number, style: DocStyle): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const entries = renderBlockEntries(item, dashColumn + gap, style);
    if (!entries.length) refuse('empty list item');
    lines.push(`${' '.repeat(dashColumn)}-${' '.repeat(gap - 1)}${entries[0].trimStart()}`, ...entries.slice(1));
  }
  return lines;
}

/** Columns from a block list item's `-` to its first key, as written on an existing item (2 when it cannot be told). */
export function itemGap(text: string, item: unknown): number {
  if (!isMap(item) || item.flow || !item.items.length) return 2;
  const start = startOf(item.items[0]);
  const dash = dashBefore(text, start);
  if (dash === undefined || !onlySpaceBefore(text, dash)) return 2;
  return start - dash;
}

/** Appends map items to a list that has items (block or flow). */
export function appendMapItems(ctx: EditContext, seq: YAMLSeq, items: readonly MapItem[]): TextEdit {
  const { text, style } = ctx;
  if (seq.flow) {
    return insertIntoFlow(ctx, seq, (indent, multiline) => items.map((i) => (style.json && multiline ? renderJsonPretty(i, indent, style) : renderFlow(i, style.json))));
  }
  const last = seq.items[seq.items.length - 1] ?? refuse('empty block sequence');
  const dash = dashOf(text, startOf(last));
  return insertLinesAfter(ctx, last, renderBlockMapItems(items, columnOf(text, dash), itemGap(text, last), style));
}

export interface ListPlacement {
  /** Where a missing `key:` goes in a block map: after this entry (default: after the map's last entry). */
  after?: Pair;
  /** Dash-to-key gap for a new block list (default 2; see itemGap). */
  gap?: number;
}

/** One edit that adds `items` to the list under `key` of the map `holder`, creating or filling the list. */
export function ensureMapItems(ctx: EditContext, reader: NodeReader, holder: Ref, key: string, items: readonly MapItem[], place: ListPlacement = {}): TextEdit {
  const { text, style } = ctx;
  const map = editableMap(holder);
  const pair = ownPair(map, key);
  const list = reader.child(holder, key);
  const gap = place.gap ?? 2;
  const blockList = (keyColumn: number) => renderBlockMapItems(items, keyColumn + style.seqIndent, gap, style);
  if (!list) {
    if (map.flow) return insertPairs(ctx, map, { [key]: [...items] });
    const first = map.items[0] ?? refuse('empty block map');
    const column = columnOf(text, startOf(first));
    return insertLinesAfter(ctx, place.after ?? map.items[map.items.length - 1], [`${' '.repeat(column)}${renderKey(key, false)}:`, ...blockList(column)]);
  }
  if (!pair || list.aliased) refuse(`${key} comes from an alias or merge key`);
  const node = ownNode(list);
  if (isSeq(node) && node.items.length) return appendMapItems(ctx, editableSeq(list), items);
  return fillEmptyValue(ctx, map, pair, blockList, [...items]);
}

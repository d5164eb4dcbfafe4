/**
 * Adds entries to an existing map where a person would: after its last entry, at the map's own indentation in a
 * block map, or before the closing brace of a flow map (`, key: value`, or on a new line when the map spreads over
 * lines, as formatted JSON does). Also fills an empty value (`securityContext:`) with a nested map or list.
 */
import { isMap, isPair, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { refuse } from '../refuse';
import { renderBlockEntries, renderFlow, renderJsonPretty, renderKey, renderScalar, Quote } from '../render';
import { columnOf, indentationOf, isLineStart, lineEnd, lineStart, onlySpaceBefore } from '../text';
import type { FixValue, TextEdit } from '../types';
import type { EditContext } from './context';
import { contentEnd, isBlockScalar, keysQuoted, lastLeaf, startOf } from './nodes';

export function insertPairs(ctx: EditContext, map: YAMLMap, entries: { [key: string]: FixValue }): TextEdit {
  if (map.flow) return insertIntoFlow(ctx, map, (indent, multiline) => flowPairs(ctx, entries, keysQuoted(map), indent, multiline));
  const first = map.items.find(isPair) ?? refuse('empty block map');
  const column = columnOf(ctx.text, startOf(first));
  return insertLinesAfter(ctx, map.items[map.items.length - 1], renderBlockEntries(entries, column, ctx.style));
}

/** Appends scalar items to a sequence: `- item` lines at the existing dash column, or `, item` in flow style. */
export function appendItems(ctx: EditContext, seq: YAMLSeq, items: (string | number | boolean)[], quote: Quote): TextEdit {
  const render = (v: string | number | boolean) => renderScalar(v, quote, ctx.style.json);
  if (seq.flow) return insertIntoFlow(ctx, seq, () => items.map(render));
  const last = seq.items[seq.items.length - 1] as Node | null;
  const start = last?.range?.[0] ?? refuse('empty block sequence');
  const dash = dashOf(ctx.text, start);
  return insertLinesAfter(ctx, last, items.map((v) => `${' '.repeat(columnOf(ctx.text, dash))}- ${render(v)}`));
}

/** The `-` of the block sequence item whose content starts at `offset`; refused unless it begins its line. */
export function dashOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] === ' ') i--;
  if (i === 0 || text[i - 1] !== '-' || !onlySpaceBefore(text, i - 1)) refuse('sequence item does not start its line');
  return i - 1;
}

/** New lines after `node` (a pair or an item) and everything nested in it. */
export function insertLinesAfter(ctx: EditContext, node: unknown, lines: string[]): TextEdit {
  const { text, style } = ctx;
  const body = lines.join(style.eol);
  const value = lastLeaf(node);
  if (isBlockScalar(value)) {
    // A block scalar owns the line breaks up to its range end (they may be content with `|+`); insert after them.
    const p = (value as Node).range![1];
    return isLineStart(text, p) ? { span: { start: p, end: p }, newText: body + style.eol } : { span: { start: p, end: p }, newText: style.eol + body };
  }
  const p = lineEnd(text, contentEnd(text, node));
  return { span: { start: p, end: p }, newText: style.eol + body };
}

/** Rendered items; `indent` is the leading whitespace of the line the items go on (only when `multiline`). */
export type FlowItems = (indent: string, multiline: boolean) => string[];

/** Inserts rendered items before the closing bracket of a flow collection, after its last item. */
export function insertIntoFlow(ctx: EditContext, collection: YAMLMap | YAMLSeq, render: FlowItems): TextEdit {
  const { text, style } = ctx;
  const [open, close] = collection.range ?? refuse('flow collection without a position');
  if (!collection.items.length) {
    const p = open + 1;
    return { span: { start: p, end: p }, newText: render('', false).join(', ') };
  }
  const last = collection.items[collection.items.length - 1];
  const lastStart = startOf(last);
  const end = contentEnd(text, last);
  if (end > close) refuse('unexpected flow collection shape');
  const multiline = lineStart(text, lastStart) !== lineStart(text, open) && onlySpaceBefore(text, lastStart);
  if (multiline) {
    const indent = indentationOf(text, lastStart);
    const items = render(indent, true);
    return { span: { start: end, end }, newText: items.map((i) => `,${style.eol}${indent}${i}`).join('') };
  }
  return { span: { start: end, end }, newText: render('', false).map((i) => `, ${i}`).join('') };
}

function flowPairs(ctx: EditContext, entries: { [key: string]: FixValue }, quotedKeys: boolean, indent: string, multiline: boolean): string[] {
  const json = ctx.style.json;
  return Object.entries(entries).map(([k, v]) => {
    const value = json && multiline ? renderJsonPretty(v, indent, ctx.style) : renderFlow(v, json);
    return `${renderKey(k, json, quotedKeys)}: ${value}`;
  });
}

/**
 * Gives an empty value (`securityContext:`, `securityContext: ~`) a map or list. In a block map an empty value
 * gets nested lines; an explicit null is replaced by the flow (or JSON) form.
 */
export function fillEmpty(ctx: EditContext, parent: YAMLMap, pair: Pair, value: FixValue): TextEdit {
  const { text, style } = ctx;
  const node = pair.value as Node | null;
  const key = pair.key as Node | null;
  if (!key?.range) refuse('key without a position');
  if (node && (node.anchor || node.tag || isMap(node) || isSeq(node))) refuse('value is not empty');
  const range = node?.range ?? [key.range[1], key.range[1]];
  const flowList = Array.isArray(value) && style.flowScalarLists && value.every((v) => typeof v !== 'object');
  if (range[0] === range[1] && !parent.flow && typeof value === 'object' && !flowList) {
    const column = columnOf(text, key.range[0]);
    let lines: string[];
    if (Array.isArray(value)) {
      lines = value.map((v) => `${' '.repeat(column + style.seqIndent)}- ${renderFlow(v, false)}`);
    } else {
      lines = renderBlockEntries(value, column + style.unit, style);
    }
    if (!lines.length) refuse('nothing to write');
    const p = lineEnd(text, key.range[1]);
    return { span: { start: p, end: p }, newText: style.eol + lines.join(style.eol) };
  }
  const rendered = renderFlow(value, style.json, flowList ? style.listQuote : 'plain');
  if (range[0] === range[1]) return { span: { start: range[0], end: range[0] }, newText: ` ${rendered}` };
  return { span: { start: range[0], end: range[1] }, newText: rendered };
}

/**
 * Gives an empty value its first content. In a block map `key:`, `key: ~`, `key: {}` and `key: []` become `key:`
 * followed by nested block lines (a comment after the value stays on the key's line), which is what a person
 * writes; kubectl-generated manifests are full of `resources: {}`. In a flow map, and in JSON, the value is written
 * in flow style instead (pretty JSON when the map spreads over lines).
 */
import { isMap, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import { refuse } from '../refuse';
import { renderFlow, renderJsonPretty } from '../render';
import { columnOf, indentationOf, lineEnd, onlySpaceBefore } from '../text';
import type { FixValue, TextEdit } from '../types';
import type { EditContext } from './context';
import { fillEmpty } from './insert';

/** The text an empty value may have: nothing, a null, or an empty flow collection without comments. */
const EMPTY_TEXT = /^(?:~|null|Null|NULL|\{\s*\}|\[\s*\])$/;

export function isEmptyValue(node: Node | null): boolean {
  if (!node) return true;
  if (node.anchor || node.tag) return false;
  if (isScalar(node)) return node.value === null;
  return (isMap(node) || isSeq(node)) && !!node.flow && !node.items.length;
}

/**
 * Fills the empty value of `pair` in `parent`: with `block(keyColumn)` lines in a block map, else with `value` in
 * flow style. Refused when the value is not empty.
 */
export function fillEmptyValue(ctx: EditContext, parent: YAMLMap, pair: Pair, block: (keyColumn: number) => string[], value: FixValue): TextEdit {
  const { text, style } = ctx;
  const key = pair.key as Node | null;
  const node = pair.value as Node | null;
  if (!key?.range) refuse('key without a position');
  if (!isEmptyValue(node)) refuse('value is not empty');
  const range = node?.range;
  const written = range && range[1] > range[0];
  if (written && !EMPTY_TEXT.test(text.slice(range[0], range[1]))) refuse('unexpected text in an empty value');
  if (parent.flow || style.json) return fillFlow(ctx, parent, pair, key, node, value);
  const lines = block(columnOf(text, key.range[0]));
  if (!lines.length) refuse('nothing to write');
  const body = style.eol + lines.join(style.eol);
  if (!written) {
    const p = lineEnd(text, key.range[1]);
    return { span: { start: p, end: p }, newText: body };
  }
  // Drop ` {}` after the colon and keep whatever followed it on the line (spaces, a comment) on the key's line.
  const colon = text.lastIndexOf(':', range[0]);
  if (colon < key.range[1]) refuse('no colon before the value');
  const end = lineEnd(text, range[1]);
  if (!/^\s*(#.*)?$/.test(text.slice(range[1], end))) refuse('more text after the value');
  return { span: { start: colon + 1, end }, newText: text.slice(range[1], end) + body };
}

function fillFlow(ctx: EditContext, parent: YAMLMap, pair: Pair, key: Node, node: Node | null, value: FixValue): TextEdit {
  const { text, style } = ctx;
  if (!node?.range || node.range[0] === node.range[1] || isScalar(node)) return fillEmpty(ctx, parent, pair, value);
  const spread = style.json && onlySpaceBefore(text, key.range![0]);
  const rendered = spread ? renderJsonPretty(value, indentationOf(text, key.range![0]), style) : renderFlow(value, style.json);
  return { span: { start: node.range[0], end: node.range[1] }, newText: rendered };
}

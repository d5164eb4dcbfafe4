/** Replaces a scalar value in place, keeping its quoting (`"Unconfined"` becomes `"RuntimeDefault"`). */
import { isScalar } from 'yaml';
import type { Ref } from '../../parse/nodes';
import { refuse } from '../refuse';
import { renderScalar } from '../render';
import type { TextEdit } from '../types';
import type { EditContext } from './context';
import { isBlockScalar, ownNode, quoteOf } from './nodes';

/**
 * An edit that makes the value at `ref` equal `value`, or undefined when it already is. An empty value
 * (`privileged:`) gets the value written after its colon.
 */
export function setScalar(ctx: EditContext, ref: Ref, value: string | number | boolean): TextEdit | undefined {
  const node = ownNode(ref);
  if (!isScalar(node) || !node.range) refuse('not a scalar');
  if (node.anchor) refuse('scalar is anchored');
  // A tag (`!!str true`) would give the new text another type than intended.
  if (node.tag) refuse('tagged scalar');
  if (isBlockScalar(node)) refuse('block scalar');
  if (node.value === value) return undefined;
  const rendered = renderScalar(value, typeof value === 'string' && node.value !== null ? quoteOf(node) : 'plain', ctx.style.json);
  const [start, end] = node.range;
  if (start === end) return { span: { start, end }, newText: ` ${rendered}` };
  return { span: { start, end }, newText: rendered };
}

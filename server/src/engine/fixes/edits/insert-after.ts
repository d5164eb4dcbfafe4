/**
 * Inserts entries right after a given entry of a map, where a person would put a related key
 * (`imagePullPolicy` after `image`, `automountServiceAccountToken` after `serviceAccountName`): on the next lines at
 * the entry's column in a block map, or after it with a comma in a flow map (on a new line when the entry starts
 * its own line, as in formatted JSON). Without that entry the entries go after the map's last entry.
 */
import { isPair, Pair, YAMLMap } from 'yaml';
import { refuse } from '../refuse';
import { renderBlockEntries, renderFlow, renderJsonPretty, renderKey } from '../render';
import { columnOf, indentationOf, onlySpaceBefore } from '../text';
import type { FixValue, TextEdit } from '../types';
import type { EditContext } from './context';
import { insertLinesAfter, insertPairs } from './insert';
import { contentEnd, keysQuoted, startOf } from './nodes';

export function insertPairsAfter(ctx: EditContext, map: YAMLMap, after: Pair | undefined, entries: { [key: string]: FixValue }): TextEdit {
  if (!after || after === map.items[map.items.length - 1]) return insertPairs(ctx, map, entries);
  if (!isPair(after) || !map.items.includes(after)) refuse('entry not in map');
  const { text, style } = ctx;
  const start = startOf(after);
  if (!map.flow) return insertLinesAfter(ctx, after, renderBlockEntries(entries, columnOf(text, start), style));
  const end = contentEnd(text, after);
  const quoted = style.json || keysQuoted(map);
  if (onlySpaceBefore(text, start)) {
    const indent = indentationOf(text, start);
    const lines = Object.entries(entries).map(([k, v]) => `,${style.eol}${indent}${renderKey(k, style.json, quoted)}: ${style.json ? renderJsonPretty(v, indent, style) : renderFlow(v, false)}`);
    return { span: { start: end, end }, newText: lines.join('') };
  }
  return { span: { start: end, end }, newText: Object.entries(entries).map(([k, v]) => `, ${renderKey(k, style.json, quoted)}: ${renderFlow(v, style.json)}`).join('') };
}

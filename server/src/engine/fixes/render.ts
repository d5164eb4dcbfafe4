/**
 * Renders values a fix writes: block YAML lines, flow YAML (`{type: RuntimeDefault}`) or JSON, with scalars quoted
 * the way the surrounding text quotes them.
 */
import { refuse } from './refuse';
import type { DocStyle } from './style';
import type { FixValue } from './types';

export type Quote = 'plain' | 'double' | 'single';

/** Words a YAML 1.1 reader takes for something other than a string. */
const SPECIAL = /^(?:[yYnN~]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;
const PLAIN_SAFE = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
/** Resource quantities such as `100m` and `128Mi`: strings to every YAML reader, written plain as people do. */
const PLAIN_QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)$/;

export function renderScalar(value: string | number | boolean, quote: Quote, json: boolean): string {
  if (typeof value !== 'string') return String(value);
  if (json || quote === 'double') return JSON.stringify(value);
  if (quote === 'single') return `'${value.replace(/'/g, "''")}'`;
  return (PLAIN_SAFE.test(value) || PLAIN_QUANTITY.test(value)) && !SPECIAL.test(value) ? value : JSON.stringify(value);
}

export function renderKey(key: string, json: boolean, quoted = false): string {
  return json || quoted ? JSON.stringify(key) : renderScalar(key, 'plain', false);
}

const isObject = (v: FixValue): v is { [key: string]: FixValue } => typeof v === 'object' && !Array.isArray(v);

/** One line (no line break) in flow style: `{a: b, c: [d]}`, or JSON when `json`. */
export function renderFlow(value: FixValue, json: boolean, quote: Quote = 'plain'): string {
  if (Array.isArray(value)) return `[${value.map((v) => renderFlow(v, json, quote)).join(', ')}]`;
  if (isObject(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${renderKey(k, json)}: ${renderFlow(v, json, quote)}`);
    return `{${entries.join(', ')}}`;
  }
  return renderScalar(value, quote, json);
}

/** JSON spread over lines as a formatter would write it, continuation lines starting at `indent` columns. */
export function renderJsonPretty(value: FixValue, indent: string, style: DocStyle): string {
  return JSON.stringify(value, null, style.jsonIndent).split('\n').join(style.eol + indent);
}

/** Block YAML lines for `key: value` entries at `column` (nested maps step by the document's unit). */
export function renderBlockEntries(entries: { [key: string]: FixValue }, column: number, style: DocStyle): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    const k = renderKey(key, false);
    if (isObject(value) && Object.keys(value).length) {
      lines.push(`${pad}${k}:`, ...renderBlockEntries(value, column + style.unit, style));
    } else if (Array.isArray(value) && value.length && style.flowScalarLists && value.every((v) => typeof v !== 'object')) {
      lines.push(`${pad}${k}: ${renderFlow(value, false, style.listQuote)}`);
    } else if (Array.isArray(value) && value.length) {
      lines.push(`${pad}${k}:`);
      for (const item of value) {
        if (typeof item === 'object') refuse('nested collections in a block sequence');
        lines.push(`${' '.repeat(column + style.seqIndent)}- ${renderScalar(item, 'plain', false)}`);
      }
    } else {
      lines.push(`${pad}${k}: ${renderFlow(value, false)}`);
    }
  }
  return lines;
}

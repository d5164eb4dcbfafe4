/** Wording helpers shared by the checks; they mirror the controller's detail formatting. */

export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** `"a", "b"` */
export function joinQuote(items: readonly string[]): string {
  return items.map((i) => `"${i}"`).join(', ');
}

/** Distinct values sorted by byte order (Go's sort.Strings). */
export function sortedUnique(items: readonly string[]): string[] {
  return [...new Set(items)].sort(byteOrder);
}

/**
 * UTF-8 byte order, which is code point order. JavaScript's `<` compares UTF-16 units, which puts an astral
 * character (a surrogate pair, 0xD800...) before U+E000..U+FFFF where Go puts it after.
 */
export function byteOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Distinct values in first-seen order. */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** `container "x"` / `containers "a", "b"` */
export function containersPhrase(names: readonly string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
}

/**
 * `pod`, `container "x"` / `containers "a", "b"` (and `annotation`/`annotations`) joined by ` and `, the subject of
 * details that span the pod and its containers.
 */
export function whoPhrase(pod: boolean, containers: readonly string[], annotations = 0): string {
  const parts: string[] = [];
  if (pod) parts.push('pod');
  if (containers.length) parts.push(containersPhrase(containers));
  if (annotations) parts.push(pluralize('annotation', 'annotations', annotations));
  return parts.join(' and ');
}

const GO_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };
/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's `%q` / strconv.Quote of a string, as the controller renders annotation values (`key="value"`). */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const escaped = GO_ESCAPES[ch];
    if (escaped) out += escaped;
    else if (GO_PRINTABLE.test(ch)) out += ch;
    else {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, '0')}`;
      else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
      else out += `\\U${cp.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

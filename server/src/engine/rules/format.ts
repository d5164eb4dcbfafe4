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

export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

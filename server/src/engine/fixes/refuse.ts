/**
 * A fix that cannot be made safely (a value from an alias, duplicate keys, an unexpected shape) is refused by
 * throwing CannotFix from deep inside the edit builders; the entry points catch it and offer nothing.
 */
export class CannotFix extends Error {}

export function refuse(reason: string): never {
  throw new CannotFix(reason);
}

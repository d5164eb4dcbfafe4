/**
 * Kubernetes resource quantities (`100m`, `128Mi`, `1.5`, `2e3`): recognised so that a configured default that is
 * not one is never written, and valued so that a limit the fix writes is never below an existing request.
 */
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;

const FACTORS: Record<string, number> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

export function isQuantity(text: string): boolean {
  return QUANTITY.test(text);
}

/** The quantity's value in base units (cores, bytes); undefined when the text is not a quantity. */
export function quantityValue(text: string): number | undefined {
  if (!QUANTITY.test(text)) return undefined;
  const suffix = /(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)$/.exec(text)?.[1] ?? '';
  return Number(text.slice(0, text.length - suffix.length)) * FACTORS[suffix];
}

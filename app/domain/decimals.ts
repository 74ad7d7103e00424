/**
 * True when `value` is written with at most `decimals` decimals (3.4 has 1, 1e-10 has 10).
 * Compared through its shortest decimal form, so 3.4 — stored as 3.39999… — counts as 1.
 */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  return Number.isFinite(value) && Number(value.toFixed(decimals)) === value;
}

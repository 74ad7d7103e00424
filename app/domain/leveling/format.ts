import { atLeast } from "./compare";

const DISPLAY_DECIMALS = 2;
const MAX_DISPLAY_DECIMALS = 10;

/** Scores are shown with 2 decimals; rounding is for display only. */
export function formatScore(value: number): string {
  return value.toFixed(DISPLAY_DECIMALS);
}

/**
 * "2.49 < 2.50" or "3.10 ≥ 3.00". A failing value that rounds to the threshold (2.4999)
 * gets more decimals, so the message never reads "2.50 < 2.50".
 */
export function formatComparison(value: number, threshold: number): string {
  if (atLeast(value, threshold)) return `${formatScore(value)} ≥ ${formatScore(threshold)}`;
  let decimals = DISPLAY_DECIMALS;
  while (decimals < MAX_DISPLAY_DECIMALS && value.toFixed(decimals) === threshold.toFixed(decimals)) decimals += 1;
  return `${value.toFixed(decimals)} < ${formatScore(threshold)}`;
}

const usdFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

// Intl formatting costs more than the rest of a band message put together, and the amounts
// are a policy's few band edges (and their premiums): remembered once formatted. Bounded,
// so what-if runs over many policies cannot grow it without limit.
const usdCache = new Map<number, string>();
const USD_CACHE_MAX = 1000;

function formatUsd(amount: number): string {
  // A Map does not tell 0 from -0, which format as "0" and "-0".
  if (amount === 0) return usdFormat.format(amount);
  let text = usdCache.get(amount);
  if (text === undefined) {
    text = usdFormat.format(amount);
    if (usdCache.size >= USD_CACHE_MAX) usdCache.clear();
    usdCache.set(amount, text);
  }
  return text;
}

/** "7,000–10,000 USD/month" */
export function formatBand(band: { min: number; max: number }): string {
  return `${formatUsd(band.min)}–${formatUsd(band.max)} USD/month`;
}

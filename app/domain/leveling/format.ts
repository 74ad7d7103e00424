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

/** "7,000–10,000 USD/month" */
export function formatBand(band: { min: number; max: number }): string {
  return `${usdFormat.format(band.min)}–${usdFormat.format(band.max)} USD/month`;
}

/** Display helpers for the calibration page and CSV (no Zod: the page's bundle imports them). */
import { SPREAD_BIN_COUNT, SPREAD_BIN_WIDTH } from "./types";

const DASH = "—";

export function formatMean(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : value.toFixed(2);
}

/** "+0.75", "-0.50", "0.00" (a rounded zero carries no sign). */
export function formatSigned(value: number | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  const text = value.toFixed(2);
  if (/^-?0\.00$/.test(text)) return "0.00";
  return value > 0 ? `+${text}` : text;
}

/** "25% (1 of 4)", or a dash without a denominator. */
export function formatShare(part: number, whole: number): string {
  if (whole === 0) return DASH;
  return `${Math.round((part / whole) * 100)}% (${part} of ${whole})`;
}

export function formatPercent(part: number, whole: number): string {
  return whole === 0 ? DASH : `${Math.round((part / whole) * 100)}%`;
}

export function formatHours(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : `${value.toFixed(1)} h`;
}

/** "0–0.5", …, "2.5–3": half-open bins, the last one closed. */
export function spreadBinLabel(bin: number): string {
  const low = bin * SPREAD_BIN_WIDTH;
  const high = bin === SPREAD_BIN_COUNT - 1 ? 3 : (bin + 1) * SPREAD_BIN_WIDTH;
  return `${low}–${high}`;
}

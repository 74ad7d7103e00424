/**
 * Scores are means of weighted means, so a true 2.5 can arrive as 2.4999999999999996: the
 * float error of these few operations on numbers up to 4 stays below 1e-13. A real
 * difference is far larger: scorecard scores are whole millionths (SCORE_DECIMALS in
 * aggregate.ts) and thresholds are hundredths (policy-limits.ts), so an area mean of n
 * scores that is not on a threshold is at least 1e-6 / n from it, and the mean of the five
 * areas at least 2e-7 / L (L the least common multiple of the areas' scorecard counts).
 * A value within this tolerance below a threshold is float error and meets it; one that is
 * really below — 2.99999999999 against 3 — does not.
 */
export const SCORE_TOLERANCE = 1e-12;

export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - SCORE_TOLERANCE;
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

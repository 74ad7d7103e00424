/**
 * Scores are means of weighted means, so a true 2.5 can arrive as 2.4999999999999996.
 * Rubric scores are whole points 1..4 and weights are small admin-entered numbers, so no
 * real score lies within a billionth of a threshold without being on it: a value within
 * this tolerance below a threshold is treated as meeting it.
 */
export const SCORE_TOLERANCE = 1e-9;

export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - SCORE_TOLERANCE;
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

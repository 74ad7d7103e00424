/**
 * The largest value a PostgreSQL `integer` column holds. A larger number in a query's
 * arguments (`version = 2147483648`) is a database error, not a mismatch, so every whole
 * number a request sends towards an Int column is bounded by this where it is parsed.
 */
export const INT_COLUMN_MAX = 2_147_483_647;

/**
 * The row version a form was loaded with (optimistic concurrency), as posted: decimal digits
 * for a whole number from `min` to INT_COLUMN_MAX. Anything else (`1e3`, `2147483648`, `-1`,
 * missing) is null: a stale or broken form.
 */
export function parseFormVersion(value: unknown, min: number): number | null {
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return null;
  const version = Number(value);
  return version >= min && version <= INT_COLUMN_MAX ? version : null;
}

import type pg from "pg";

/**
 * Multi-row INSERT of column arrays: `INSERT INTO t (a, b) SELECT * FROM unnest($1::uuid[], $2::text[])`.
 * One statement per batch and one parameter per column, whatever the row count, so tens
 * of thousands of rows cost a handful of round trips (no COPY stream library needed).
 */
export interface Column<Row> {
  name: string;
  /** PostgreSQL element type, e.g. `uuid`, `text`, `"OverallRecommendation"`, `jsonb`, `timestamp(3)`. */
  type: string;
  value(row: Row): string | number | boolean | null;
}

export async function bulkInsert<Row>(
  client: pg.ClientBase,
  table: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  batchSize = 5000,
): Promise<number> {
  const names = columns.map((column) => `"${column.name}"`).join(", ");
  const unnest = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${unnest})`;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const parameters = columns.map((column) => batch.map((row) => column.value(row)));
    const result = await client.query(sql, parameters);
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

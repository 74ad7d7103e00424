import type { Db } from "~/utils/db.server";

/**
 * Tables whose rows legitimately change on requests that are refused or only read:
 * - Session: validating a session slides its idle deadline (a write) on any request, and
 *   logging in creates one;
 * - LoginThrottle: every sign-in attempt is counted, refused or not (that is its job).
 * AuditEvent is NOT noise by default: a refused request must not write an audit row
 * either. Callers add it to the exclusions only where an attempt is meant to be audited
 * (a failed sign-in records auth.login_failed).
 */
export const NOISE_TABLES = ["Session", "LoginThrottle"] as const;

export type Checksums = Record<string, string>;

let cachedTables: string[] | undefined;

async function tablesOf(db: Db): Promise<string[]> {
  cachedTables ??= (
    await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    )
  ).map((row) => row.name);
  return cachedTables;
}

/**
 * One md5 per table over every row's text form, in one round trip:
 * `md5(string_agg(t::text, '' ORDER BY t::text))`. Cheap on test-sized tables; any
 * insert, update or delete changes it.
 */
export async function tableChecksums(db: Db, exclude: readonly string[] = NOISE_TABLES): Promise<Checksums> {
  const tables = (await tablesOf(db)).filter((table) => !exclude.includes(table));
  const sql = tables
    .map(
      (table) =>
        `SELECT '${table}' AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${table}" t`,
    )
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ name: string; sum: string }[]>(sql);
  return Object.fromEntries(rows.map((row) => [row.name, row.sum]));
}

/** The tables whose checksum differs. */
export function changedTables(before: Checksums, after: Checksums): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((table) => before[table] !== after[table]).sort();
}

import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { urlAs } from "../../scripts/lib/database-roles";

export interface TestDatabase {
  /** As the test server's administrator: for fixtures and checks that need more than the app may do. */
  url: string;
  /** As the app's restricted login role (global-setup.ts), what the app under test connects with. */
  appUrl: string;
  /** Ends every connection to it and drops it. */
  drop(): Promise<void>;
}

/**
 * A database of its own for a test file: a clone of the migrated template made by
 * global-setup.ts (fast; files run in parallel and in any order), or an empty one with
 * `{ empty: true }`.
 */
export async function createTestDatabase({ empty = false }: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("databaseAdminUrl");
  const template = empty ? "template0" : inject("templateDatabase");
  const name = `mlleveling_test_${randomBytes(6).toString("hex")}`;
  await admin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  const role = inject("databaseAppRole");
  return {
    url: url.href,
    appUrl: urlAs(url.href, role.name, role.password),
    drop: () => (dropped ??= admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffDatabaseAgainstSchema, markMigrationRolledBack } from "../../scripts/lib/migrations";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations on an empty database", () => {
  let database: TestDatabase;
  let firstRun: { applied: string[] };

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    firstRun = await applyMigrations(database.url);
  });
  afterAll(() => database?.drop());

  it("applies every migration, in order, and the result matches schema.prisma (no drift)", async () => {
    expect(firstRun.applied).toEqual(await migrationNames(MIGRATIONS_DIR));
    expect(firstRun.applied.length).toBeGreaterThan(0);
    const drift = await diffDatabaseAgainstSchema(database.url);
    expect(drift.script).toContain("empty migration");
    expect(drift.inSync).toBe(true);
  });

  it("applies nothing when run again", async () => {
    expect(await applyMigrations(database.url)).toEqual({ applied: [] });
  });

  it("records each migration in _prisma_migrations as Prisma does", async () => {
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>(database.url, `SELECT * FROM _prisma_migrations ORDER BY started_at`);
    expect(rows.map((row) => row.migration_name)).toEqual(firstRun.applied);
    for (const row of rows) {
      const sql = await fs.readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
    }
  });
});

describe("a migration that fails", () => {
  const BROKEN = "99999999999999_broken";
  let database: TestDatabase;
  let dir: string;

  // Its first statements succeed (a table, and a function whose body has ";" in it),
  // its last one fails: nothing of it may remain.
  const script = (secondId: number) => `CREATE TABLE "ShouldNotExist" ("id" INTEGER PRIMARY KEY);
CREATE FUNCTION "should_not_exist"() RETURNS TEXT LANGUAGE plpgsql AS $$ BEGIN RETURN 'a;b'; END $$;
INSERT INTO "ShouldNotExist" VALUES (1), (${secondId});
`;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "migrations-"));
    await fs.cp(MIGRATIONS_DIR, dir, { recursive: true });
    await fs.mkdir(path.join(dir, BROKEN));
    await fs.writeFile(path.join(dir, BROKEN, "migration.sql"), script(1));
  });
  afterAll(async () => {
    await database?.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("is rejected with its name and PostgreSQL's error, and leaves the database as it was", async () => {
    await expect(applyMigrations(database.url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration ${BROKEN} failed: duplicate key value violates unique constraint "ShouldNotExist_pkey"`),
    );
    const [objects] = await query<{ table: string | null; functions: number }>(
      database.url,
      `SELECT to_regclass('"ShouldNotExist"')::text AS table, (SELECT count(*)::int FROM pg_proc WHERE proname = 'should_not_exist') AS functions`,
    );
    expect(objects).toEqual({ table: null, functions: 0 });
  });

  it("stays recorded as failed, blocks later runs, and can be retried once marked rolled back", async () => {
    const [failed] = await query<{ finished_at: Date | null; logs: string | null }>(
      database.url,
      `SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = '${BROKEN}'`,
    );
    expect(failed?.finished_at).toBeNull();
    expect(failed?.logs).toContain("Unique constraint failed");
    await expect(applyMigrations(database.url, { migrationsDir: dir })).rejects.toThrow(new RegExp(`P3009.*${BROKEN}`));

    await fs.writeFile(path.join(dir, BROKEN, "migration.sql"), script(2));
    await markMigrationRolledBack(database.url, BROKEN);
    expect(await applyMigrations(database.url, { migrationsDir: dir })).toEqual({ applied: [BROKEN] });
    expect(await query(database.url, `SELECT "should_not_exist"() AS value`)).toEqual([{ value: "a;b" }]);
  });
});

describe("AuditEvent", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await query(database.url, `INSERT INTO "AuditEvent" ("action", "entityType") VALUES ('test', 'Test')`);
  });
  afterAll(() => database?.drop());

  it.each([
    ["UPDATE", `UPDATE "AuditEvent" SET "action" = 'changed'`],
    ["DELETE", `DELETE FROM "AuditEvent"`],
    ["TRUNCATE", `TRUNCATE "AuditEvent"`],
  ])("refuses %s (append-only)", async (operation, sql) => {
    await expect(query(database.url, sql)).rejects.toThrow(`AuditEvent is append-only: ${operation} is not allowed`);
    expect(await query(database.url, `SELECT "action" FROM "AuditEvent"`)).toEqual([{ action: "test" }]);
  });
});

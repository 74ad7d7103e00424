import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app";

/**
 * Issue 11 item 10, least privilege (docs/decisions/008-database-roles.md): the app
 * connects as a role that may read and write rows but cannot alter, disable or delete the
 * audit trail, and an embedded data directory from before the roles gets them on start.
 */

async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The SQLSTATE a statement fails with, or "ok". */
async function outcome(url: string, sql: string): Promise<string> {
  return query(url, sql).then(
    () => "ok",
    (error: pg.DatabaseError) => error.code ?? String(error),
  );
}

describe("the app's own connection", () => {
  let app: TestApp;
  let appUrl: string;
  const auditRows = () => query(app.databaseUrl, `SELECT * FROM "AuditEvent" ORDER BY "id"`).then((rows) => JSON.stringify(rows));

  beforeAll(async () => {
    app = await startTestApp();
    appUrl = process.env.DATABASE_URL!; // what startTestApp gave the app, as `npm start` does
    await query(app.databaseUrl, `INSERT INTO "AuditEvent" ("action", "entityType") VALUES ('test.one', 'Test'), ('test.two', 'Test')`);
  });
  afterAll(async () => app?.close());

  it("is a role without superuser, role or database creation rights, and owns no table", async () => {
    const [role] = await query<{ name: string; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }>(
      appUrl,
      `SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toMatchObject({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const owned = await query(appUrl, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
    expect(owned).toEqual([]);
  });

  it("serves pages that read and write through that role", async () => {
    const [{ user }] = (await query<{ user: string }>(appUrl, "SELECT current_user AS user")) as [{ user: string }];
    expect((await app.request("/healthz")).status).toBe(200);
    const sessions = await query<{ usename: string }>(
      app.databaseUrl,
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND usename <> current_user`,
    );
    expect(sessions.map((row) => row.usename)).toEqual([user]);
  });

  it.each([
    ["ALTER TABLE (add a column)", `ALTER TABLE "AuditEvent" ADD COLUMN "tampered" INTEGER`, "42501"],
    ["ALTER TABLE ... DISABLE TRIGGER (the append-only one)", `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`, "42501"],
    ["ALTER TABLE ... DISABLE TRIGGER ALL", `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`, "42501"],
    ["ALTER TABLE ... RENAME", `ALTER TABLE "AuditEvent" RENAME TO "Gone"`, "42501"],
    ["DROP TRIGGER", `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`, "42501"],
    ["CREATE TRIGGER", `CREATE TRIGGER "t" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "AuditEvent_refuse_change"()`, "42501"],
    ["replace the trigger's function", `CREATE OR REPLACE FUNCTION "AuditEvent_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`, "42501"],
    ["skip triggers for the session", `SET session_replication_role = replica`, "42501"],
    ["UPDATE", `UPDATE "AuditEvent" SET "action" = 'tampered'`, "42501"],
    ["UPDATE one row", `UPDATE "AuditEvent" SET "details" = '{}' WHERE "action" = 'test.one'`, "42501"],
    ["DELETE", `DELETE FROM "AuditEvent"`, "42501"],
    ["DELETE one row", `DELETE FROM "AuditEvent" WHERE "action" = 'test.two'`, "42501"],
    ["TRUNCATE", `TRUNCATE "AuditEvent"`, "42501"],
    ["DROP TABLE", `DROP TABLE "AuditEvent"`, "42501"],
    ["CREATE TABLE in the schema", `CREATE TABLE "Shadow" ("id" INTEGER)`, "42501"],
    ["CREATE FUNCTION in the schema", `CREATE FUNCTION "shadow"() RETURNS INTEGER LANGUAGE sql AS 'SELECT 1'`, "42501"],
    ["TRUNCATE another table", `TRUNCATE "Session"`, "42501"],
    ["DISABLE TRIGGER on another table", `ALTER TABLE "Criterion" DISABLE TRIGGER ALL`, "42501"],
    ["read the migration history", `SELECT * FROM "_prisma_migrations"`, "42501"],
  ])("refuses %s and leaves the audit trail as it was", async (_label, sql, code) => {
    const before = await auditRows();
    expect(await outcome(appUrl, sql)).toBe(code);
    expect(await auditRows()).toBe(before);
  });

  it("may append to and read the audit trail", async () => {
    expect(await outcome(appUrl, `INSERT INTO "AuditEvent" ("action", "entityType") VALUES ('test.three', 'Test')`)).toBe("ok");
    const rows = await query<{ action: string }>(appUrl, `SELECT "action" FROM "AuditEvent" WHERE "entityType" = 'Test' ORDER BY "id"`);
    expect(rows.map((row) => row.action)).toEqual(["test.one", "test.two", "test.three"]);
  });
});

describe("an embedded data directory from before the app role", () => {
  let dir: string;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_OWNER_URL: process.env.DATABASE_OWNER_URL };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "mlleveling-roles-pg-"));
    await fs.chmod(dir, 0o755); // as root, PostgreSQL runs as the postgres user
  });
  afterAll(async () => {
    Object.assign(process.env, saved);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("gets the app role on start: the server connects as it, and it cannot touch the audit trail", async () => {
    const { startEmbeddedPostgres } = await import("../../scripts/lib/embedded-postgres");
    const { applyMigrations } = await import("../../scripts/lib/migrations");
    const { resolveDatabase } = await import("../../scripts/lib/database-url");
    const { prepareDatabase } = await import("../../scripts/lib/serve");
    const dataDir = path.join(dir, "data");

    // What an older version left: migrated as the superuser, which the server used too.
    const old = await startEmbeddedPostgres({ dataDir, databaseName: "mlleveling", persistent: true });
    await applyMigrations(old.url);
    await query(old.url, `INSERT INTO "AuditEvent" ("action", "entityType") VALUES ('old.event', 'Test')`);
    await old.stop();

    delete process.env.DATABASE_URL;
    delete process.env.DATABASE_OWNER_URL;
    const messages: string[] = [];
    const database = await resolveDatabase({ log: (message) => messages.push(message), dataDir });
    try {
      await prepareDatabase(database, { demo: false });
      expect(database.kind).toBe("embedded");
      const [who] = await query<{ user: string; super: boolean }>(
        database.url,
        `SELECT current_user AS user, rolsuper AS super FROM pg_roles WHERE rolname = current_user`,
      );
      expect(who).toEqual({ user: "mlleveling_app", super: false });
      expect(await query(database.url, `SELECT count(*)::int AS n FROM "ScreenArea"`)).toEqual([{ n: 5 }]);
      expect(await outcome(database.url, `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).toBe("42501");
      expect(await outcome(database.url, `DELETE FROM "AuditEvent"`)).toBe("42501");
      expect(await query(database.url, `SELECT "action" FROM "AuditEvent"`)).toEqual([{ action: "old.event" }]);
    } finally {
      await database.stop();
    }
  }, 120_000);
});

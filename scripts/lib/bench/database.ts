import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureReferenceData } from "~/models/reference-data.server";
import { createDbClient } from "~/utils/db.server";
import { startEmbeddedPostgres } from "../embedded-postgres";
import { applyMigrations } from "../migrations";

export interface ThrowawayDatabase {
  url: string;
  /** "embedded PostgreSQL 18 in /tmp/…" or "new database x on host:port". */
  description: string;
  /** Drops the database or stops the server and deletes its files. Safe to call twice. */
  dispose(): Promise<void>;
  /**
   * Stopping and starting the whole PostgreSQL server (same port and data), for the
   * soak's outage drill; only for the embedded server: DATABASE_URL's belongs to someone else.
   */
  server?: { stopForNow(): Promise<void>; startAgain(): Promise<void> };
}

/**
 * A fresh, empty database for one benchmark or soak run: a new database on DATABASE_URL's server
 * when it is set (its role must be allowed to CREATE DATABASE), else an embedded
 * PostgreSQL in a temporary directory. Nothing of the developer's own data is touched.
 */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) return createDatabaseOn(external);

  // 0755: as root, PostgreSQL runs as the `postgres` user, which must reach the data directory.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "mlleveling-bench-pg-"));
  await fs.chmod(dir, 0o755);
  try {
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), databaseName: "bench", persistent: false });
    let disposed: Promise<void> | undefined;
    return {
      url: server.url,
      description: `embedded PostgreSQL 18 in ${dir} (port ${server.port})`,
      dispose: () =>
        (disposed ??= server.stop().finally(() => fs.rm(dir, { recursive: true, force: true }))),
      server: { stopForNow: server.stopForNow, startAgain: server.startAgain },
    };
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A throwaway database with the migrations and the reference data applied. `created` gets
 * it as soon as it exists, so the caller can arrange its removal before anything can fail.
 */
export async function createMigratedThrowawayDatabase(created: (database: ThrowawayDatabase) => void): Promise<ThrowawayDatabase> {
  const database = await createThrowawayDatabase();
  created(database);
  await applyMigrations(database.url);
  const prisma = createDbClient(database.url);
  await ensureReferenceData(prisma).finally(() => prisma.$disconnect());
  return database;
}

async function createDatabaseOn(serverUrl: string): Promise<ThrowawayDatabase> {
  const name = `mlleveling_bench_${randomBytes(5).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let disposed: Promise<void> | undefined;
  return {
    url: url.href,
    description: `new database ${name} on ${url.hostname}:${url.port || 5432}`,
    dispose: () => (disposed ??= admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { ensureReferenceData } from "../../app/models/reference-data.server";
import { createDbClient } from "../../app/utils/db.server";
import { applyMigrations } from "../../scripts/lib/migrations";

// One PostgreSQL for the whole run (embedded unless DATABASE_URL), with a migrated
// template database; every test file clones its own (tests/setup/test-database.ts).
// This file runs in Vitest's main process, where "vitest" itself cannot be imported.

declare module "vitest" {
  export interface ProvidedContext {
    /** A URL allowed to CREATE DATABASE on the test server. */
    databaseAdminUrl: string;
    /** The migrated database to clone. */
    templateDatabase: string;
  }
}

const TEMPLATE = "mlleveling_template";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const external = process.env.DATABASE_URL;
  let adminUrl: string;
  let stopServer = async () => {};
  if (external) {
    adminUrl = external;
  } else {
    // Fresh and throwaway. 0755: as root, PostgreSQL runs as the `postgres` user, which
    // must reach the data directory inside.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "mlleveling-test-pg-"));
    await fs.chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), databaseName: "postgres", persistent: false });
    adminUrl = server.url;
    stopServer = async () => {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }

  try {
    const templateUrl = new URL(adminUrl);
    templateUrl.pathname = `/${TEMPLATE}`;
    const applied = await withClient(adminUrl, async (client) => {
      await dropTemplate(client);
      await client.query(`CREATE DATABASE ${TEMPLATE}`);
      const { applied } = await applyMigrations(templateUrl.href);
      const db = createDbClient(templateUrl.href);
      await ensureReferenceData(db).finally(() => db.$disconnect());
      // Nobody may connect to it from now on: CREATE DATABASE ... TEMPLATE needs it idle.
      await client.query(`ALTER DATABASE ${TEMPLATE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      return applied;
    });
    console.log(`Test database template ready: ${applied.length} migration(s) in ${Date.now() - started} ms`);
  } catch (error) {
    await stopServer();
    throw error;
  }

  project.provide("databaseAdminUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE);

  return async () => {
    if (external) await withClient(adminUrl, dropTemplate); // an embedded server goes away whole
    await stopServer();
  };
}

async function dropTemplate(client: pg.Client) {
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [TEMPLATE]);
  if (!rowCount) return;
  await client.query(`ALTER DATABASE ${TEMPLATE} WITH IS_TEMPLATE false`);
  await client.query(`DROP DATABASE ${TEMPLATE} WITH (FORCE)`);
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

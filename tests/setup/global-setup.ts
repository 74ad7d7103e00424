import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { ensureReferenceData } from "../../app/models/reference-data.server";
import { createDbClient } from "../../app/utils/db.server";
import { ensureLoginRole, grantAppRole } from "../../scripts/lib/database-roles";
import { applyMigrations } from "../../scripts/lib/migrations";

// One PostgreSQL for the whole run (embedded unless DATABASE_URL), with a migrated
// template database; every test file clones its own (tests/setup/test-database.ts).
// The app under test connects as a restricted login role, as the server does
// (docs/decisions/008-database-roles.md), so a missing grant fails a test: roles are
// cluster-wide, so it is created here, and the template's grants are cloned with it.
// This file runs in Vitest's main process, where "vitest" itself cannot be imported.

declare module "vitest" {
  export interface ProvidedContext {
    /** A URL allowed to CREATE DATABASE on the test server. */
    databaseAdminUrl: string;
    /** The migrated database to clone. */
    templateDatabase: string;
    /** The login role the app under test connects as (row rights only), and its password. */
    databaseAppRole: { name: string; password: string };
  }
}

const TEMPLATE = "mlleveling_template";
const APP_ROLE = "mlleveling_test_app";

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

  const appPassword = randomBytes(18).toString("base64url");
  try {
    await ensureLoginRole(adminUrl, APP_ROLE, appPassword);
    const templateUrl = new URL(adminUrl);
    templateUrl.pathname = `/${TEMPLATE}`;
    const applied = await withClient(adminUrl, async (client) => {
      await dropTemplate(client);
      await client.query(`CREATE DATABASE ${TEMPLATE}`);
      const { applied } = await applyMigrations(templateUrl.href);
      const db = createDbClient(templateUrl.href);
      await ensureReferenceData(db).finally(() => db.$disconnect());
      await grantAppRole(templateUrl.href, APP_ROLE);
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
  project.provide("databaseAppRole", { name: APP_ROLE, password: appPassword });

  return async () => {
    if (external) await withClient(adminUrl, dropTemplateAndRole); // an embedded server goes away whole
    await stopServer();
  };
}

async function dropTemplate(client: pg.Client) {
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [TEMPLATE]);
  if (!rowCount) return;
  await client.query(`ALTER DATABASE ${TEMPLATE} WITH IS_TEMPLATE false`);
  await client.query(`DROP DATABASE ${TEMPLATE} WITH (FORCE)`);
}

async function dropTemplateAndRole(client: pg.Client) {
  await dropTemplate(client);
  // Kept while a database still grants it something (e.g. another run's): 2BP01.
  await client.query(`DROP ROLE IF EXISTS ${APP_ROLE}`).catch((error: pg.DatabaseError) => {
    if (error.code !== "2BP01") throw error;
  });
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

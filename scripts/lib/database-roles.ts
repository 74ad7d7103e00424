import pg from "pg";

/*
 * Least privilege in PostgreSQL (docs/decisions/008-database-roles.md). The owner of the
 * schema runs migrations and start-up work; the server connects as an app role that may
 * only read and write rows: SELECT/INSERT/UPDATE/DELETE on the app's tables, but on the
 * audit table only INSERT and SELECT, nothing on the migrations table, and no DDL, no
 * TRUNCATE, no triggers. The grants are re-applied after every migration run, so tables
 * from later migrations get them too (default privileges would only cover tables created
 * by the role that set them, and could not single out the audit table).
 */

/** Tables the app role gets no row rights on beyond INSERT and SELECT. */
const APPEND_ONLY_TABLES = ["AuditEvent"];
/** Tables of the migration tooling: the server has no business there. */
const TOOLING_TABLES = ["_prisma_migrations"];

/** The login role (user name) of a connection URL. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** The same database and server reached as another login role. */
export function urlAs(url: string, role: string, password: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(role);
  next.password = encodeURIComponent(password);
  return next.href;
}

/**
 * Creates the login role when missing and sets its password; it gets no attribute beyond
 * LOGIN (no superuser, CREATEDB, CREATEROLE, BYPASSRLS). Needs a role allowed to create
 * roles; roles are cluster-wide.
 */
export async function ensureLoginRole(adminUrl: string, role: string, password: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`;
    await client.query(rowCount ? `ALTER ROLE ${name} WITH ${attributes}` : `CREATE ROLE ${name} WITH ${attributes}`);
  });
}

/**
 * As the owner, in one transaction: what the app role may do in the database of `ownerUrl`.
 * Idempotent; run after every migration run.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const app = client.escapeIdentifier(role);
    const { rows } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const existing = new Set(rows.map((row) => row.name));
    const table = (name: string) => `public.${client.escapeIdentifier(name)}`;
    const database = client.escapeIdentifier((await client.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db);
    await client.query("BEGIN");
    try {
      await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${app}`);
      await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
      // PostgreSQL before 15 let every role create objects in "public"; the app role must not.
      await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
      for (const name of APPEND_ONLY_TABLES.filter((name) => existing.has(name))) {
        await client.query(`REVOKE UPDATE, DELETE ON ${table(name)} FROM ${app}`);
      }
      for (const name of TOOLING_TABLES.filter((name) => existing.has(name))) {
        await client.query(`REVOKE ALL ON ${table(name)} FROM ${app}`);
      }
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
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

import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { ensureLoginRole, grantAppRole, roleOf, urlAs } from "./database-roles";
import { startEmbeddedPostgres } from "./embedded-postgres";

const DATA_DIR = fileURLToPath(new URL("../../.data/postgres", import.meta.url));
const DATABASE_NAME = "mlleveling";
/** The embedded server's login role for the app (docs/decisions/008-database-roles.md). */
export const EMBEDDED_APP_ROLE = "mlleveling_app";

export interface ResolvedDatabase {
  /** The server's connection: a role that may only read and write rows (DATABASE_URL). */
  url: string;
  /**
   * The schema owner's: migrations, grants, reference data, demo data and the command-line
   * tasks (DATABASE_OWNER_URL; the same as url when only DATABASE_URL is set).
   */
  ownerUrl: string;
  kind: "external" | "embedded";
  /** Stops the embedded server; a no-op for an external one. */
  stop(): Promise<void>;
}

type Log = (message: string) => void;

/**
 * DATABASE_URL (with DATABASE_OWNER_URL for the owner) when set, else the embedded
 * PostgreSQL 18 kept in <repo>/.data/postgres, whose superuser is the owner and which
 * gets the app role on every start (so a data directory from before the role has it too).
 */
export async function resolveDatabase({
  log,
  warn = log,
  dataDir = DATA_DIR,
}: {
  log: Log;
  warn?: Log;
  /** Embedded data directory; tests give a temporary one. */
  dataDir?: string;
}): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL;
  const owner = process.env.DATABASE_OWNER_URL;
  if (external) {
    log(`Using external PostgreSQL at ${describeUrl(external)}`);
    if (!owner) {
      warn(
        "DATABASE_URL is used for migrations and for the server alike, so the server has the schema owner's rights " +
          "(it could alter or disable the audit trail). Set DATABASE_OWNER_URL to the owner and DATABASE_URL to a role " +
          'with row rights only: README, "Using your own PostgreSQL".',
      );
      return { url: external, ownerUrl: external, kind: "external", stop: async () => {} };
    }
    if (describeUrl(owner) !== describeUrl(external)) {
      throw new Error(`DATABASE_OWNER_URL (${describeUrl(owner)}) and DATABASE_URL (${describeUrl(external)}) must name the same database`);
    }
    return { url: external, ownerUrl: owner, kind: "external", stop: async () => {} };
  }
  if (owner) throw new Error("DATABASE_OWNER_URL is set without DATABASE_URL: set both, or neither for the embedded PostgreSQL");

  const server = await startEmbeddedPostgres({ dataDir, databaseName: DATABASE_NAME, persistent: true, notice: warn });
  // A new password on every start: it lives only in this process, never on disk.
  const password = randomBytes(24).toString("base64url");
  try {
    await ensureLoginRole(server.url, EMBEDDED_APP_ROLE, password);
  } catch (error) {
    await server.stop();
    throw error;
  }
  log(`Using embedded PostgreSQL 18 (data in ${dataDir === DATA_DIR ? ".data/postgres" : dataDir}) on port ${server.port}`);
  return { url: urlAs(server.url, EMBEDDED_APP_ROLE, password), ownerUrl: server.url, kind: "embedded", stop: server.stop };
}

/**
 * As the owner, after migrations: the server's role gets its rights on every table,
 * those of new migrations included. Nothing to do when both URLs are the same role.
 */
export async function grantAppAccess(database: ResolvedDatabase): Promise<void> {
  const app = roleOf(database.url);
  if (app !== roleOf(database.ownerUrl)) await grantAppRole(database.ownerUrl, app);
}

/** host:port/db, never the user or password. */
function describeUrl(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url);
    return `${hostname}:${port || 5432}${decodeURIComponent(pathname)}`;
  } catch {
    return "(DATABASE_URL is not a valid URL)";
  }
}

/**
 * For command-line scripts: resolves the database, runs the task, and always stops an
 * embedded server, on SIGINT/SIGTERM too. A failure prints one line and sets exit code 1.
 */
export async function runWithDatabase(command: string, task: (database: ResolvedDatabase) => Promise<void>): Promise<void> {
  let database: ResolvedDatabase | undefined;
  const exitOnSignal = (code: number) => () => {
    void (database?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
  };
  process.once("SIGINT", exitOnSignal(130)); // 128 + signal number, as the shell reports it
  process.once("SIGTERM", exitOnSignal(143));
  try {
    database = await resolveDatabase({ log: (message) => console.log(message), warn: (message) => console.warn(message) });
    await task(database);
  } catch (error) {
    if (process.env.DEBUG) console.error(error);
    console.error(`${command} failed: ${oneLine(error)}`);
    process.exitCode = 1;
  } finally {
    await database?.stop();
  }
}

/** The message without the engine's indented backtrace lines. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split("\n")
    .filter((line) => line.trim() && !/^\s/.test(line))
    .join(": ");
}

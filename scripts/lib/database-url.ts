import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "./embedded-postgres";

const DATA_DIR = fileURLToPath(new URL("../../.data/postgres", import.meta.url));
const DATABASE_NAME = "mlleveling";

export interface ResolvedDatabase {
  url: string;
  kind: "external" | "embedded";
  /** Stops the embedded server; a no-op for an external one. */
  stop(): Promise<void>;
}

/** DATABASE_URL when set, else the embedded PostgreSQL 18 kept in <repo>/.data/postgres. */
export async function resolveDatabase({ log }: { log: (message: string) => void }): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    log(`Using external PostgreSQL at ${describeUrl(external)}`);
    return { url: external, kind: "external", stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: DATA_DIR, databaseName: DATABASE_NAME, persistent: true });
  log(`Using embedded PostgreSQL 18 (data in .data/postgres) on port ${server.port}`);
  return { url: server.url, kind: "embedded", stop: server.stop };
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
export async function runWithDatabase(command: string, task: (url: string) => Promise<void>): Promise<void> {
  let database: ResolvedDatabase | undefined;
  const exitOnSignal = (code: number) => () => {
    void (database?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
  };
  process.once("SIGINT", exitOnSignal(130)); // 128 + signal number, as the shell reports it
  process.once("SIGTERM", exitOnSignal(143));
  try {
    database = await resolveDatabase({ log: (message) => console.log(message) });
    await task(database.url);
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

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";
import { log } from "./logger.server";

export type Db = PrismaClient;

type Connection = { pool: pg.Pool; db: PrismaClient };

// The start script and the Remix server build each load their own copy of this module;
// keeping the connection on globalThis gives the process one pool, closed once at exit.
const key = Symbol.for("ml-leveling.db-connection");
const holder = globalThis as typeof globalThis & { [key]?: Connection };

function connect(): Connection {
  const env = getEnv();
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set (scripts/start.ts sets it)");
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DB_POOL_MAX,
    // A saturated pool must fail fast (answered as 503) instead of hanging the request.
    connectionTimeoutMillis: env.DB_CONNECTION_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // A connection the pool handed out must not hang either: a statement waiting on a lock
    // (or running away) is cancelled by PostgreSQL, frees its connection and answers 503.
    // Sent as session settings when each connection opens; 0 turns one off.
    ...(env.DB_LOCK_TIMEOUT_MS > 0 ? { lock_timeout: env.DB_LOCK_TIMEOUT_MS } : {}),
    ...(env.DB_STATEMENT_TIMEOUT_MS > 0 ? { statement_timeout: env.DB_STATEMENT_TIMEOUT_MS } : {}),
  });
  // Without a listener an idle client's error (database restart) crashes the process.
  pool.on("error", (error) => log("error", "database pool error", { error: error.message }));
  // pg-pool takes its listener off a client it hands out, and a consumer that receives it
  // through a promise (Prisma's transactions: `await pool.connect()`) adds its own only a
  // few microtasks later. A restart's FATAL message read in the same chunk as the previous
  // query's last reply lands in between: an 'error' event with no listener, which kills the
  // process (found by `npm run soak`). So every client keeps one listener of its own; the
  // failure still reaches the query in flight, and the pool drops the client on release.
  pool.on("connect", (client) => {
    client.on("error", (error) => log("debug", "database connection lost", { error: error.message }));
  });
  return { pool, db: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

/** A separate client for one-off work on another database (test templates, scripts). */
export function createDbClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
}

/** The process-wide Prisma client, created on first use from DATABASE_URL. */
export function getDb(): PrismaClient {
  return (holder[key] ??= connect()).db;
}

export function getPool(): pg.Pool {
  return (holder[key] ??= connect()).pool;
}

export async function disconnectDb(): Promise<void> {
  const connection = holder[key];
  if (!connection) return;
  holder[key] = undefined;
  const { db, pool } = connection;
  await db.$disconnect();
  await pool.end().catch(() => undefined);
}

/**
 * SQLSTATEs meaning "not now": connection exceptions (class 08), the server shutting down,
 * crashed or starting (57P01–57P03), too many connections (53300), and a statement
 * cancelled by our own statement_timeout (57014) or lock_timeout (55P03).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300|57014|55P03)$/;
/** What @prisma/adapter-pg makes of socket errors and refused connections. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Prisma's own: can't reach (P1001), timed out (P1002, P1008), connection closed (P1017), no pool connection (P2024). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);
/** Errors that carry no code: pg-pool's and pg's own, and messages of the above wrapped as text. */
const UNAVAILABLE_TEXT =
  /timeout exceeded when trying to connect|Connection terminated|Can't reach database server|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection due to administrator command|Client has encountered a connection error|DatabaseNotReachable|too many clients|canceling statement due to (statement|lock) timeout/i;

/**
 * True for errors that mean "the database cannot be reached, is restarting or is
 * saturated right now": answered 503 with Retry-After, not 500. Looks through Prisma's
 * wrapping (its error code, the driver adapter's error in `meta`, `cause`) down to
 * pg's SQLSTATE or the socket error, then falls back to the message.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const item = queue.shift();
    if (item === null || typeof item !== "object" || seen.has(item)) continue;
    seen.add(item);
    const fields = item as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    for (const code of [fields.code, fields.originalCode]) {
      if (typeof code !== "string") continue;
      if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    }
    if (typeof fields.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(fields.kind)) return true;
    if (typeof fields.message === "string" && UNAVAILABLE_TEXT.test(fields.message)) return true;
    queue.push(fields.cause, (fields.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return typeof error === "string" && UNAVAILABLE_TEXT.test(error);
}

/** A unique index refused the write: someone else created the same thing first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Options for an interactive transaction on a request's path: it waits for a pool
 * connection as long as a single statement does, so a saturated pool ends in the pool's
 * own timeout (DB_CONNECTION_TIMEOUT_MS, answered 503) rather than in Prisma's 2 s limit
 * on starting a transaction, whose error is not recognisable as "unavailable" (500).
 */
export function requestTransactionOptions(): { maxWait: number } {
  return { maxWait: getEnv().DB_CONNECTION_TIMEOUT_MS + 1000 };
}

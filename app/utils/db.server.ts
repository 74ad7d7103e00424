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
  });
  // Without a listener an idle client's error (database restart) crashes the process.
  pool.on("error", (error) => log("error", "database pool error", { error: error.message }));
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

/** True for errors that mean "the database cannot be reached or is saturated right now". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message} ${String(error.cause ?? "")}` : String(error);
  return /timeout exceeded when trying to connect|ECONNREFUSED|Connection terminated|the database system is (starting up|shutting down)|DatabaseNotReachable|too many clients/i.test(
    text,
  );
}

/** A unique index refused the write: someone else created the same thing first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

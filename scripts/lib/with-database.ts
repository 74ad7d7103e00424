import { disconnectDb, getDb, type Db } from "~/utils/db.server";
import { refreshEnv } from "~/utils/env.server";
import { resolveDatabase } from "./database-url";
import { applyMigrations } from "./migrations";

/**
 * Runs a command-line task against the app's database (embedded unless DATABASE_URL),
 * migrated first, and always releases it afterwards.
 */
export async function withDatabase<T>(task: (db: Db, kind: "embedded" | "external") => Promise<T>): Promise<T> {
  const database = await resolveDatabase({ log: (message) => console.error(message) });
  try {
    process.env.DATABASE_URL = database.url;
    refreshEnv();
    await applyMigrations(database.url);
    return await task(getDb(), database.kind);
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

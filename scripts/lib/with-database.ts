import { ensureReferenceData } from "~/models/reference-data.server";
import { disconnectDb, getDb, type Db } from "~/utils/db.server";
import { refreshEnv } from "~/utils/env.server";
import { runWithDatabase } from "./database-url";
import { applyMigrations } from "./migrations";

/**
 * For command-line tasks that use the app's models: the database (embedded unless
 * DATABASE_URL), migrated and holding its reference data, released afterwards.
 */
export async function withAppDatabase(command: string, task: (db: Db) => Promise<void>): Promise<void> {
  await runWithDatabase(command, async (url) => {
    process.env.DATABASE_URL = url;
    refreshEnv();
    try {
      await applyMigrations(url);
      await ensureReferenceData(getDb());
      await task(getDb());
    } finally {
      await disconnectDb();
    }
  });
}

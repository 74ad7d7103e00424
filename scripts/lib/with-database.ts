import { ensureReferenceData } from "~/models/reference-data.server";
import { disconnectDb, getDb, type Db } from "~/utils/db.server";
import { refreshEnv } from "~/utils/env.server";
import { grantAppAccess, runWithDatabase } from "./database-url";
import { applyMigrations } from "./migrations";

/**
 * For command-line tasks that use the app's models: the database (embedded unless
 * DATABASE_URL), migrated and holding its reference data, released afterwards. These are
 * operator tasks, run as the schema owner (docs/decisions/008-database-roles.md).
 */
export async function withAppDatabase(command: string, task: (db: Db) => Promise<void>): Promise<void> {
  await runWithDatabase(command, async (database) => {
    process.env.DATABASE_URL = database.ownerUrl;
    refreshEnv();
    try {
      await applyMigrations(database.ownerUrl);
      await grantAppAccess(database);
      await ensureReferenceData(getDb());
      await task(getDb());
    } finally {
      await disconnectDb();
    }
  });
}

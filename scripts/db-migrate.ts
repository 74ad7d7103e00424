/**
 * `npm run db:migrate`: `prisma migrate deploy`, offline (docs/decisions/002-offline-migrations.md).
 * `npm run db:migrate -- --rolled-back <migration>`: first `prisma migrate resolve
 * --rolled-back <migration>`, to retry a migration that failed (and was fixed since).
 */
import { grantAppAccess, runWithDatabase } from "./lib/database-url";
import { applyMigrations, markMigrationRolledBack } from "./lib/migrations";

const args = process.argv.slice(2);
const rolledBackIndex = args.indexOf("--rolled-back");
const rolledBack = rolledBackIndex >= 0 ? args[rolledBackIndex + 1] : undefined;
if (args.length > 0 && !rolledBack) {
  console.error("Usage: npm run db:migrate [-- --rolled-back <migration name>]");
  process.exit(2);
}

await runWithDatabase("db:migrate", async (database) => {
  if (rolledBack) {
    await markMigrationRolledBack(database.ownerUrl, rolledBack);
    console.log(`Marked ${rolledBack} as rolled back`);
  }
  const started = Date.now();
  const { applied } = await applyMigrations(database.ownerUrl);
  await grantAppAccess(database);
  const took = `(${Date.now() - started} ms)`;
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")} ${took}` : `No pending migrations ${took}`);
});

/**
 * `npm run db:migration:new -- <name>`: like `prisma migrate dev --create-only --name <name>`,
 * offline. Brings the database up to date, then writes the difference between it and
 * prisma/schema.prisma as prisma/migrations/<UTC timestamp>_<name>/migration.sql, for you
 * to review (and extend with SQL Prisma cannot express) before `npm run db:migrate`.
 */
import path from "node:path";
import { runWithDatabase } from "./lib/database-url";
import { createMigrationFromSchema } from "./lib/migrations";

const [name, ...rest] = process.argv.slice(2);
if (!name || rest.length > 0) {
  console.error("Usage: npm run db:migration:new -- <name>   (e.g. add_candidate_notes)");
  process.exit(2);
}

await runWithDatabase("db:migration:new", async (database) => {
  const file = await createMigrationFromSchema(database.ownerUrl, name);
  if (!file) {
    console.log("The database already matches prisma/schema.prisma: no migration created");
    return;
  }
  console.log(`Created ${path.relative(process.cwd(), file)}`);
  console.log("Review it, then apply it with: npm run db:migrate");
});

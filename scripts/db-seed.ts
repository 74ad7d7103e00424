// `npm run db:seed [-- --demo]`: demo accounts and candidates. On an external database
// (DATABASE_URL) it refuses unless --demo is given, so production never gets them.
import { demoAccountsTable, seedDemoData } from "../prisma/seed";
import { withAppDatabase } from "./lib/with-database";

if (process.env.DATABASE_URL && !process.argv.includes("--demo")) {
  console.error("Refusing to seed demo accounts into DATABASE_URL without --demo (demo passwords are public).");
  process.exit(2);
}
await withAppDatabase("db:seed", async (db) => {
  const counts = await seedDemoData(db);
  console.log(`Demo data present: ${counts.users} users, ${counts.candidates} candidates.\n\n${demoAccountsTable()}`);
});

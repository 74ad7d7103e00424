// `npm run db:seed [-- --demo]`: demo accounts and candidates. On an external database
// (DATABASE_URL) it refuses unless --demo is given, so production never gets them.
import { demoAccountsTable, seedDemoData } from "../prisma/seed";
import { withDatabase } from "./lib/with-database";

const explicitDemo = process.argv.includes("--demo");
if (process.env.DATABASE_URL && !explicitDemo) {
  console.error("Refusing to seed demo accounts into DATABASE_URL without --demo (demo passwords are public).");
  process.exit(2);
}
const counts = await withDatabase((db) => seedDemoData(db));
console.log(`Demo data present: ${counts.users} users, ${counts.candidates} candidates.\n\n${demoAccountsTable()}`);

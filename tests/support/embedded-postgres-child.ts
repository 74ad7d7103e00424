// Run as a child process by tests/integration/embedded-postgres-restart.test.ts, the way
// `npm start` runs the embedded PostgreSQL: starts it on the data directory in argv[2],
// prints {"url": …} as one line, and stops it on SIGTERM.
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

const server = await startEmbeddedPostgres({ dataDir: process.argv[2]!, databaseName: "restart", persistent: true });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.once("SIGTERM", () => void server.stop().then(() => process.exit(0)));
setInterval(() => {}, 60_000); // stay up until told

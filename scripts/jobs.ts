/**
 * `npm run jobs`: runs the scorecard reminder job once and exits, for cron or a one-off
 * catch-up (docs/decisions/007-reminders.md). Safe beside running servers: it takes the same
 * advisory lock, and delivery records make a repeated run send nothing twice.
 * Exit codes: 0 done (or another process holds the lock), 1 failed, 2 bad configuration.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { getJobsConfig, type JobsConfig } from "~/jobs/config.server";
import { createMailSender } from "~/jobs/mail";
import { runReminderJobExclusively } from "~/jobs/reminders.server";
import { getEnv } from "~/utils/env.server";
import { withAppDatabase } from "./lib/with-database";

const root = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

let config: JobsConfig;
try {
  getEnv();
  config = getJobsConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

await withAppDatabase("jobs", async () => {
  const sender = createMailSender(config.mail, root);
  const env = getEnv();
  const appOrigin = env.APP_ORIGIN ?? `http://localhost:${env.PORT}`;
  const result = await runReminderJobExclusively(process.env.DATABASE_URL!, { sender, appOrigin });
  if (!result) {
    console.log("Another process is running the reminder job right now; nothing to do.");
    return;
  }
  console.log(
    `Reminders: ${result.sent} sent, ${result.skipped} already sent by another run, ${result.failed} failed (retried next run). ` +
      `Emails go to ${sender.description}.`,
  );
  if (result.failed > 0) process.exitCode = 1;
});

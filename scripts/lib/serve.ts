import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { Express } from "express";
import { createHttpApp } from "~/http/app.server";
import { getJobsConfig, type JobsConfig } from "~/jobs/config.server";
import { createMailSender } from "~/jobs/mail";
import { startReminderSchedule } from "~/jobs/reminders.server";
import { startWebhookSchedule } from "~/jobs/webhooks.server";
import { ensureReferenceData } from "~/models/reference-data.server";
import { createDbClient, disconnectDb } from "~/utils/db.server";
import { getEnv, refreshEnv, type Env } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { demoAccountsTable, seedDemoData } from "../../prisma/seed";
import { grantAppAccess, resolveDatabase, type ResolvedDatabase } from "./database-url";
import { applyMigrationsInChildProcess } from "./migrations-process";

const root = path.resolve(import.meta.dirname, "..", "..");

function listen(app: Express, env: Env): Server {
  return env.HOST ? app.listen(env.PORT, env.HOST) : app.listen(env.PORT);
}

/** Loads env, the database (embedded unless DATABASE_URL), migrations, demo data, then serves. */
export async function serve(mode: "production" | "development"): Promise<void> {
  if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
  process.env.NODE_ENV ??= mode;
  let jobs: JobsConfig;
  try {
    getEnv();
    jobs = getJobsConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  let database: ResolvedDatabase;
  try {
    database = await resolveDatabase({ log: (message) => log("info", message), warn: (message) => log("warn", message) });
  } catch (error) {
    // e.g. "PostgreSQL is already running … kill -INT <pid>": the message is the whole story.
    console.error((error as Error).message);
    process.exit(1);
  }
  // The server's requests and its reminder job run as the app role, which may only read
  // and write rows; start-up work runs as the schema owner (docs/decisions/008-database-roles.md).
  process.env.DATABASE_URL = database.url;
  const env = refreshEnv();

  await prepareDatabase(database, { demo: database.kind === "embedded" || process.argv.includes("--demo") });

  let server: Server;
  let vite: import("vite").ViteDevServer | undefined;
  if (mode === "development") {
    const { createServer } = await import("vite");
    vite = await createServer({ root, server: { middlewareMode: true } });
    server = listen(createHttpApp(env, { kind: "vite", vite }), env);
  } else {
    const buildPath = path.join(root, "build", "server", "index.js");
    const build = (await import(pathToFileURL(buildPath).href).catch(() => {
      console.error(`No production build at ${buildPath}: run \`npm run build\` first.`);
      process.exit(1);
    })) as ServerBuild;
    server = listen(createHttpApp(env, { kind: "build", build, clientDir: path.join(root, "build", "client") }), env);
  }
  server.on("listening", () => log("info", `Listening on http://localhost:${env.PORT} (${mode})`));

  // Scorecard reminders (docs/decisions/007-reminders.md): every server schedules the job;
  // an advisory lock lets one run at a time, and the delivery records make reruns harmless.
  const reminders = jobs.REMINDER_INTERVAL_MINUTES > 0 ? startReminders(jobs, database.url, env) : null;
  // Webhook deliveries: every server polls the outbox; claims keep two from sending the same one.
  const webhooks = jobs.webhooks.intervalMs > 0 ? startWebhookSchedule(jobs.webhooks) : null;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log("info", `${signal} received, shutting down`);
    // Let requests in flight finish, but do not wait on idle keep-alive sockets or forever.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    await reminders?.stop();
    await webhooks?.stop();
    await vite?.close();
    await disconnectDb();
    await database.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

/**
 * Start-up work, as the schema owner: migrations, the app role's grants (re-applied, so an
 * older database and new tables get them), reference data, and demo data when asked.
 */
export async function prepareDatabase(database: ResolvedDatabase, { demo }: { demo: boolean }): Promise<void> {
  const { applied } = await applyMigrationsInChildProcess(database.ownerUrl);
  log("info", applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations");
  await grantAppAccess(database);

  const owner = createDbClient(database.ownerUrl);
  try {
    await ensureReferenceData(owner);
    if (!demo) return;
    if ((await owner.user.count()) === 0) {
      const seeded = await seedDemoData(owner);
      log("info", `Seeded demo data: ${seeded.users} users, ${seeded.candidates} candidates, ${seeded.evaluated} with interviews`);
    }
    console.log(`\n${demoAccountsTable()}\n`);
  } finally {
    await owner.$disconnect();
  }
}

function startReminders(jobs: JobsConfig, databaseUrl: string, env: Env) {
  const sender = createMailSender(jobs.mail, root);
  // Said once at start-up, so an operator knows whether reminder emails leave the machine.
  log("info", `Reminder emails go to ${sender.description}`);
  return startReminderSchedule({
    databaseUrl,
    intervalMs: jobs.REMINDER_INTERVAL_MINUTES * 60_000,
    sender,
    appOrigin: env.APP_ORIGIN ?? `http://localhost:${env.PORT}`,
  });
}

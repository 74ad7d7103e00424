import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { createTestDatabase } from "../setup/test-database";
import { CHROMIUM_ARGS, findChromium } from "./chromium";

const root = path.resolve(import.meta.dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not become healthy in 90 s:\n${output()}`);
}

export type E2EContext = { baseUrl: string; browser: Browser; databaseUrl: string; stop(): Promise<void> };

/**
 * The real `scripts/start.ts` (production build, demo data) on a fresh database and a
 * free port, plus a headless Chromium. One per test file.
 */
export async function startE2E(): Promise<E2EContext> {
  const database = await createTestDatabase();
  const port = await freePort();
  let output = "";
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts", "--demo"], {
    cwd: root,
    // No reminder schedule: journeys must not depend on when it fires, nor write to the checkout's .data/outbox.log.
    // Two roles, as a deployment should have them (ADR 008): the owner migrates and seeds, the server reads and writes rows.
    env: { ...process.env, DATABASE_OWNER_URL: database.url, DATABASE_URL: database.appUrl, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", LOG_LEVEL: "warn", REMINDER_INTERVAL_MINUTES: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const baseUrl = `http://localhost:${port}`;
  await waitUntilHealthy(baseUrl, child, () => output);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  return {
    baseUrl,
    browser,
    databaseUrl: database.url,
    async stop() {
      await browser.close();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await database.drop();
    },
  };
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from "../../scripts/lib/embedded-postgres";

/**
 * Issue 11 item 12: after `kill -9` of the process that started the embedded PostgreSQL,
 * the next start stops the orphaned postmaster (with a log line) and goes on; while that
 * process is alive, a second start is still refused.
 */

const CHILD = path.resolve(import.meta.dirname, "..", "support", "embedded-postgres-child.ts");
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

let dir: string;
let dataDir: string;
const children: ChildProcess[] = [];
const servers: EmbeddedPostgresServer[] = [];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "mlleveling-restart-pg-"));
  await fs.chmod(dir, 0o755); // as root, PostgreSQL runs as the postgres user
  dataDir = path.join(dir, "data");
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  // A postmaster a failed test left orphaned must not outlive the run.
  const left = await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => undefined);
  const pid = Number(left?.split("\n")[0]);
  if (pid > 0 && isRunning(pid)) {
    process.kill(pid, "SIGINT");
    for (let waited = 0; isRunning(pid) && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The embedded server started in a child process, as `npm start` does; resolves with its URL. */
async function startInChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", TSX, CHILD, dataDir], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const line = stdout.split("\n").find((text) => text.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once("exit", (code) => reject(new Error(`child exited with ${code}: ${stderr}`)));
  });
  return { child, url };
}

const postmasterPid = () => Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
const parentOf = (pid: number) => Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.runIf(process.platform === "linux")("embedded PostgreSQL after a crash", () => {
  it("stops the postmaster orphaned by kill -9 of its server process, says so, and starts on the same data", async () => {
    const { child, url } = await startInChild();
    await query(url, `CREATE TABLE "Kept" ("note" TEXT); INSERT INTO "Kept" VALUES ('written before the crash')`);
    const orphan = postmasterPid();
    expect(parentOf(orphan)).toBe(child.pid);

    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    expect(isRunning(orphan)).toBe(true);
    expect(parentOf(orphan)).not.toBe(child.pid);

    const notices: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, databaseName: "restart", persistent: true, notice: (message) => notices.push(message) });
    servers.push(server);
    console.log(notices.join("\n"));
    expect(notices[0]).toMatch(new RegExp(`^Stopping PostgreSQL pid ${orphan} on ${dataDir} .*orphaned`));
    expect(notices[1]).toBe(`Stopped the orphaned PostgreSQL pid ${orphan}; starting again on ${dataDir}`);
    expect(isRunning(orphan)).toBe(false);
    expect(postmasterPid()).not.toBe(orphan);
    expect(await query(server.url, `SELECT "note" FROM "Kept"`)).toEqual([{ note: "written before the crash" }]);
  }, 120_000);

  it("refuses while the server process that started it is alive, and leaves its PostgreSQL alone", async () => {
    const { url } = await startInChild();
    const running = postmasterPid();
    const notices: string[] = [];
    await expect(
      startEmbeddedPostgres({ dataDir, databaseName: "restart", persistent: true, notice: (message) => notices.push(message) }),
    ).rejects.toThrow(new RegExp(`PostgreSQL is already running on .* \\(pid ${running}, .*kill -INT ${running}$`));
    expect(notices).toEqual([]);
    expect(isRunning(running)).toBe(true);
    expect(await query(url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
  }, 120_000);
});

import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createTestUser, login, TEST_PASSWORD, type TestUser } from "../support/fixtures";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let proxy: TcpProxy;
let user: TestUser;
let cookie: string;

const LOCK_TIMEOUT_MS = 1_000;

beforeAll(async () => {
  // The app reaches PostgreSQL through a proxy a test can cut, as a database restart would.
  proxy = await startTcpProxy(inject("databaseAdminUrl"));
  // A one-connection pool with a short wait, so saturation is easy to provoke.
  app = await startTestApp(
    { DB_POOL_MAX: "1", DB_CONNECTION_TIMEOUT_MS: "400", DB_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS), LOG_LEVEL: "info" },
    { appDatabaseUrl: (url) => Object.assign(new URL(url), { host: new URL(proxy.url).host }).href },
  );
  user = await createTestUser(["RECRUITER"]);
  cookie = await login(app, user);
});
afterAll(async () => {
  await app?.close();
  await proxy?.close();
});

/** What a person sees on a 503 page, without the markup. */
const pageText = async (response: Response) => (await response.text()).replace(/<[^>]+>/g, " ");

/** Runs `during` while a connection of our own holds an exclusive lock on the table every signed-in page reads first. */
async function withSessionTableLocked<T>(during: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: app.databaseUrl });
  await admin.connect();
  try {
    await admin.query("BEGIN");
    await admin.query('LOCK TABLE "Session" IN ACCESS EXCLUSIVE MODE');
    return await during(admin);
  } finally {
    await admin.query("COMMIT").catch(() => undefined);
    await admin.end();
  }
}

describe("database trouble", () => {
  it("answers 503 within seconds when the pool is saturated, and recovers", async () => {
    const { getPool } = await import("~/utils/db.server");
    const held = await getPool().connect();
    try {
      const started = Date.now();
      const [page, health] = await Promise.all([app.request("/candidates", { cookie }), app.request("/healthz")]);
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");
      expect(health.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      held.release();
    }
    expect((await app.request("/candidates", { cookie })).status).toBe(200);
  });

  it("survives the database dropping its connections (as in a restart)", async () => {
    expect((await app.request("/healthz")).status).toBe(200);
    const admin = new pg.Client({ connectionString: app.databaseUrl });
    await admin.connect();
    try {
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The idle connection's error is absorbed by the pool's listener; the next request reconnects.
    const responses = [await app.request("/healthz"), await app.request("/healthz")];
    expect(responses.at(-1)!.status).toBe(200);
    expect((await app.request("/candidates", { cookie })).status).toBe(200);
  });

  it("survives a pooled connection dropped while handed out and idle (a restart between two queries)", async () => {
    const { getPool } = await import("~/utils/db.server");
    // As Prisma's transactions take a connection: through the promise API, which leaves it
    // without pg-pool's listener until the caller's code runs again.
    const client = await getPool().connect();
    const admin = new pg.Client({ connectionString: app.databaseUrl });
    await admin.connect();
    try {
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
      // The FATAL message arrives while no query runs: an 'error' event on the client. Without
      // a listener of the app's own it would be thrown, and the process would end.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(client.query("SELECT 1")).rejects.toThrow();
    } finally {
      client.release(true);
      await admin.end();
    }
    expect((await app.request("/candidates", { cookie })).status).toBe(200);
  });

  it("answers 503 with a page that says so while the database cannot be reached, and recovers", async () => {
    await proxy.cut();
    try {
      const page = await app.request("/candidates", { cookie });
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");
      const text = await pageText(page);
      expect(text).toMatch(/temporarily unavailable/i);
      expect(text).toMatch(/try again/i);
      expect(text).not.toMatch(/Something went wrong|Error 500/);
      // A single-fetch data request (client-side navigation) and the health check say the same.
      const data = await app.request("/candidates.data", { cookie });
      expect(data.status).toBe(503);
      expect(data.headers.get("retry-after")).toBe("5");
      // …as a 503 error response with the message, not a sanitized "Unexpected Server Error"
      // that the in-app error screen could only show as "Error 500".
      const payload = await data.text();
      expect(payload).toContain("The database cannot be reached or is overloaded right now");
      expect(payload).not.toContain("Unexpected Server Error");
      expect((await app.request("/healthz")).status).toBe(503);
    } finally {
      await proxy.restore();
    }
    expect((await app.request("/candidates", { cookie })).status).toBe(200);
  });

  it("ends a statement that waits on a lock at the lock timeout, with a 503", async () => {
    await withSessionTableLocked(async () => {
      const started = Date.now();
      const page = await app.request("/candidates", { cookie });
      expect(page.status).toBe(503);
      expect(await pageText(page)).toMatch(/temporarily unavailable/i);
      expect(Date.now() - started).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS - 50);
      expect(Date.now() - started).toBeLessThan(LOCK_TIMEOUT_MS + 4_000);
    });
    expect((await app.request("/candidates", { cookie })).status).toBe(200);
  });

  it("answers 503 when a shutdown terminates the query in flight", async () => {
    await withSessionTableLocked(async (admin) => {
      const pending = app.request("/candidates", { cookie });
      // Once the app's query waits on the lock, end its backend as a fast shutdown does (FATAL 57P01).
      for (let waited = 0; waited < LOCK_TIMEOUT_MS / 2; waited += 20) {
        const { rowCount } = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if (rowCount) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const page = await pending;
      expect(page.status).toBe(503);
      expect(await pageText(page)).toMatch(/temporarily unavailable/i);
    });
    expect((await app.request("/candidates", { cookie })).status).toBe(200);
  });
});

describe("request log", () => {
  it("logs method, path, status, duration and user id, never the password or the query string", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      await app.request("/login", { form: { email: user.email, password: TEST_PASSWORD } });
      await app.request("/candidates?q=Sof%C3%ADa%20Mart%C3%ADnez", { cookie });
    } finally {
      spy.mockRestore();
    }
    const entries = lines.flatMap((line) => line.trim().split("\n")).map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = entries.filter((entry) => entry.msg === "request");
    expect(requests).toContainEqual(expect.objectContaining({ method: "POST", path: "/login", status: 302 }));
    const list = requests.find((entry) => entry.path === "/candidates");
    expect(list).toMatchObject({ method: "GET", status: 200, userId: user.id });
    expect(typeof list!.durationMs).toBe("number");
    const everything = lines.join("");
    expect(everything).not.toContain(TEST_PASSWORD);
    expect(everything).not.toContain("Sof");
    expect(everything).not.toMatch(/[a-z2-7]{32}/);
  });
});

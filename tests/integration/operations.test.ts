import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestUser, login, TEST_PASSWORD, type TestUser } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let user: TestUser;
let cookie: string;

beforeAll(async () => {
  // A one-connection pool with a short wait, so saturation is easy to provoke.
  app = await startTestApp({ DB_POOL_MAX: "1", DB_CONNECTION_TIMEOUT_MS: "400", LOG_LEVEL: "info" });
  user = await createTestUser(["RECRUITER"]);
  cookie = await login(app, user);
});
afterAll(async () => app?.close());

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

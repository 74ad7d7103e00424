import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { createCandidateWithInterviews } from "../support/scorecards";
import { startTestApp, type TestApp } from "../support/test-app";
import { draftForm } from "../security/world";

/**
 * Issue 11, items 9 and 11, on the production build behind the real Express layer: what
 * browsers may cache, and what the server writes into its logs.
 */

let app: TestApp;
let interviewer: TestUser;
let recruiter: TestUser;

beforeAll(async () => {
  app = await startTestApp({ LOG_LEVEL: "info" });
  [interviewer, recruiter] = await Promise.all([createTestUser(["INTERVIEWER"]), createTestUser(["RECRUITER"])]);
}, 120_000);
afterAll(async () => app?.close());

describe("caching", () => {
  it("serves public/ (robots.txt, icon, web manifest) with an hour's cache, and keeps every answer out of search engines", async () => {
    const page = await app.request("/login");
    expect(page.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const html = await page.text();
    expect(html).toContain('rel="icon" href="/favicon.svg"');
    expect(html).toContain('rel="manifest" href="/manifest.webmanifest"');
    const files: [string, RegExp][] = [
      ["/robots.txt", /^text\/plain/],
      ["/favicon.svg", /^image\/svg\+xml/],
      ["/manifest.webmanifest", /^application\/manifest\+json/],
    ];
    for (const [path, type] of files) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(type);
      expect(response.headers.get("cache-control"), path).toBe("public, max-age=3600");
      expect(response.headers.get("x-robots-tag"), path).toBe("noindex, nofollow");
      const body = await response.text();
      if (path === "/robots.txt") expect(body).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
      if (path === "/manifest.webmanifest") expect(JSON.parse(body)).toMatchObject({ name: "ML Leveling", start_url: "/" });
    }
  });

  it("hashed assets are cacheable for a year; pages, data and misses are never stored", async () => {
    const page = await app.request("/login");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    const assets = [...new Set([...html.matchAll(/\/assets\/[\w.-]+\.(?:js|css)/g)].map((match) => match[0]))];
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      const response = await app.request(asset);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get("cache-control"), asset).toBe("public, max-age=31536000, immutable");
      // The security headers still apply to assets.
      expect(response.headers.get("x-content-type-options"), asset).toBe("nosniff");
    }
    const missing = await app.request("/assets/no-such-file-0000.js");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("no-store");
    const data = await app.request("/login.data");
    expect(data.headers.get("cache-control")).toBe("no-store");
  });
});

describe("logs", () => {
  let lines: string[] = [];
  beforeAll(() => {
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, "write").mockImplementation(capture);
    vi.spyOn(process.stderr, "write").mockImplementation(capture);
  });
  afterEach(() => {
    lines = [];
  });
  afterAll(() => vi.restoreAllMocks());

  const entries = () =>
    lines
      .flatMap((chunk) => chunk.split("\n"))
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it("a database error is logged with its code and model, never the evidence it was writing", async () => {
    const { getDb } = await import("~/utils/db.server");
    const db = getDb();
    const marker = `SECRET-EVIDENCE-${crypto.randomUUID()}`;
    const { interviews } = await createCandidateWithInterviews(db, [{ areaKey: "code_quality", interviewerId: interviewer.id }]);
    const form = await draftForm(db, "code_quality");
    const evidenceField = Object.keys(form).find((name) => name.endsWith(".evidence"))!;
    // Makes the save fail inside PostgreSQL, with the evidence among the query's arguments.
    // DDL needs the owner: the app's own connection may only read and write rows.
    const { createDbClient } = await import("~/utils/db.server");
    const owner = createDbClient(app.databaseUrl);
    await owner.$executeRawUnsafe(`ALTER TABLE "Scorecard" ADD CONSTRAINT http_layer_test_no_marker CHECK ("draft"::text NOT LIKE '%SECRET-EVIDENCE-%')`);
    try {
      const cookie = await login(app, interviewer);
      lines = [];
      const response = await app.request(`/interviews/${interviews[0]!.id}`, {
        cookie,
        form: { ...form, [evidenceField]: marker, noteForLaterInterviewers: marker },
      });
      expect(response.status).toBe(500);
      expect(await response.text()).not.toContain(marker);
    } finally {
      await owner.$executeRawUnsafe(`ALTER TABLE "Scorecard" DROP CONSTRAINT http_layer_test_no_marker`);
      await owner.$disconnect();
    }
    const text = lines.join("");
    expect(text).not.toContain(marker);
    expect(text).not.toContain("SECRET-EVIDENCE");
    expect(text).not.toContain("[object Object]");
    const error = entries().find((entry) => entry.level === "error");
    expect(error, text).toMatchObject({ msg: "unhandled error", path: `/interviews/${interviews[0]!.id}` });
    expect(String(error!.error)).toMatch(/^Prisma/);
    expect(error!.code).toMatch(/^P\d{4}$/);
  });

  it("a Prisma validation error, whose message quotes the call's arguments, is logged without them", async () => {
    const { getDb } = await import("~/utils/db.server");
    const marker = `SECRET-EVIDENCE-${crypto.randomUUID()}`;
    // What a version of 1e23 in a draft save used to cause: Prisma renders the whole call, draft included.
    const error = await getDb()
      .scorecard.updateMany({ where: { version: 1e23 }, data: { draft: { ratings: { x: { evidence: marker } } } } })
      .then(() => null, (caught: unknown) => caught);
    expect(String(error)).toContain(marker);
    const build = (await import(pathToFileURL(path.resolve(import.meta.dirname, "../../build/server/index.js")).href)) as ServerBuild;
    const request = new Request("http://app.test/interviews/00000000-0000-0000-0000-000000000000", { method: "POST" });
    build.entry.module.handleError?.(error, { request, params: {}, context: { cspNonce: "", clientIp: "127.0.0.1" } });
    const text = lines.join("");
    expect(text).not.toContain(marker);
    expect(entries()).toContainEqual(
      expect.objectContaining({ level: "error", path: "/interviews/00000000-0000-0000-0000-000000000000", error: "PrismaClientValidationError" }),
    );
  });

  it("a password or session token never reaches the log", async () => {
    const password = `wrong-${crypto.randomUUID()}`;
    const response = await app.request("/login", { form: { email: recruiter.email, password } });
    expect(response.status).toBe(400);
    const cookie = await login(app, recruiter);
    await app.request("/candidates", { cookie });
    const text = lines.join("");
    expect(text).not.toContain(password);
    expect(text).not.toContain(cookie.split("=")[1]!);
    expect(text).not.toContain(recruiter.email);
  });

  it("403 and 404 answers are logged at info with their status, not as errors", async () => {
    const cookie = await login(app, interviewer);
    const forbidden = await app.request("/admin/users", { cookie });
    const notFound = await app.request("/no-such-page");
    const missingCandidate = await app.request(`/candidates/${crypto.randomUUID()}`, { cookie: await login(app, recruiter) });
    expect([forbidden.status, notFound.status, missingCandidate.status]).toEqual([403, 404, 404]);
    const text = lines.join("");
    expect(text).not.toContain("[object Object]");
    const logged = entries();
    expect(logged.filter((entry) => entry.level === "error" || entry.level === "warn")).toEqual([]);
    for (const [path, status] of [
      ["/admin/users", 403],
      ["/no-such-page", 404],
    ] as const) {
      expect(logged, path).toContainEqual(expect.objectContaining({ level: "info", msg: "request", path, status }));
    }
  });
});

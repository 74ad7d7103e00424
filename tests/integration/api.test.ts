import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS } from "~/domain/api/contract";
import { API_SCOPES } from "~/domain/api/scopes";
import { createRecommendedCandidate } from "../security/world";
import { apiRequest, openApiChecker } from "../support/api";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";

/** The model's limit in the unit-style check, and the test server's configured limit. */
const RATE_LIMIT = 20;
const SERVER_LIMIT = 100;

let app: TestApp;
let db: import("~/utils/db.server").Db;
let admin: TestUser;
let adminCookie: string;
let recruiter: TestUser;
let interviewer: TestUser;
let api: Awaited<ReturnType<typeof openApiChecker>>;
/** Every scope. */
let fullToken: string;

/** Creates a token through the admin page, as an admin would, and reads the secret it shows once. */
async function createToken(name: string, scopes: string[]): Promise<string> {
  const response = await app.request("/admin/api-tokens", { cookie: adminCookie, form: { intent: "create", name, scopes } });
  expect(response.status).toBe(200);
  const secret = /mlt_[a-z2-7]{32}/.exec(await response.text())?.[0];
  expect(secret).toBeDefined();
  return secret!;
}

function candidateBody(overrides: Record<string, unknown> = {}) {
  return {
    name: "Camila Duarte",
    email: `camila-${randomUUID().slice(0, 8)}@candidates.example`,
    country: "Brazil",
    currentTitle: "ML Engineer",
    yearsExperience: 7,
    track: "IC",
    faangExperience: false,
    notes: "",
    ...overrides,
  };
}

beforeAll(async () => {
  app = await startTestApp({ API_RATE_LIMIT_PER_MINUTE: String(SERVER_LIMIT) });
  db = (await import("~/utils/db.server")).getDb();
  const { ensureReferenceData } = await import("~/models/reference-data.server");
  await ensureReferenceData(db);
  admin = await createTestUser(["ADMIN"]);
  adminCookie = await login(app, admin);
  recruiter = await createTestUser(["RECRUITER"]);
  interviewer = await createTestUser(["INTERVIEWER"]);
  api = await openApiChecker(app);
  fullToken = await createToken("Full access", [...API_SCOPES]);
});
afterAll(async () => app?.close());

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document listing every endpoint of the contract", () => {
    expect(api.validation.errors ?? []).toEqual([]);
    expect(api.validation.valid).toBe(true);
    expect(api.validation.version).toBe("3.1");
    expect(api.document).toMatchObject({ openapi: "3.1.0" });
    expect([...api.operations.keys()].sort()).toEqual(ENDPOINTS.map((endpoint) => endpoint.id).sort());
  });
});

describe("tokens", () => {
  it("refuses a request without a token, with an unknown one, or with a session cookie instead", async () => {
    const none = await apiRequest(app, null, "/candidates");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await api.check("listCandidates", none);
    await api.check("listCandidates", await apiRequest(app, "mlt_" + "a".repeat(32), "/candidates"));
    const cookieOnly = await fetch(app.baseUrl + "/api/v1/candidates", { headers: { Cookie: adminCookie } });
    expect(cookieOnly.status).toBe(401);
    const posted = await fetch(app.baseUrl + "/api/v1/candidates", {
      method: "POST",
      headers: { Cookie: adminCookie, "Content-Type": "application/json", Origin: app.baseUrl },
      body: JSON.stringify(candidateBody()),
    });
    expect(posted.status).toBe(401);
    expect(await db.candidate.count()).toBe(0);
  });

  it("checks the scope of every endpoint", async () => {
    const readOnly = await createToken("Read candidates only", ["candidates:read"]);
    expect((await apiRequest(app, readOnly, "/candidates")).status).toBe(200);
    const refused = await apiRequest(app, readOnly, "/candidates", { body: candidateBody() });
    expect(refused.status).toBe(403);
    const problem = await api.check("createCandidate", refused);
    expect(problem).toMatchObject({ status: 403, type: "/api/v1/problems/forbidden" });
    expect(problem.detail).toContain("candidates:write");
    expect(await db.candidate.count()).toBe(0);
  });

  it("stores only a hash, records every use and last-used time, and stops working once revoked", async () => {
    const secret = await createToken("Revocable", ["candidates:read"]);
    const row = await db.apiToken.findFirstOrThrow({ where: { name: "Revocable" } });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.lastUsedAt).toBeNull();
    for (let i = 0; i < 3; i++) expect((await apiRequest(app, secret, "/candidates?limit=1")).status).toBe(200);
    const used = await db.apiToken.findUniqueOrThrow({ where: { id: row.id } });
    expect(used.lastUsedAt).not.toBeNull();
    const audited = await db.auditEvent.findMany({ where: { action: "api.request", entityId: row.id } });
    expect(audited).toHaveLength(3);
    expect(audited[0]!.details).toMatchObject({ method: "GET", path: "/api/v1/candidates", status: 200 });
    expect(audited[0]!.actorId).toBe(admin.id);

    const revoke = await app.request("/admin/api-tokens", { cookie: adminCookie, form: { intent: "revoke", tokenId: row.id } });
    expect(revoke.status).toBe(200);
    expect((await apiRequest(app, secret, "/candidates")).status).toBe(401);
    expect(await db.auditEvent.count({ where: { action: "api_token.revoke", entityId: row.id } })).toBe(1);
  });

  it("stops working when its owner is deactivated", async () => {
    const owner = await createTestUser(["ADMIN"]);
    const ownerCookie = await login(app, owner);
    const response = await app.request("/admin/api-tokens", { cookie: ownerCookie, form: { intent: "create", name: "Owner's", scopes: ["candidates:read"] } });
    const secret = /mlt_[a-z2-7]{32}/.exec(await response.text())![0];
    expect((await apiRequest(app, secret, "/candidates")).status).toBe(200);
    await db.user.update({ where: { id: owner.id }, data: { active: false } });
    expect((await apiRequest(app, secret, "/candidates")).status).toBe(401);
  });

  it("refuses a token form without a name or scope, or with an unknown scope, and creates nothing", async () => {
    const before = await db.apiToken.count();
    const forms: Record<string, string | string[]>[] = [
      { intent: "create", name: "", scopes: ["candidates:read"] },
      { intent: "create", name: "No scopes" },
      { intent: "create", name: "Bad scope", scopes: ["candidates:read", "admin:everything"] },
      { intent: "create", name: "x".repeat(81), scopes: ["candidates:read"] },
      { intent: "revoke", tokenId: "not-a-uuid" },
    ];
    for (const form of forms) {
      const response = await app.request("/admin/api-tokens", { cookie: adminCookie, form });
      expect(response.status).toBe(400);
    }
    expect(await db.apiToken.count()).toBe(before);
  });

  it("is for admins only", async () => {
    const recruiterCookie = await login(app, recruiter);
    expect((await app.request("/admin/api-tokens", { cookie: recruiterCookie })).status).toBe(403);
    const post = await app.request("/admin/api-tokens", { cookie: recruiterCookie, form: { intent: "create", name: "x", scopes: ["candidates:read"] } });
    expect(post.status).toBe(403);
  });
});

describe("candidates", () => {
  it("creates, reads and updates a candidate with optimistic concurrency", async () => {
    const created = await api.check("createCandidate", await apiRequest(app, fullToken, "/candidates", { body: candidateBody({ name: "Ana API" }) }));
    expect(created).toMatchObject({ name: "Ana API", version: 1, recruiterId: null });
    const read = await api.check("getCandidate", await apiRequest(app, fullToken, `/candidates/${created.id}`));
    expect(read).toEqual(created);

    const { id: _id, version: _version, createdAt: _c, updatedAt: _u, recruiterId: _r, ...fields } = created;
    const updated = await api.check(
      "updateCandidate",
      await apiRequest(app, fullToken, `/candidates/${created.id}`, { method: "PATCH", body: { ...fields, yearsExperience: 9, version: 1 } }),
    );
    expect(updated).toMatchObject({ yearsExperience: 9, version: 2 });
    const stale = await apiRequest(app, fullToken, `/candidates/${created.id}`, { method: "PATCH", body: { ...fields, yearsExperience: 10, version: 1 } });
    expect(stale.status).toBe(409);
    expect((await api.check("updateCandidate", stale)).errors).toEqual([expect.objectContaining({ pointer: "/version" })]);
    expect((await db.candidate.findUniqueOrThrow({ where: { id: created.id } })).yearsExperience).toBe(9);
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: { startsWith: "candidate." } } })).toBe(2);
  });

  it("answers invalid bodies with a problem naming each field, and writes nothing", async () => {
    const before = await db.candidate.count();
    const invalid = await apiRequest(app, fullToken, "/candidates", {
      body: candidateBody({ email: "not-an-email", yearsExperience: 2_147_483_648, country: "Atlantis", unknownField: true }),
    });
    expect(invalid.status).toBe(400);
    const problem = await api.check("createCandidate", invalid);
    expect(problem.type).toBe("/api/v1/problems/invalid-request");
    expect(problem.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(["/country", "/email", "/yearsExperience"]);

    for (const body of ["{", "[]", "null", '"text"', "1e999"]) {
      const response = await fetch(app.baseUrl + "/api/v1/candidates", {
        method: "POST",
        headers: { Authorization: `Bearer ${fullToken}`, "Content-Type": "application/json" },
        body,
      });
      expect(response.status, body).toBe(400);
      await api.check("createCandidate", response);
    }
    // Hostile JSON: nested 100,000 deep, or past the 2 MiB body limit.
    const deep = await fetch(app.baseUrl + "/api/v1/candidates", {
      method: "POST",
      headers: { Authorization: `Bearer ${fullToken}`, "Content-Type": "application/json" },
      body: "[".repeat(100_000) + "]".repeat(100_000),
    });
    expect(deep.status).toBe(400);
    const huge = await fetch(app.baseUrl + "/api/v1/candidates", {
      method: "POST",
      headers: { Authorization: `Bearer ${fullToken}`, "Content-Type": "application/json" },
      body: JSON.stringify(candidateBody({ notes: "x".repeat(3 * 1024 * 1024) })),
    }).catch(() => null);
    expect(huge === null || huge.status === 413).toBe(true);
    expect((await apiRequest(app, fullToken, "/candidates?limit=1")).status).toBe(200);
    const form = await fetch(app.baseUrl + "/api/v1/candidates", {
      method: "POST",
      headers: { Authorization: `Bearer ${fullToken}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: "name=x",
    });
    expect(form.status).toBe(415);
    expect(await db.candidate.count()).toBe(before);
  });

  it("refuses a second candidate with the same email as a conflict", async () => {
    const body = candidateBody();
    expect((await apiRequest(app, fullToken, "/candidates", { body })).status).toBe(201);
    const again = await apiRequest(app, fullToken, "/candidates", { body: { ...body, email: body.email.toUpperCase() } });
    expect(again.status).toBe(409);
    expect((await api.check("createCandidate", again)).errors).toEqual([expect.objectContaining({ pointer: "/email" })]);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    await api.check("getCandidate", await apiRequest(app, fullToken, `/candidates/${randomUUID()}`));
    const malformed = await apiRequest(app, fullToken, "/candidates/not-a-uuid");
    expect(malformed.status).toBe(404);
    expect(malformed.headers.get("content-type")).toContain("application/problem+json");
  });

  it("pages through every candidate once with cursors, newest first, and filters", async () => {
    for (let i = 0; i < 5; i++) await apiRequest(app, fullToken, "/candidates", { body: candidateBody({ country: "Uruguay", name: `Page ${i}` }) });
    const all = await db.candidate.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await api.check(
        "listCandidates",
        await apiRequest(app, fullToken, `/candidates?limit=2${cursor ? `&cursor=${cursor}` : ""}`),
      );
      seen.push(...page.data.map((candidate: { id: string }) => candidate.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(seen).toEqual(all.map((candidate) => candidate.id));

    const filtered = await api.check("listCandidates", await apiRequest(app, fullToken, "/candidates?country=Uruguay&limit=100"));
    expect(filtered.data).toHaveLength(5);
    expect(filtered.nextCursor).toBeNull();
    for (const query of ["limit=0", "limit=101", "limit=abc", "cursor=garbage!", `cursor=${Buffer.from("x|y").toString("base64url")}`, "country=Atlantis", "sort=name"]) {
      const response = await apiRequest(app, fullToken, `/candidates?${query}`);
      expect(response.status, query).toBe(400);
      await api.check("listCandidates", response);
    }
  });

  it("answers methods it does not serve with 405 and the allowed ones", async () => {
    const response = await apiRequest(app, fullToken, "/candidates", { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    const unknown = await apiRequest(app, fullToken, "/nothing-here");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("interviews, recommendations and decisions", () => {
  it("assigns an interviewer and shows scorecard status, never scores", async () => {
    const candidate = await api.check("createCandidate", await apiRequest(app, fullToken, "/candidates", { body: candidateBody() }));
    const body = { areaKey: "ml_system_design", interviewerId: interviewer.id, scheduledAt: "2030-03-14T15:00:00-03:00", durationMinutes: 60 };
    const assigned = await api.check("assignInterview", await apiRequest(app, fullToken, `/candidates/${candidate.id}/interviews`, { body }));
    expect(assigned).toMatchObject({ areaKey: "ml_system_design", interviewerId: interviewer.id, scheduledAt: "2030-03-14T18:00:00.000Z", scorecardStatus: "not_started" });
    const again = await apiRequest(app, fullToken, `/candidates/${candidate.id}/interviews`, { body });
    expect(again.status).toBe(409);
    await api.check("assignInterview", again);
    const notInterviewer = await apiRequest(app, fullToken, `/candidates/${candidate.id}/interviews`, { body: { ...body, interviewerId: recruiter.id } });
    expect(notInterviewer.status).toBe(400);
    expect((await api.check("assignInterview", notInterviewer)).errors).toEqual([expect.objectContaining({ pointer: "/interviewerId" })]);
    const list = await api.check("listInterviews", await apiRequest(app, fullToken, `/candidates/${candidate.id}/interviews`));
    expect(list.data).toHaveLength(1);
    expect(JSON.stringify(list)).not.toMatch(/score"|weightedScore|evidence|rating/i);
    await api.check("listInterviews", await apiRequest(app, fullToken, `/candidates/${randomUUID()}/interviews`));
  });

  it("serves the stored recommendation and records a decision against it once", async () => {
    const { candidate } = await createRecommendedCandidate(db, { default: interviewer.id });
    const recommendation = await api.check("getRecommendation", await apiRequest(app, fullToken, `/candidates/${candidate.id}/recommendation`));
    expect(recommendation).toMatchObject({ candidateId: candidate.id, status: "recommended" });
    expect(recommendation.explanation.length).toBeGreaterThan(0);
    expect(Object.keys(recommendation.areaMeans)).toHaveLength(5);

    const undecided = await apiRequest(app, fullToken, `/candidates/${candidate.id}/decision`);
    expect(undecided.status).toBe(404);
    await api.check("getDecision", undecided);

    const stale = await apiRequest(app, fullToken, `/candidates/${candidate.id}/decision`, { body: { kind: "accept", basedOn: "2020-01-01T00:00:00Z" } });
    expect(stale.status).toBe(409);
    expect((await api.check("recordDecision", stale)).errors).toEqual([expect.objectContaining({ pointer: "/basedOn" })]);
    const shortReason = await apiRequest(app, fullToken, `/candidates/${candidate.id}/decision`, {
      body: { kind: "override", basedOn: recommendation.computedAt, level: "IC6", reason: "short" },
    });
    expect(shortReason.status).toBe(400);
    await api.check("recordDecision", shortReason);

    const accepted = await api.check(
      "recordDecision",
      await apiRequest(app, fullToken, `/candidates/${candidate.id}/decision`, { body: { kind: "accept", basedOn: recommendation.computedAt } }),
    );
    expect(accepted).toMatchObject({ candidateId: candidate.id, kind: "accept", level: recommendation.level });
    const twice = await apiRequest(app, fullToken, `/candidates/${candidate.id}/decision`, { body: { kind: "accept", basedOn: recommendation.computedAt } });
    expect(twice.status).toBe(409);
    await api.check("recordDecision", twice);
    expect(await api.check("getDecision", await apiRequest(app, fullToken, `/candidates/${candidate.id}/decision`))).toEqual(accepted);
    expect(await db.hiringDecision.count({ where: { candidateId: candidate.id } })).toBe(1);
  });
});

describe("independent scoring", () => {
  it("withholds recommendations and decisions from the tokens of someone who still owes a scorecard", async () => {
    const both = await createTestUser(["ADMIN", "INTERVIEWER"]);
    const bothCookie = await login(app, both);
    const created = await app.request("/admin/api-tokens", {
      cookie: bothCookie,
      form: { intent: "create", name: "Owner interviews", scopes: ["recommendations:read", "decisions:read", "decisions:write"] },
    });
    const secret = /mlt_[a-z2-7]{32}/.exec(await created.text())![0];
    const { candidate } = await createRecommendedCandidate(db, { default: interviewer.id });
    const ownInterview = await db.interview.create({
      data: { candidateId: candidate.id, areaKey: "code_quality", interviewerId: both.id, scheduledAt: new Date() },
    });
    const stored = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: candidate.id } });
    for (const [operation, response] of [
      ["getRecommendation", await apiRequest(app, secret, `/candidates/${candidate.id}/recommendation`)],
      ["getDecision", await apiRequest(app, secret, `/candidates/${candidate.id}/decision`)],
      ["recordDecision", await apiRequest(app, secret, `/candidates/${candidate.id}/decision`, { body: { kind: "accept", basedOn: stored.computedAt.toISOString() } })],
    ] as const) {
      expect(response.status, operation).toBe(403);
      expect((await api.check(operation, response)).detail).toMatch(/withheld/);
    }
    expect(await db.hiringDecision.count({ where: { candidateId: candidate.id } })).toBe(0);
    // Once the owner no longer owes it (here: cancelled), the recommendation is readable.
    await db.interview.update({ where: { id: ownInterview.id }, data: { status: "CANCELLED" } });
    expect((await apiRequest(app, secret, `/candidates/${candidate.id}/recommendation`)).status).toBe(200);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a token passes its per-minute limit, shared by every server", async () => {
    const { authenticateApiToken } = await import("~/models/api-token.server");
    const secret = await createToken("Rate limited", ["candidates:read"]);
    const minute = new Date("2031-05-01T10:00:00Z");
    for (let i = 1; i <= RATE_LIMIT; i++) {
      expect((await authenticateApiToken(secret, RATE_LIMIT, new Date(minute.getTime() + i * 100))).ok).toBe(true);
    }
    const over = await authenticateApiToken(secret, RATE_LIMIT, new Date(minute.getTime() + 45_000));
    expect(over).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 15 });
    expect((await authenticateApiToken(secret, RATE_LIMIT, new Date(minute.getTime() + 60_000))).ok).toBe(true);

    // Over HTTP, with the server's configured limit: within two windows, 2 × limit + 1 requests must meet a 429.
    let refused: Response | undefined;
    for (let i = 0; i < 2 * SERVER_LIMIT + 1 && !refused; i++) {
      const response = await apiRequest(app, secret, "/candidates?limit=1");
      if (response.status === 429) refused = response;
      else await response.body?.cancel();
    }
    expect(refused?.headers.get("retry-after")).toMatch(/^\d+$/);
    await api.check("listCandidates", refused!);
  }, 120_000);
});

describe("coverage of the document", () => {
  it("every operation's success answer was checked against the document", () => {
    for (const endpoint of ENDPOINTS) expect(api.checked.get(endpoint.id)?.has(endpoint.response.status), endpoint.id).toBe(true);
  });
});

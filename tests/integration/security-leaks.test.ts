import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LevelingPolicy } from "~/domain/leveling";
import { createTestUser, login, TEST_PASSWORD, type TestUser } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";
import { AUTHORIZATION_MATRIX, BLIND_MATRIX, isRefusal, type MatrixContext, type Prepared } from "../security/authorization-matrix";
import { dataUrl, loadBuildRoutes } from "../security/build-routes";
import { changedTables, tableChecksums } from "../security/checksums";
import { answerOf, isGranted } from "../security/http";
import {
  ACTORS,
  createBlindWorld,
  createCast,
  createRecommendedCandidate,
  createWorld,
  isBlind,
  type ActorKey,
  type BlindActor,
  type Cast,
  type CastMember,
} from "../security/world";

/**
 * Item 3 of issue 6 (leaks and sessions):
 * - every page and its single-fetch data, fetched as each role, is scanned for what that
 *   role must never receive: password hashes, session tokens or their hashes, salary bands
 *   and the leveling explanation (interviewers), candidates' e-mail addresses (anyone but
 *   recruiters), other candidates' names (interviewers not assigned to them);
 * - form replies never echo a password back;
 * - sessions end as ADR 004 says, with a fake clock (the session functions take `now`) and
 *   over HTTP: after logout, a password change elsewhere, an admin's reset, deactivation, idle
 *   and absolute expiry, not one request is accepted (every page, data request and action);
 * - the audit table refuses UPDATE, DELETE and TRUNCATE from the app's own connection (its
 *   role has no such right; tests/integration/database-roles.test.ts has the rest).
 */

let app: TestApp;
let ctx: MatrixContext;
let cast: Cast;
let recommended: Awaited<ReturnType<typeof createRecommendedCandidate>>;
const routes = await loadBuildRoutes();

beforeAll(async () => {
  app = await startTestApp();
  const db = (await import("~/utils/db.server")).getDb();
  cast = await createCast(app);
  ctx = { app, db, cast, world: await createWorld(app, db, cast) };
  // A candidate with a recommendation, a salary band and a FAANG premium, scored by A, B and P.
  recommended = await createRecommendedCandidate(
    db,
    { default: cast.A.id, ml_system_design: cast.B.id, code_quality: cast.P.id },
    { faangExperience: true },
  );
}, 120_000);
afterAll(async () => app?.close());

const MEMBER_OF: Record<Exclude<ActorKey, "anonymous">, (assigned: "A" | "B" | "P") => CastMember> = {
  assigned: (assigned) => assigned,
  unassigned: () => "out",
  recruiter: () => "recruiter",
  admin: () => "admin",
};

/** Every page a member may open: the authorization table's GET cases they pass, plus the recommended candidate's. */
function pagesFor(member: CastMember): string[] {
  const paths = new Set<string>();
  for (const route of routes) {
    // The REST API answers a session nothing (the matrix checks the 401s); its OpenAPI
    // document names fields like "band" but holds no data.
    if (route.id.startsWith("routes/api.")) continue;
    for (const check of AUTHORIZATION_MATRIX[route.id]?.get ?? []) {
      for (const actor of ACTORS) {
        if (actor === "anonymous" || isRefusal(check.expect[actor]) || check.expect[actor].kind === "redirect") continue;
        if (MEMBER_OF[actor](check.assigned ?? "A") !== member) continue;
        const path = check.path(ctx);
        const variants = check.variants ?? ["document", "data"];
        if (variants.includes("document")) paths.add(path);
        if (variants.includes("data")) paths.add(check.dataPath ? check.dataPath(ctx) : dataUrl(path));
      }
    }
  }
  const interviewOf = (areaKey: string) => recommended.interviews.find((interview) => interview.areaKey === areaKey)!.id;
  const scorecardOf = (areaKey: string) => recommended.scorecards[recommended.interviews.findIndex((i) => i.areaKey === areaKey)]!;
  const extra: Partial<Record<CastMember, string[]>> = {
    A: [
      "/interviews",
      `/interviews/${interviewOf("problem_formulation")}`,
      `/interviews/${interviewOf("problem_formulation")}/feedback`,
      `/interviews/${interviewOf("problem_formulation")}/kit`,
      `/scorecards/${scorecardOf("ml_system_design")}`,
    ],
    B: [`/interviews/${interviewOf("ml_system_design")}/feedback`, `/scorecards/${scorecardOf("problem_formulation")}`],
    recruiter: [
      `/candidates/${recommended.candidate.id}`,
      `/candidates/${recommended.candidate.id}/packet`,
      `/candidates/${recommended.candidate.id}/packet.csv`,
    ],
    admin: ["/admin/policy/simulation", "/admin/audit.csv"],
  };
  for (const path of extra[member] ?? []) {
    if (path.startsWith("/interviews/") && path.endsWith("/kit") && !routes.some((route) => route.pattern.endsWith("/kit"))) continue;
    paths.add(path);
    paths.add(dataUrl(path));
  }
  return [...paths];
}

/** A JSON key as it appears in a single-fetch stream, raw or inside the HTML's script string. */
const key = (name: string) => new RegExp(`\\\\?"${name}\\\\?"`);
/** A number on its own, not part of a UUID, a date or another number. */
const bareNumber = (value: number) => new RegExp(`(?<![\\w.-])${value}(?![\\w.])`);

describe("serialized loader data, per role", () => {
  it("never carries hashes, tokens, bands to interviewers, or other people's candidates", async () => {
    const { db } = ctx;
    const candidates = await db.candidate.findMany({ select: { id: true, name: true, email: true } });
    const assignments = await db.interview.findMany({ select: { candidateId: true, interviewerId: true } });
    const sessions = await db.session.findMany({ select: { id: true } });
    const tokens = Object.values(cast.cookies).map((cookie) => cookie.split("=")[1]!);
    const rec = recommended.recommendation;
    const bandNumbers = [rec.bandMin, rec.bandMax, rec.premiumMin, rec.premiumMax].filter((n): n is number => n !== null);
    expect(bandNumbers).toHaveLength(4);

    const findings: string[] = [];
    let scanned = 0;
    for (const member of ["A", "B", "P", "out", "recruiter", "admin"] as const) {
      const user = cast[member];
      const interviewerOnly = user.roles.length === 1 && user.roles[0] === "INTERVIEWER";
      const mine = new Set(assignments.filter((a) => a.interviewerId === user.id).map((a) => a.candidateId));
      for (const path of pagesFor(member)) {
        const response = await app.request(path, { cookie: cast.cookies[member] });
        const body = await response.text();
        scanned += 1;
        if (response.status !== 200) findings.push(`${member} ${path}: expected 200 to scan it, got ${response.status}`);
        const found = (what: string) => findings.push(`${member} ${path}: ${what}`);
        if (body.includes("$argon2")) found("a password hash");
        if (key("passwordHash").test(body)) found("a passwordHash field");
        for (const token of tokens) if (body.includes(token)) found("a session token");
        for (const session of sessions) if (body.includes(session.id)) found("a session id (token hash)");
        if (user.roles.includes("RECRUITER")) continue;
        for (const candidate of candidates) if (body.includes(candidate.email)) found(`the e-mail of candidate ${candidate.name}`);
        if (!interviewerOnly) continue;
        for (const name of ["bandMin", "bandMax", "premiumMin", "premiumMax", "band", "premiumBand", "explanation", "flagCount"]) {
          if (key(name).test(body)) found(`the field ${name}`);
        }
        for (const value of bandNumbers) {
          if (bareNumber(value).test(body) || body.includes(value.toLocaleString("en-US"))) found(`the band figure ${value}`);
        }
        for (const candidate of candidates) {
          if (!mine.has(candidate.id) && body.includes(candidate.name)) found(`the name of candidate ${candidate.name}, not theirs`);
        }
      }
    }
    console.log(`loader responses scanned: ${scanned}, leaks found: ${findings.length}`);
    expect(findings).toEqual([]);

    // The scanner sees what it looks for where it is allowed: the recruiter gets the band and
    // the e-mail, the assigned interviewer the candidate's name.
    const recruiterView = await (await app.request(`/candidates/${recommended.candidate.id}.data`, { cookie: cast.cookies.recruiter })).text();
    expect(recruiterView).toMatch(bareNumber(rec.bandMin!));
    expect(recruiterView).toMatch(key("premiumBand"));
    expect(recruiterView).toContain(recommended.candidate.email);
    expect(await (await app.request("/interviews.data", { cookie: cast.cookies.A })).text()).toContain(recommended.candidate.name);
  }, 120_000);

  it("form replies never echo a password", async () => {
    const canary = `Leak-Canary-${randomUUID()}`;
    const target = await createTestUser(["INTERVIEWER"]);
    const posts: [string, string | undefined, Record<string, string>][] = [
      ["/login", undefined, { email: "not-an-email", password: canary }],
      ["/login", undefined, { email: target.email, password: canary }],
      ["/account", cast.cookies.A, { currentPassword: canary, newPassword: canary, confirmPassword: `${canary}x` }],
      ["/account", cast.cookies.A, { currentPassword: canary, newPassword: `${canary}!`, confirmPassword: `${canary}!` }],
      ["/admin/users", cast.cookies.admin, { intent: "create", name: "", email: "x@test.example", password: canary, roles: "ADMIN" }],
      ["/admin/users", cast.cookies.admin, { intent: "reset-password", userId: cast.admin.id, password: canary }],
    ];
    const echoes: string[] = [];
    for (const [path, cookie, form] of posts) {
      for (const variant of ["document", "data"] as const) {
        const response = await app.request(variant === "data" ? dataUrl(path) : path, { cookie, form });
        const body = await response.text();
        expect(response.status, `${path} ${variant}`).toBeGreaterThanOrEqual(400);
        if (body.includes(canary)) echoes.push(`${variant} ${path} (${response.status})`);
      }
    }
    await ctx.db.loginThrottle.deleteMany();
    expect(echoes).toEqual([]);
  });
});

describe("session lifecycle with a fake clock", () => {
  const IDLE_MS = 120 * 60_000;
  const ABSOLUTE_MS = 12 * 3_600_000;

  it("expires on inactivity, caps at the absolute lifetime, and ends on logout, password change and deactivation", async () => {
    const session = await import("~/auth/session.server");
    const { changePassword, deactivateUser } = await import("~/models/user.server");
    const user = await createTestUser(["INTERVIEWER"]);
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);

    // Inactivity: valid just before the idle deadline, gone just after it (and its row deleted).
    const idle = await session.createSession(user.id, {}, t0);
    expect(await session.validateSessionToken(idle.token, at(IDLE_MS - 1))).not.toBeNull();
    const idle2 = await session.createSession(user.id, {}, t0);
    expect(await session.validateSessionToken(idle2.token, at(IDLE_MS + 1))).toBeNull();
    expect(await ctx.db.session.count({ where: { id: session.sessionIdFromToken(idle2.token) } })).toBe(0);

    // Absolute cap: used every 50 minutes, it still ends 12 hours after sign-in.
    const busy = await session.createSession(user.id, {}, t0);
    let now = 0;
    while (now + 50 * 60_000 < ABSOLUTE_MS) {
      now += 50 * 60_000;
      expect(await session.validateSessionToken(busy.token, at(now)), `at +${now / 60_000} min`).not.toBeNull();
    }
    expect(await session.validateSessionToken(busy.token, at(ABSOLUTE_MS))).toBeNull();

    // Logout.
    const out = await session.createSession(user.id, {});
    await session.invalidateSession(session.sessionIdFromToken(out.token));
    expect(await session.validateSessionToken(out.token)).toBeNull();

    // Password change: every other session ends, the one it was made from stays.
    const kept = await session.createSession(user.id, {});
    const others = [await session.createSession(user.id, {}), await session.createSession(user.id, {})];
    await changePassword(user.id, "another long passphrase", session.sessionIdFromToken(kept.token));
    for (const other of others) expect(await session.validateSessionToken(other.token)).toBeNull();
    expect(await session.validateSessionToken(kept.token)).not.toBeNull();

    // Deactivation ends every session; and a session of an inactive user is refused even if its row survived.
    await deactivateUser(user.id, { id: cast.admin.id });
    expect(await session.validateSessionToken(kept.token)).toBeNull();
    const survivor = await session.createSession(user.id, {});
    expect(await session.validateSessionToken(survivor.token)).toBeNull();
  });
});

describe("over HTTP, after a session ends", () => {
  /** Every GET case and every action case the table sends anonymous users to sign in for, prepared once. */
  let battery: { gets: string[]; posts: Prepared[] };

  beforeAll(async () => {
    const gets = new Set<string>();
    const posts: Prepared[] = [];
    for (const route of routes) {
      const entry = AUTHORIZATION_MATRIX[route.id];
      for (const check of entry?.get ?? []) {
        if (check.expect.anonymous.kind !== "login") continue;
        const path = check.path(ctx);
        gets.add(path);
        gets.add(check.dataPath ? check.dataPath(ctx) : dataUrl(path));
      }
      for (const cases of Object.values(entry?.intents ?? {})) {
        for (const check of cases) if (check.expect.anonymous.kind === "login") posts.push(await check.prepare(ctx));
      }
    }
    battery = { gets: [...gets], posts };
  }, 120_000);

  /** Someone who may use every page: all three roles. */
  async function everything(): Promise<TestUser> {
    return createTestUser(["INTERVIEWER", "RECRUITER", "ADMIN"]);
  }

  /** How many requests of the battery the cookie still gets through (anything but a sign-in redirect). */
  async function accepted(cookie: string): Promise<{ accepted: string[]; total: number }> {
    const through: string[] = [];
    let total = 0;
    for (const path of battery.gets) {
      total += 1;
      const answer = answerOf(await app.request(path, { cookie }).then(async (r) => (await r.arrayBuffer(), r)));
      if (isGranted(answer, path.includes(".data") ? "data" : "document") || answer.status !== (path.includes(".data") ? 202 : 302)) {
        through.push(`GET ${path} → ${answer.status} ${answer.location ?? ""}`);
      }
    }
    for (const post of battery.posts) {
      for (const variant of ["document", "data"] as const) {
        total += 1;
        const before = await tableChecksums(ctx.db);
        const url = variant === "data" ? dataUrl(post.path) : post.path;
        const response = await app.request(url, { cookie, form: post.form });
        await response.arrayBuffer();
        const answer = answerOf(response);
        const changed = changedTables(before, await tableChecksums(ctx.db));
        if (isGranted(answer, variant) || !answer.location?.startsWith("/login") || changed.length) {
          through.push(`POST ${url} → ${answer.status} ${answer.location ?? ""} ${changed.join(", ")}`);
        }
      }
    }
    return { accepted: through, total };
  }

  const ends: [string, (user: TestUser, cookie: string) => Promise<void>][] = [
    [
      "logout",
      async (_user, cookie) => {
        expect((await app.request("/logout", { method: "POST", cookie })).status).toBe(302);
      },
    ],
    [
      "a password change from another session",
      async (user) => {
        const other = await login(app, user);
        const response = await app.request("/account", {
          cookie: other,
          form: { currentPassword: TEST_PASSWORD, newPassword: "a new passphrase 2026", confirmPassword: "a new passphrase 2026" },
        });
        expect(response.status).toBe(302);
        expect((await app.request("/account", { cookie: other })).status).toBe(200); // that one stays
      },
    ],
    [
      "an admin's password reset",
      async (user) => {
        const response = await app.request("/admin/users", {
          cookie: cast.cookies.admin,
          form: { intent: "reset-password", userId: user.id, password: "reset by the admin" },
        });
        expect(response.status).toBe(302);
      },
    ],
    [
      "deactivation",
      async (user) => {
        const response = await app.request("/admin/users", { cookie: cast.cookies.admin, form: { intent: "deactivate", userId: user.id } });
        expect(response.status).toBe(302);
      },
    ],
    [
      "inactivity past the idle timeout (the clock moved in the database)",
      async (user) => {
        await ctx.db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
      },
    ],
    [
      "the absolute lifetime (the clock moved in the database)",
      async (user) => {
        await ctx.db.session.updateMany({
          where: { userId: user.id },
          data: { absoluteExpiresAt: new Date(Date.now() - 1_000), expiresAt: new Date(Date.now() + 3_600_000) },
        });
      },
    ],
  ];

  it.each(ends)("accepts 0 requests after %s", async (_label, end) => {
    const user = await everything();
    const cookie = await login(app, user);
    for (const path of ["/candidates", "/interviews", "/admin/users", "/account"]) {
      expect((await app.request(path, { cookie })).status, path).toBe(200);
    }
    await end(user, cookie);
    const result = await accepted(cookie);
    console.log(`${_label}: ${result.accepted.length} of ${result.total} requests accepted`);
    expect(result.accepted).toEqual([]);
    expect(result.total).toBeGreaterThan(50);
  }, 60_000);
});

describe("the audit log", () => {
  it("refuses UPDATE, DELETE and TRUNCATE from the application's own connection", async () => {
    const { getDb } = await import("~/utils/db.server");
    const db = getDb();
    await db.auditEvent.create({ data: { action: "test.append", entityType: "Test", details: { note: "appending is allowed" } } });
    const before = await tableChecksums(db, []);
    const count = await db.auditEvent.count();
    expect(count).toBeGreaterThan(1);
    const attempts: [string, () => Promise<unknown>][] = [
      ["UPDATE", () => db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered'`],
      ["UPDATE one row", () => db.$executeRaw`UPDATE "AuditEvent" SET "details" = '{}' WHERE "id" = (SELECT max("id") FROM "AuditEvent")`],
      ["DELETE", () => db.$executeRaw`DELETE FROM "AuditEvent"`],
      ["DELETE one row", () => db.$executeRaw`DELETE FROM "AuditEvent" WHERE "action" = 'test.append'`],
      ["TRUNCATE", () => db.$executeRaw`TRUNCATE "AuditEvent"`],
      ["Prisma update", () => db.auditEvent.updateMany({ data: { action: "tampered" } })],
      ["Prisma delete", () => db.auditEvent.deleteMany({})],
    ];
    for (const [label, attempt] of attempts) {
      await expect(attempt(), label).rejects.toThrow(/permission denied for table AuditEvent/);
    }
    expect(await db.auditEvent.count()).toBe(count);
    expect(changedTables(before, await tableChecksums(db, []))).toEqual([]);
  });
});

describe("independent scoring: what people who owe a scorecard receive, whatever their roles", () => {
  it("no page, data request, export or history line carries a colleague's evidence, scores, means, recommendation or decision", async () => {
    const blind = await createBlindWorld(app, ctx.db);
    const candidatePath = `/candidates/${blind.candidate.id}`;
    // A draft policy that changes X's premium band (X has FAANG-type experience), so the
    // simulation lists X to whoever may see it; the bands themselves must keep rising by level.
    const { discardPolicyDraft, savePolicyDraft, startPolicyDraft } = await import("~/models/policy-admin.server");
    const admin = { id: cast.admin.id };
    // Earlier tests of this file may have left one (the battery prepares the policy actions).
    const leftover = await ctx.db.levelingPolicyVersion.findFirst({ where: { status: "DRAFT" } });
    if (leftover) await discardPolicyDraft({ draftId: leftover.id, expectedVersion: leftover.version, actor: admin });
    const started = await startPolicyDraft(admin);
    if (!started.ok) throw new Error(`could not start a policy draft: ${started.reason}`);
    const draft = await ctx.db.levelingPolicyVersion.findUniqueOrThrow({ where: { id: started.id } });
    const policy = draft.policy as unknown as LevelingPolicy;
    policy.faangPremiumPercent.max = Math.min(100, policy.faangPremiumPercent.max + 5);
    const saved = await savePolicyDraft({ draftId: draft.id, expectedVersion: draft.version, policy, actor: admin });
    if (!saved.ok) throw new Error(`could not save the policy draft: ${saved.reason}`);
    // As stored (1.2345) or as the pages show it (1.23).
    const [whole, decimals] = String(blind.colleagueScore).split(".") as [string, string];
    const score = new RegExp(`(?<![\\w.-])${whole}\\.${decimals.slice(0, 2)}(?:${decimals.slice(2)})?(?![\\w.])`);
    /** What the recommendation and the decision bring with them, by key (data) or CSV record. */
    const recommendationKeys = ["explanation", "premiumBand", "levelTitle", "decidedByName"];
    const csvRecords = ["Area mean", "Recommendation", "Band", "Flag", "Explanation", "Decision"];

    const scan = (path: string, body: string): string[] => {
      const found = blind.markers.filter((marker) => body.includes(marker)).map((marker) => `marker ${marker}`);
      if (score.test(body)) found.push(`the colleague's weighted score ${blind.colleagueScore}`);
      if (path.startsWith(candidatePath)) {
        for (const name of recommendationKeys) if (key(name).test(body)) found.push(`the field ${name}`);
        for (const record of csvRecords) if (body.includes(`\r\n${record},`)) found.push(`the CSV record ${record}`);
      }
      if (path.startsWith("/admin/policy/simulation") && body.includes(blind.candidate.name)) found.push("X in the policy simulation");
      // Narrowed by X's level or by "decided", the list must not give X away.
      if (/^\/candidates(\.data)?\?.*&(level|decision)=/.test(path) && body.includes(blind.candidate.id)) found.push("X listed by its level or decision");
      return found;
    };

    const findings: string[] = [];
    let scanned = 0;
    for (const actor of blind.actors.filter((candidate) => isBlind(candidate.state))) {
      for (const check of BLIND_MATRIX) {
        if (check.expect(actor).kind !== "ok") continue;
        for (const path of check.paths(blind, actor)) {
          for (const variant of check.variants ?? (["document", "data"] as const)) {
            const url = variant === "data" ? dataUrl(path) : path;
            const response = await app.request(url, { cookie: actor.cookie });
            const body = await response.text();
            scanned += 1;
            if (response.status !== 200) findings.push(`${actor.key} ${url}: expected 200 to scan it, got ${response.status}`);
            for (const what of scan(url, body)) findings.push(`${actor.key} ${url}: ${what}`);
          }
        }
      }
      // Every other page their roles open, with its data: nothing there may carry X's scores either.
      for (const path of otherPagesOf(actor, candidatePath)) {
        for (const url of path.includes(".data") ? [path] : [path, dataUrl(path)]) {
          const response = await app.request(url, { cookie: actor.cookie });
          const body = await response.text();
          scanned += 1;
          if (response.status !== 200) findings.push(`${actor.key} ${url}: expected 200 to scan it, got ${response.status}`);
          for (const what of scan(url, body)) findings.push(`${actor.key} ${url}: ${what}`);
        }
      }
      if (actor.roles.includes("RECRUITER")) {
        // The notice stands where the recommendation was; the list says so in X's row.
        for (const path of [candidatePath, `${candidatePath}/packet`, listOfBlind(blind)]) {
          const html = await (await app.request(path, { cookie: actor.cookie })).text();
          if (!html.includes("until you submit")) findings.push(`${actor.key} ${path}: no notice of what is withheld`);
        }
      }
    }
    console.log(`multi-role blind responses scanned: ${scanned}, leaks found: ${findings.length}`);
    expect(findings).toEqual([]);

    // The scanner finds what it looks for where it is allowed: someone with every role who
    // takes no part in X gets the evidence, the score, the recommendation and the decision.
    const seer = blind.actors.find((actor) => actor.state === "none" && actor.roles.length === 3)!;
    const seen = async (path: string) => scan(path, await (await app.request(path, { cookie: seer.cookie })).text());
    expect(await seen(`${candidatePath}.data`)).toEqual(expect.arrayContaining(["the field explanation", "the field decidedByName", `marker ${blind.markers[0]}`]));
    expect((await seen(`${candidatePath}/packet`)).length).toBeGreaterThan(5);
    expect(await seen(`${candidatePath}/packet.csv`)).toEqual(expect.arrayContaining(["the CSV record Area mean", "the CSV record Decision"]));
    expect(await seen("/admin/audit.csv")).toContain(`the colleague's weighted score ${blind.colleagueScore}`);
    expect(await seen(listOfBlind(blind, `&level=${blind.level}`))).toContain("X listed by its level or decision");
    expect(await seen("/analytics")).toContain(`marker ${blind.markers[0]}`);
    expect(await seen("/admin/policy/simulation")).toContain("X in the policy simulation");
    await discardPolicyDraft({ draftId: draft.id, expectedVersion: saved.version, actor: admin });
  }, 240_000);
});

/** The pages besides BLIND_MATRIX's that a multi-role actor's roles open. */
function otherPagesOf(actor: BlindActor, candidatePath: string): string[] {
  const pages = ["/_root.data?_routes=root", "/inbox", "/account"];
  if (actor.roles.includes("INTERVIEWER")) {
    pages.push("/interviews", ...actor.interviews.flatMap((id) => [`/interviews/${id}`, `/interviews/${id}/kit`]));
  }
  if (actor.roles.includes("RECRUITER")) pages.push(`${candidatePath}/edit`, "/candidates/new");
  if (actor.roles.includes("ADMIN")) pages.push("/admin/users", "/admin/policy", "/admin/rubrics");
  return pages;
}

function listOfBlind({ candidate }: { candidate: { name: string } }, filters = ""): string {
  return `/candidates?q=${encodeURIComponent(candidate.name)}${filters}`;
}

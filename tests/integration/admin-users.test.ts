import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, login, TEST_PASSWORD, type TestUser } from "../support/fixtures";
import { completeScorecardForm, createCandidateWithInterviews, publishedCriteria } from "../support/scorecards";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let db: import("~/utils/db.server").Db;
let admin: TestUser;
let adminCookie: string;

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  admin = await createTestUser(["ADMIN"]);
  adminCookie = await login(app, admin);
});
afterAll(async () => app?.close());

const postUsers = (form: Record<string, string | string[]>, cookie = adminCookie) => app.request("/admin/users", { cookie, form });

/** A page still works with this cookie (200), or it sends to the login page (302). */
const statusWith = async (cookie: string) => (await app.request("/account", { cookie })).status;

describe("access to admin pages", () => {
  it("gives interviewers and recruiters 403 on every admin page and action, and changes nothing", async () => {
    const target = await createTestUser(["INTERVIEWER"]);
    const counts = async () => ({
      users: await db.user.count(),
      sessions: await db.session.count({ where: { userId: target.id } }),
      rubricVersions: await db.rubricVersion.count(),
      policyVersions: await db.levelingPolicyVersion.count(),
      adminEvents: await db.auditEvent.count({ where: { action: { startsWith: "user." }, entityId: target.id } }),
    });
    await login(app, target);
    const before = await counts();
    const pages = [
      "/admin/users",
      "/admin/audit",
      "/admin/audit.csv",
      "/admin/rubrics",
      "/admin/rubrics/code_quality",
      "/admin/policy",
      "/admin/policy/simulation",
      "/admin/users.data",
      "/admin/audit.data",
    ];
    const actions: [string, Record<string, string>][] = [
      ["/admin/users", { intent: "create", name: "X", email: "x-forbidden@test.example", password: "password123", roles: "ADMIN" }],
      ["/admin/users", { intent: "roles", userId: target.id, roles: "ADMIN" }],
      ["/admin/users", { intent: "deactivate", userId: target.id }],
      ["/admin/users", { intent: "reactivate", userId: target.id }],
      ["/admin/users", { intent: "reset-password", userId: target.id, password: "a new password" }],
      ["/admin/rubrics/code_quality", { intent: "start" }],
      ["/admin/policy", { intent: "start" }],
    ];
    for (const roles of [["INTERVIEWER"], ["RECRUITER"], ["INTERVIEWER", "RECRUITER"]] as const) {
      const cookie = await login(app, await createTestUser([...roles]));
      for (const path of pages) expect((await app.request(path, { cookie })).status, `${roles.join("+")} GET ${path}`).toBe(403);
      for (const [path, form] of actions) {
        expect((await app.request(path, { cookie, form })).status, `${roles.join("+")} POST ${path} ${form.intent}`).toBe(403);
      }
    }
    expect({ ...(await counts()), users: before.users }).toEqual(before);
    expect(await db.user.count()).toBe(before.users + 3);
  });

  it("sends anonymous visitors to sign in", async () => {
    for (const path of ["/admin/rubrics", "/admin/policy", "/admin/audit.csv"]) {
      const response = await app.request(path);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    }
  });
});

describe("user management", () => {
  it("creates a user with several roles, and refuses invalid input with an error per field", async () => {
    const invalid = await postUsers({ intent: "create", name: " ", email: "not-an-email", password: "short" });
    expect(invalid.status).toBe(400);
    const page = await invalid.text();
    expect(page).toContain("Name is required");
    expect(page).toContain("Enter a valid email address");
    expect(page).toContain("Use at least 8 characters");
    expect(page).toContain("Choose at least one role");
    expect(page).not.toContain('value="short"');
    expect(await db.user.count({ where: { email: "not-an-email" } })).toBe(0);

    const created = await postUsers({
      intent: "create",
      name: "Renata Alves",
      email: "Renata.Alves@Test.example",
      password: "initial password 1",
      roles: ["INTERVIEWER", "RECRUITER"],
    });
    expect(created.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email: "renata.alves@test.example" } });
    expect(user.roles.sort()).toEqual(["INTERVIEWER", "RECRUITER"]);
    expect(await login(app, { email: user.email, password: "initial password 1" })).toBeTruthy();

    const duplicate = await postUsers({ intent: "create", name: "Again", email: user.email, password: "whatever123", roles: "ADMIN" });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain("A user with this email already exists");
  });

  it("changes roles, audited with before and after, and refuses an empty set in that row", async () => {
    const user = await createTestUser(["INTERVIEWER"]);
    const response = await postUsers({ intent: "roles", userId: user.id, roles: ["INTERVIEWER", "ADMIN"] });
    expect(response.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).roles.sort()).toEqual(["ADMIN", "INTERVIEWER"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.roles_change", entityId: user.id } });
    expect(event.details).toEqual({ from: ["INTERVIEWER"], to: ["INTERVIEWER", "ADMIN"] });

    const empty = await postUsers({ intent: "roles", userId: user.id });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Choose at least one role");

    const ownAdmin = await postUsers({ intent: "roles", userId: admin.id, roles: "RECRUITER" });
    expect(ownAdmin.status).toBe(400);
    expect(await ownAdmin.text()).toContain("You cannot remove your own admin role.");

    const unknown = await postUsers({ intent: "roles", userId: crypto.randomUUID(), roles: "ADMIN" });
    expect(unknown.status).toBe(404);
  });

  it("deactivation ends every session at once, keeps the user's past work, and reactivation lets them back", async () => {
    const user = await createTestUser(["INTERVIEWER"]);
    const { interviews } = await createCandidateWithInterviews(db, [{ areaKey: "code_quality", interviewerId: user.id }]);
    const cookies = [await login(app, user), await login(app, user)];
    const submit = await app.request(`/interviews/${interviews[0]!.id}`, {
      cookie: cookies[0],
      form: { ...completeScorecardForm(await publishedCriteria(db, "code_quality"), { evidenced: ["serving"] }), intent: "submit" },
    });
    expect(submit.status).toBe(302);

    expect((await postUsers({ intent: "deactivate", userId: user.id })).status).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    for (const cookie of cookies) expect(await statusWith(cookie)).toBe(302);
    expect((await app.request("/login", { form: { email: user.email, password: TEST_PASSWORD } })).status).toBe(400);
    const scorecard = await db.scorecard.findUniqueOrThrow({ where: { interviewId: interviews[0]!.id } });
    expect(scorecard.submittedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.deactivate", entityId: user.id } })).toBe(1);

    const self = await postUsers({ intent: "deactivate", userId: admin.id });
    expect(self.status).toBe(400);
    expect(await self.text()).toContain("You cannot deactivate yourself.");

    expect((await postUsers({ intent: "reactivate", userId: user.id })).status).toBe(302);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.active).toBe(true);
    expect(row.deactivatedAt).toBeNull();
    expect(await statusWith(await login(app, user))).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "user.reactivate", entityId: user.id } })).toBe(1);
  });

  it("a password reset ends every session of the user and only the new password signs in", async () => {
    const user = await createTestUser(["RECRUITER"]);
    const cookies = [await login(app, user), await login(app, user)];
    const hashBefore = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;

    const tooShort = await postUsers({ intent: "reset-password", userId: user.id, password: "short" });
    expect(tooShort.status).toBe(400);
    const page = await tooShort.text();
    expect(page).toContain("Use at least 8 characters");
    expect(page).toContain(`id="reset-password-${user.id}-error"`);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
    for (const cookie of cookies) expect(await statusWith(cookie)).toBe(200);

    const newPassword = "a fresh initial passphrase";
    expect((await postUsers({ intent: "reset-password", userId: user.id, password: newPassword })).status).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    for (const cookie of cookies) expect(await statusWith(cookie)).toBe(302);
    expect((await app.request("/login", { form: { email: user.email, password: TEST_PASSWORD } })).status).toBe(400);
    expect(await statusWith(await login(app, { email: user.email, password: newPassword }))).toBe(200);

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password_reset", entityId: user.id } });
    expect(event.actorId).toBe(admin.id);
    expect(event.details).toEqual({ sessionsEnded: 2 });
    expect(JSON.stringify(event.details)).not.toContain(newPassword);

    const own = await postUsers({ intent: "reset-password", userId: admin.id, password: "whatever password" });
    expect(own.status).toBe(400);
    expect(await own.text()).toContain("Change your own password under Account.");
  });
});

describe("audit log", () => {
  it("records publishes, role changes, decisions, overrides and submissions, and filters by actor, action, entity and date", async () => {
    const interviewer = await createTestUser(["INTERVIEWER"]);
    const recruiter = await createTestUser(["RECRUITER"]);
    const interviewerCookie = await login(app, interviewer);

    // A scorecard submission, then a recruiter's override of the (incomplete) recommendation.
    const { candidate, interviews } = await createCandidateWithInterviews(db, [{ areaKey: "model_development", interviewerId: interviewer.id }]);
    const submit = await app.request(`/interviews/${interviews[0]!.id}`, {
      cookie: interviewerCookie,
      form: { ...completeScorecardForm(await publishedCriteria(db, "model_development"), { evidenced: ["serving"] }), intent: "submit" },
    });
    expect(submit.status).toBe(302);
    const { recordDecision } = await import("~/models/decision.server");
    const stored = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: candidate.id } });
    const decided = await recordDecision({
      candidateId: candidate.id,
      basedOn: stored.computedAt,
      decision: { kind: "override", choice: "IC4", reason: "Strong references from a previous employer." },
      actor: { id: recruiter.id },
    });
    expect(decided.ok).toBe(true);

    // A role change, a rubric publish and a policy publish by the admin.
    expect((await postUsers({ intent: "roles", userId: recruiter.id, roles: ["RECRUITER", "INTERVIEWER"] })).status).toBe(302);
    expect((await app.request("/admin/rubrics/code_quality", { cookie: adminCookie, form: { intent: "start" } })).status).toBe(302);
    const rubricDraft = await db.rubricVersion.findFirstOrThrow({ where: { areaKey: "code_quality", status: "DRAFT" } });
    const rubricPublish = await app.request("/admin/rubrics/code_quality", {
      cookie: adminCookie,
      form: { intent: "publish", draftId: rubricDraft.id, version: String(rubricDraft.version) },
    });
    expect(rubricPublish.status).toBe(302);
    expect((await app.request("/admin/policy", { cookie: adminCookie, form: { intent: "start" } })).status).toBe(302);
    const policyDraft = await db.levelingPolicyVersion.findFirstOrThrow({ where: { status: "DRAFT" } });
    const policyPublish = await app.request("/admin/policy", {
      cookie: adminCookie,
      form: { intent: "publish", draftId: policyDraft.id, version: String(policyDraft.version) },
    });
    expect(policyPublish.status).toBe(302);

    const actionsShown = async (query: string) => {
      const response = await app.request(`/admin/audit?${query}`, { cookie: adminCookie });
      expect(response.status).toBe(200);
      return [...(await response.text()).matchAll(/data-action="([^"]+)"/g)].map((match) => match[1]!);
    };

    const everything = await actionsShown("");
    for (const action of ["rubric.publish", "policy.publish", "user.roles_change", "decision.override", "scorecard.submit"]) {
      expect(everything, action).toContain(action);
    }
    expect(await actionsShown("action=rubric.publish")).toEqual(["rubric.publish"]);
    expect(new Set(await actionsShown("action=decision."))).toEqual(new Set(["decision.override"]));
    expect(await actionsShown(`actorId=${recruiter.id}`)).toEqual(["decision.override"]);
    expect(new Set(await actionsShown(`actorId=${interviewer.id}&entityType=Scorecard`))).toEqual(new Set(["scorecard.submit"]));
    expect(new Set(await actionsShown("entityType=LevelingPolicyVersion"))).toEqual(new Set(["policy.draft_start", "policy.publish"]));
    const today = new Date().toISOString().slice(0, 10);
    expect(await actionsShown(`action=policy.publish&from=${today}&to=${today}`)).toEqual(["policy.publish"]);
    expect(await actionsShown("action=policy.publish&from=2000-01-01&to=2000-01-02")).toEqual([]);
    // Malformed filters are ignored rather than failing the page.
    expect((await actionsShown("actorId=nope&from=yesterday&page=-3")).length).toBeGreaterThan(0);
  });

  it("exports the filtered events as CSV, with spreadsheet formulas neutralised", async () => {
    const mallory = await createTestUser(["ADMIN"]);
    await db.user.update({ where: { id: mallory.id }, data: { name: "=HYPERLINK(\"http://evil.example\")" } });
    const malloryCookie = await login(app, mallory);
    const target = await createTestUser(["INTERVIEWER"]);
    expect((await postUsers({ intent: "roles", userId: target.id, roles: ["INTERVIEWER", "RECRUITER"] }, malloryCookie)).status).toBe(302);

    const response = await app.request(`/admin/audit.csv?actorId=${mallory.id}&action=user.`, { cookie: adminCookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at_utc,actor_id,actor_name,action,entity_type,entity_id,ip_address,details");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil.example"")",user.roles_change,User,${target.id},`);
    expect(response.headers.get("x-total-count")).toBe("1");
  });
});

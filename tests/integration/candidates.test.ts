import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let db: import("~/utils/db.server").Db;
let recruiter: TestUser;
let cookie: string;
let interviewerA: TestUser;
let interviewerB: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  // The five screen areas and their published rubrics, as every installation has them.
  const { ensureReferenceData } = await import("~/models/reference-data.server");
  await ensureReferenceData(db);
  recruiter = await createTestUser(["RECRUITER"]);
  cookie = await login(app, recruiter);
  interviewerA = await createTestUser(["INTERVIEWER"]);
  interviewerB = await createTestUser(["INTERVIEWER"]);
});
afterAll(async () => app?.close());

const CANDIDATE_PAGE = /^\/candidates\/([0-9a-f-]{36})$/;

function candidateForm(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const form: Record<string, string | undefined> = {
    name: "Valentina Rojas",
    email: `valentina-${randomUUID().slice(0, 8)}@candidates.example`,
    country: "Colombia",
    currentTitle: "Senior ML Engineer",
    yearsExperience: "8",
    track: "IC",
    faangExperience: "on",
    notes: "Met at a meetup in Medellín.",
    recruiterId: recruiter.id,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

async function createCandidate(overrides: Record<string, string | undefined> = {}): Promise<string> {
  const response = await app.request("/candidates/new", { cookie, form: candidateForm(overrides) });
  expect(response.status).toBe(302);
  const id = CANDIDATE_PAGE.exec(response.headers.get("location") ?? "")?.[1];
  expect(id).toBeDefined();
  return id!;
}

function assignForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "assign",
    areaKey: "ml_system_design",
    interviewerId: interviewerA.id,
    scheduledAt: "2030-01-15T14:00",
    durationMinutes: "60",
    ...overrides,
  };
}

async function assign(candidateId: string, overrides: Record<string, string> = {}): Promise<string> {
  const form = assignForm(overrides);
  const response = await app.request(`/candidates/${candidateId}`, { cookie, form });
  expect(response.status).toBe(302);
  const interview = await db.interview.findUniqueOrThrow({
    where: { candidateId_areaKey_interviewerId: { candidateId, areaKey: form.areaKey!, interviewerId: form.interviewerId! } },
  });
  return interview.id;
}

async function startScorecard(interviewId: string, submitted: boolean): Promise<string> {
  const interview = await db.interview.findUniqueOrThrow({ where: { id: interviewId } });
  const rubric = await db.rubricVersion.findFirstOrThrow({ where: { areaKey: interview.areaKey, status: "PUBLISHED" } });
  const scorecard = await db.scorecard.create({
    data: { interviewId, rubricVersionId: rubric.id, submittedAt: submitted ? new Date() : null },
  });
  return scorecard.id;
}

const auditOf = (action: string, entityId: string) =>
  db.auditEvent.findMany({ where: { action, entityId }, orderBy: { id: "asc" } });

describe("creating a candidate", () => {
  it("shows the form", async () => {
    const response = await app.request("/candidates/new", { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("New candidate");
    expect(html).toContain('name="faangExperience"');
    expect(html).toContain("Uruguay");
  });

  it("creates the row, records candidate.create without personal data, and redirects to the candidate page", async () => {
    const form = candidateForm({ name: "  Camila Duarte ", email: " Camila.Duarte@Candidates.Example " });
    const response = await app.request("/candidates/new", { cookie, form });
    expect(response.status).toBe(302);
    const id = CANDIDATE_PAGE.exec(response.headers.get("location") ?? "")![1]!;
    const row = await db.candidate.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      name: "Camila Duarte",
      email: "camila.duarte@candidates.example",
      country: "Colombia",
      currentTitle: "Senior ML Engineer",
      yearsExperience: 8,
      track: "IC",
      faangExperience: true,
      notes: "Met at a meetup in Medellín.",
      recruiterId: recruiter.id,
      version: 1,
    });
    const [audit, ...more] = await auditOf("candidate.create", id);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({ actorId: recruiter.id, entityType: "Candidate" });
    const details = JSON.stringify(audit!.details);
    expect(details).not.toMatch(/camila|duarte|medell/i);

    const page = await app.request(`/candidates/${id}`, { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Camila Duarte");
  });

  it("reads an unticked FAANG checkbox as no, and a blank recruiter as unassigned", async () => {
    const id = await createCandidate({ faangExperience: undefined, recruiterId: "", notes: "", track: "M" });
    const row = await db.candidate.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ faangExperience: false, recruiterId: null, notes: "", track: "M" });
  });

  it("answers bad input with 400, the field errors and the typed values, and writes nothing", async () => {
    const before = await db.candidate.count();
    const response = await app.request("/candidates/new", {
      cookie,
      form: candidateForm({ name: "", yearsExperience: "61", country: "Atlantis", currentTitle: "Staff ML Engineer at Example" }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain("Name is required");
    expect(html).toContain("Years of experience must be at most 60");
    expect(html).toContain("Choose a country from the list");
    expect(html).toContain('value="Staff ML Engineer at Example"');
    expect(await db.candidate.count()).toBe(before);
  });

  it("refuses a second candidate with the same email", async () => {
    const email = `same-${randomUUID().slice(0, 8)}@candidates.example`;
    await createCandidate({ email });
    const response = await app.request("/candidates/new", { cookie, form: candidateForm({ email: email.toUpperCase() }) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("A candidate with this email already exists");
    expect(await db.candidate.count({ where: { email } })).toBe(1);
  });

  it("refuses a recruiter who is not a recruiter", async () => {
    const before = await db.candidate.count();
    const response = await app.request("/candidates/new", { cookie, form: candidateForm({ recruiterId: interviewerA.id }) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Choose an active recruiter from the list");
    expect(await db.candidate.count()).toBe(before);
  });
});

describe("the candidate page", () => {
  it("lists the five screen areas in order and keeps a place for the recommendation", async () => {
    const id = await createCandidate();
    const html = await (await app.request(`/candidates/${id}`, { cookie })).text();
    const areas = ["Problem formulation", "Feature engineering", "Model development", "ML system design", "Code quality"];
    const positions = areas.map((name) => html.indexOf(name));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('<section id="recommendation"');
    expect(html).toContain("Incomplete");
    expect(html).toContain("No level until every screen area has a submitted scorecard.");
    expect(html).toContain("Date and time (UTC)");
  });

  it("answers 404 for an unknown or malformed id", async () => {
    for (const path of [`/candidates/${randomUUID()}`, "/candidates/not-a-uuid", `/candidates/${randomUUID()}/edit`, "/candidates/123/edit"]) {
      expect((await app.request(path, { cookie })).status, path).toBe(404);
    }
    const post = await app.request(`/candidates/${randomUUID()}`, { cookie, form: assignForm() });
    expect(post.status).toBe(404);
  });

  it("shows each interview's interviewer, UTC time and scorecard status, with links to submitted scorecards only", async () => {
    const id = await createCandidate();
    const upcoming = await assign(id, { areaKey: "problem_formulation", scheduledAt: "2030-01-15T14:00" });
    const drafted = await assign(id, { areaKey: "feature_engineering", scheduledAt: "2030-01-16T09:30" });
    const done = await assign(id, { areaKey: "model_development", scheduledAt: "2020-05-01T10:00" });
    await assign(id, { areaKey: "code_quality", scheduledAt: "2020-05-02T10:00" });
    await startScorecard(drafted, false);
    const submittedId = await startScorecard(done, true);
    expect(upcoming).toBeTruthy();

    const html = await (await app.request(`/candidates/${id}`, { cookie })).text();
    expect(html).toContain("2030-01-15 14:00 UTC");
    expect(html).toContain("2030-01-16 09:30 UTC");
    for (const label of ["Not started", "Draft", "Submitted", "Overdue"]) expect(html).toContain(label);
    expect(html).toContain(`href="/scorecards/${submittedId}"`);
    // The interview row and the recommendation's score list both link to it, and only to it.
    expect(new Set(html.match(/href="\/scorecards\/[^"]*"/g))).toEqual(new Set([`href="/scorecards/${submittedId}"`]));
    expect(html).toContain("1 of 5 screen areas have a submitted scorecard");
  });
});

describe("editing a candidate", () => {
  it("shows the form with the current version", async () => {
    const id = await createCandidate();
    const response = await app.request(`/candidates/${id}/edit`, { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<input[^>]*type="hidden"[^>]*name="version"[^>]*value="1"|<input[^>]*name="version"[^>]*type="hidden"[^>]*value="1"/);
  });

  it("saves, bumps the version and audits the changed field names only", async () => {
    const id = await createCandidate();
    const { email } = await db.candidate.findUniqueOrThrow({ where: { id } });
    const form = candidateForm({ version: "1", email, currentTitle: "Staff ML Engineer", faangExperience: undefined });
    const response = await app.request(`/candidates/${id}/edit`, { cookie, form });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/candidates/${id}`);
    const row = await db.candidate.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ currentTitle: "Staff ML Engineer", faangExperience: false, version: 2 });
    const [audit, ...more] = await auditOf("candidate.update", id);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({ actorId: recruiter.id, entityType: "Candidate" });
    expect(audit!.details).toEqual({ changed: ["currentTitle", "faangExperience"], version: 2 });
  });

  it("refuses a stale version with 409, keeps the row and writes no audit", async () => {
    const id = await createCandidate({ name: "Original Name" });
    const before = await db.candidate.findUniqueOrThrow({ where: { id } });
    const first = await app.request(`/candidates/${id}/edit`, {
      cookie,
      form: candidateForm({ version: "1", name: "First Editor", email: before.email }),
    });
    expect(first.status).toBe(302);
    const afterFirst = await db.candidate.findUniqueOrThrow({ where: { id } });

    const stale = await app.request(`/candidates/${id}/edit`, {
      cookie,
      form: candidateForm({ version: "1", name: "Second Editor", email: before.email }),
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("This candidate was changed by someone else. Reload to see their changes.");
    expect(await db.candidate.findUniqueOrThrow({ where: { id } })).toEqual(afterFirst);
    expect(afterFirst).toMatchObject({ name: "First Editor", version: 2 });
    expect(await auditOf("candidate.update", id)).toHaveLength(1);
  });

  it("answers bad input with 400 and changes nothing", async () => {
    const id = await createCandidate();
    const before = await db.candidate.findUniqueOrThrow({ where: { id } });
    const response = await app.request(`/candidates/${id}/edit`, {
      cookie,
      form: candidateForm({ version: "1", email: "not-an-email", yearsExperience: "-3" }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Enter a valid email address");
    expect(html).toContain("Years of experience cannot be negative");
    expect(await db.candidate.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });
});

describe("the stored recommendation", () => {
  it("exists from creation: incomplete, naming the five missing areas, under the current policy", async () => {
    const id = await createCandidate({ faangExperience: undefined });
    const stored = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: id } });
    expect(stored).toMatchObject({ status: "incomplete", level: null, bandMin: null, policyVersion: 1, flagCount: 1 });
    expect(stored.flags).toEqual([
      expect.objectContaining({
        kind: "missing_areas",
        areaKeys: ["problem_formulation", "feature_engineering", "model_development", "ml_system_design", "code_quality"],
      }),
    ]);
    expect(JSON.stringify(stored.explanation)).toContain("no submitted scorecard yet for Problem formulation, Feature engineering");
  });

  it("is recomputed when the track or FAANG-type experience changes, and only then", async () => {
    const id = await createCandidate({ faangExperience: undefined });
    const { email } = await db.candidate.findUniqueOrThrow({ where: { id } });
    const first = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: id } });

    const titleOnly = await app.request(`/candidates/${id}/edit`, {
      cookie,
      form: candidateForm({ version: "1", email, faangExperience: undefined, currentTitle: "Staff ML Engineer" }),
    });
    expect(titleOnly.status).toBe(302);
    const unchanged = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: id } });
    expect(unchanged.computedAt).toEqual(first.computedAt);

    for (const [version, overrides] of [
      ["2", { faangExperience: "on" }],
      ["3", { faangExperience: "on", track: "M" }],
    ] as const) {
      const before = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: id } });
      const response = await app.request(`/candidates/${id}/edit`, {
        cookie,
        form: candidateForm({ version, email, currentTitle: "Staff ML Engineer", ...overrides }),
      });
      expect(response.status).toBe(302);
      const after = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: id } });
      expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
      expect((after.evidence as { faangExperience: boolean; track: string }).faangExperience).toBe(true);
    }
    const last = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: id } });
    expect((last.evidence as { track: string }).track).toBe("M");
  });
});

describe("assigning interviewers", () => {
  it("creates the interview, read as UTC, and records interview.assign in the same change", async () => {
    const candidateId = await createCandidate();
    const response = await app.request(`/candidates/${candidateId}`, { cookie, form: assignForm({ durationMinutes: "45" }) });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/candidates/${candidateId}`);
    const interview = await db.interview.findFirstOrThrow({ where: { candidateId } });
    expect(interview).toMatchObject({
      areaKey: "ml_system_design",
      interviewerId: interviewerA.id,
      durationMinutes: 45,
      status: "SCHEDULED",
    });
    expect(interview.scheduledAt.toISOString()).toBe("2030-01-15T14:00:00.000Z");
    const [audit, ...more] = await auditOf("interview.assign", interview.id);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({ actorId: recruiter.id, entityType: "Interview" });
    expect(audit!.details).toMatchObject({ candidateId, area: "ml_system_design", from: null, to: interviewerA.id });
  });

  it("lets several interviewers screen the same area", async () => {
    const candidateId = await createCandidate();
    await assign(candidateId, { interviewerId: interviewerA.id });
    await assign(candidateId, { interviewerId: interviewerB.id });
    expect(await db.interview.count({ where: { candidateId, areaKey: "ml_system_design" } })).toBe(2);
  });

  it("refuses someone who is not an active interviewer, with 400 and nothing written", async () => {
    const candidateId = await createCandidate();
    const deactivated = await createTestUser(["INTERVIEWER"]);
    await db.user.update({ where: { id: deactivated.id }, data: { active: false } });
    const auditsBefore = await db.auditEvent.count({ where: { action: "interview.assign" } });
    for (const interviewerId of [recruiter.id, deactivated.id, randomUUID()]) {
      const response = await app.request(`/candidates/${candidateId}`, { cookie, form: assignForm({ interviewerId }) });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Choose an active interviewer from the list");
    }
    expect(await db.interview.count({ where: { candidateId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "interview.assign" } })).toBe(auditsBefore);
  });

  it("refuses the same interviewer twice on one area, with a friendly message and nothing written", async () => {
    const candidateId = await createCandidate();
    await assign(candidateId);
    const auditsBefore = await db.auditEvent.count({ where: { action: "interview.assign" } });
    const response = await app.request(`/candidates/${candidateId}`, { cookie, form: assignForm({ scheduledAt: "2030-02-01T10:00" }) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("is already assigned to ML system design for this candidate");
    const interviews = await db.interview.findMany({ where: { candidateId } });
    expect(interviews).toHaveLength(1);
    expect(interviews[0]!.scheduledAt.toISOString()).toBe("2030-01-15T14:00:00.000Z");
    expect(await db.auditEvent.count({ where: { action: "interview.assign" } })).toBe(auditsBefore);
  });

  it("validates the area, the time and the duration", async () => {
    const candidateId = await createCandidate();
    const cases: [Record<string, string>, string][] = [
      [{ scheduledAt: "" }, "Enter the date and time (UTC)"],
      [{ scheduledAt: "2030-02-30T10:00" }, "Enter a date and time like 2025-03-14T15:00 (UTC)"],
      [{ scheduledAt: "tomorrow" }, "Enter a date and time like 2025-03-14T15:00 (UTC)"],
      [{ durationMinutes: "5" }, "An interview lasts at least 15 minutes"],
      [{ durationMinutes: "" }, "Enter the duration in minutes"],
      [{ interviewerId: "" }, "Choose an interviewer"],
      [{ areaKey: "charisma" }, "Unknown screen area"],
    ];
    for (const [overrides, message] of cases) {
      const response = await app.request(`/candidates/${candidateId}`, { cookie, form: assignForm(overrides) });
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(await response.text(), JSON.stringify(overrides)).toContain(message);
    }
    expect(await db.interview.count({ where: { candidateId } })).toBe(0);
  });

  it("puts a refused assignment back in its form, with the error wired to the field for screen readers", async () => {
    const candidateId = await createCandidate();
    const response = await app.request(`/candidates/${candidateId}`, { cookie, form: assignForm({ durationMinutes: "5" }) });
    expect(response.status).toBe(400);
    const html = await response.text();
    const field = /<input[^>]*id="assign-ml_system_design-durationMinutes"[^>]*>/.exec(html)?.[0] ?? "";
    expect(field).toContain('value="5"');
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain('aria-describedby="assign-ml_system_design-durationMinutes-error"');
    expect(html).toMatch(/<ul id="assign-ml_system_design-durationMinutes-error"[^>]*><li>An interview lasts at least 15 minutes/);
    // The other areas' forms keep their defaults and show no error.
    expect(/<input[^>]*id="assign-model_development-durationMinutes"[^>]*>/.exec(html)?.[0]).toContain('value="60"');
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(1);
  });

  it("answers an unknown intent with 400", async () => {
    const candidateId = await createCandidate();
    const response = await app.request(`/candidates/${candidateId}`, { cookie, form: { intent: "delete-everything" } });
    expect(response.status).toBe(400);
  });
});

describe("reassigning an interview", () => {
  it("moves an interview nobody has started scoring and records from and to", async () => {
    const candidateId = await createCandidate();
    const interviewId = await assign(candidateId);
    const response = await app.request(`/candidates/${candidateId}`, {
      cookie,
      form: { intent: "reassign", interviewId, interviewerId: interviewerB.id },
    });
    expect(response.status).toBe(302);
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).interviewerId).toBe(interviewerB.id);
    const [audit] = await auditOf("interview.reassign", interviewId);
    expect(audit!.details).toMatchObject({ candidateId, area: "ml_system_design", from: interviewerA.id, to: interviewerB.id });
  });

  it("refuses once a scorecard exists, even a draft: it belongs to the first interviewer", async () => {
    const candidateId = await createCandidate();
    for (const submitted of [false, true]) {
      const areaKey = submitted ? "code_quality" : "feature_engineering";
      const interviewId = await assign(candidateId, { areaKey });
      await startScorecard(interviewId, submitted);
      const response = await app.request(`/candidates/${candidateId}`, {
        cookie,
        form: { intent: "reassign", interviewId, interviewerId: interviewerB.id },
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("and it stays theirs: the interview cannot be reassigned");
      expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).interviewerId).toBe(interviewerA.id);
      expect(await auditOf("interview.reassign", interviewId)).toHaveLength(0);
    }
  });

  it("refuses a non-interviewer and an interviewer already on the area", async () => {
    const candidateId = await createCandidate();
    const interviewId = await assign(candidateId, { interviewerId: interviewerA.id });
    await assign(candidateId, { interviewerId: interviewerB.id });
    const notInterviewer = await app.request(`/candidates/${candidateId}`, {
      cookie,
      form: { intent: "reassign", interviewId, interviewerId: recruiter.id },
    });
    expect(notInterviewer.status).toBe(400);
    expect(await notInterviewer.text()).toContain("Choose an active interviewer from the list");
    const taken = await app.request(`/candidates/${candidateId}`, {
      cookie,
      form: { intent: "reassign", interviewId, interviewerId: interviewerB.id },
    });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("is already assigned to ML system design for this candidate");
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).interviewerId).toBe(interviewerA.id);
  });

  it("does not reach another candidate's interview through this candidate's page", async () => {
    const mine = await createCandidate();
    const theirs = await createCandidate();
    const interviewId = await assign(theirs);
    const response = await app.request(`/candidates/${mine}`, {
      cookie,
      form: { intent: "reassign", interviewId, interviewerId: interviewerB.id },
    });
    expect(response.status).toBe(404);
    const cancel = await app.request(`/candidates/${mine}`, { cookie, form: { intent: "cancel", interviewId } });
    expect(cancel.status).toBe(404);
    expect(await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).toMatchObject({
      interviewerId: interviewerA.id,
      status: "SCHEDULED",
    });
  });
});

describe("cancelling an interview", () => {
  it("cancels while no scorecard is submitted, records it, and drops it from the page", async () => {
    const candidateId = await createCandidate();
    const interviewId = await assign(candidateId, { scheduledAt: "2031-07-07T07:07" });
    const drafted = await assign(candidateId, { areaKey: "code_quality" });
    await startScorecard(drafted, false);
    for (const id of [interviewId, drafted]) {
      const response = await app.request(`/candidates/${candidateId}`, { cookie, form: { intent: "cancel", interviewId: id } });
      expect(response.status).toBe(302);
      expect((await db.interview.findUniqueOrThrow({ where: { id } })).status).toBe("CANCELLED");
    }
    const [audit] = await auditOf("interview.cancel", interviewId);
    expect(audit!.details).toMatchObject({ candidateId, area: "ml_system_design", from: interviewerA.id });
    const html = await (await app.request(`/candidates/${candidateId}`, { cookie })).text();
    expect(html).not.toContain("2031-07-07 07:07 UTC");
  });

  it("refuses once the scorecard is submitted", async () => {
    const candidateId = await createCandidate();
    const interviewId = await assign(candidateId);
    await startScorecard(interviewId, true);
    const response = await app.request(`/candidates/${candidateId}`, { cookie, form: { intent: "cancel", interviewId } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("has submitted a scorecard for this interview, so it cannot be cancelled.");
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe("SCHEDULED");
    expect(await auditOf("interview.cancel", interviewId)).toHaveLength(0);
  });

  it("assigning the same interviewer again reopens the cancelled interview at the new time", async () => {
    const candidateId = await createCandidate();
    const interviewId = await assign(candidateId);
    await app.request(`/candidates/${candidateId}`, { cookie, form: { intent: "cancel", interviewId } });
    const reopened = await assign(candidateId, { scheduledAt: "2030-03-03T03:30" });
    expect(reopened).toBe(interviewId);
    const row = await db.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(row.status).toBe("SCHEDULED");
    expect(row.scheduledAt.toISOString()).toBe("2030-03-03T03:30:00.000Z");
    expect(await auditOf("interview.assign", interviewId)).toHaveLength(2);
  });
});

describe("access", () => {
  let candidateId: string;
  let interviewId: string;
  beforeAll(async () => {
    candidateId = await createCandidate();
    interviewId = await assign(candidateId);
  });

  const requests = () => [
    { path: "/candidates/new", form: candidateForm() },
    { path: `/candidates/${candidateId}`, form: assignForm({ areaKey: "code_quality", interviewerId: interviewerB.id }) },
    { path: `/candidates/${candidateId}`, form: { intent: "reassign", interviewId, interviewerId: interviewerB.id } },
    { path: `/candidates/${candidateId}`, form: { intent: "cancel", interviewId } },
    { path: `/candidates/${candidateId}/edit`, form: candidateForm({ version: "1", name: "Intruder" }) },
  ];

  async function snapshot() {
    return {
      candidates: await db.candidate.count(),
      interviews: await db.interview.findMany({ where: { candidateId }, orderBy: { id: "asc" } }),
      candidate: await db.candidate.findUniqueOrThrow({ where: { id: candidateId } }),
      audits: await db.auditEvent.count(),
    };
  }

  it.each([["INTERVIEWER"], ["ADMIN"]] as const)("a user who is only %s gets 403 on every loader and action", async (role) => {
    const user = await createTestUser([role]);
    const userCookie = await login(app, user);
    const before = await snapshot();
    for (const { path, form } of requests()) {
      expect((await app.request(path, { cookie: userCookie })).status, `GET ${path}`).toBe(403);
      expect((await app.request(`${path}.data`, { cookie: userCookie })).status, `GET ${path}.data`).toBe(403);
      expect((await app.request(path, { cookie: userCookie, form })).status, `POST ${path} ${form.intent ?? ""}`).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("sends anonymous users to the login page, loaders and actions alike", async () => {
    const before = await snapshot();
    for (const { path, form } of requests()) {
      for (const response of [await app.request(path), await app.request(path, { form })]) {
        expect(response.status, path).toBe(302);
        expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { completeScorecardForm, createCandidateWithInterviews, publishedCriteria } from "../support/scorecards";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let db: import("~/utils/db.server").Db;
let alice: TestUser;
let bruno: TestUser;
let carla: TestUser;
let recruiter: TestUser;
let cookies: Record<"alice" | "bruno" | "carla" | "recruiter", string>;

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  [alice, bruno, carla, recruiter] = await Promise.all([
    createTestUser(["INTERVIEWER"]),
    createTestUser(["INTERVIEWER"]),
    createTestUser(["INTERVIEWER"]),
    createTestUser(["RECRUITER"]),
  ]);
  cookies = {
    alice: await login(app, alice),
    bruno: await login(app, bruno),
    carla: await login(app, carla),
    recruiter: await login(app, recruiter),
  };
});
afterAll(async () => app?.close());

async function setUp() {
  const { candidate, interviews } = await createCandidateWithInterviews(db, [
    { areaKey: "feature_engineering", interviewerId: alice.id },
    { areaKey: "ml_system_design", interviewerId: bruno.id },
  ]);
  const other = await createCandidateWithInterviews(db, [{ areaKey: "code_quality", interviewerId: carla.id }]);
  return { candidate, aliceInterview: interviews[0]!, brunoInterview: interviews[1]!, carlaInterview: other.interviews[0]! };
}

const post = (path: string, cookie: string, form: Record<string, string>) => app.request(path, { cookie, form });

describe("interviewer pages", () => {
  it("lists the interviewer's own interviews with their scorecard status", async () => {
    const { aliceInterview } = await setUp();
    const html = await (await app.request("/interviews", { cookie: cookies.alice })).text();
    expect(html).toContain(`/interviews/${aliceInterview.id}`);
    // The interview ended an hour ago and nothing is submitted: the scorecard is due.
    expect(html).toContain(">Due<");
  });

  it("shows the rubric with every anchor next to its choice", async () => {
    const { aliceInterview } = await setUp();
    const rubric = await db.criterion.findFirstOrThrow({ where: { rubricVersion: { areaKey: "feature_engineering", status: "PUBLISHED" } } });
    const response = await app.request(`/interviews/${aliceInterview.id}`, { cookie: cookies.alice });
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const anchor of [rubric.anchor1, rubric.anchor2, rubric.anchor3, rubric.anchor4]) {
      expect(html).toContain(anchor.replaceAll("&", "&amp;").replaceAll("'", "&#x27;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;"));
    }
  });

  it("refuses another interviewer's interview and malformed ids with 404", async () => {
    const { aliceInterview, carlaInterview } = await setUp();
    expect((await app.request(`/interviews/${aliceInterview.id}`, { cookie: cookies.bruno })).status).toBe(404);
    expect((await app.request(`/interviews/${carlaInterview.id}`, { cookie: cookies.alice })).status).toBe(404);
    expect((await app.request(`/interviews/not-a-uuid`, { cookie: cookies.alice })).status).toBe(404);
    const save = await post(`/interviews/${aliceInterview.id}`, cookies.bruno, { intent: "save-draft", version: "0" });
    expect(save.status).toBe(404);
    expect(await db.scorecard.count({ where: { interviewId: aliceInterview.id } })).toBe(0);
    expect((await app.request(`/interviews/${aliceInterview.id}`, { cookie: cookies.recruiter })).status).toBe(403);
  });
});

describe("drafts", () => {
  it("saves a draft, then refuses a save based on a stale version and keeps the newer text", async () => {
    const { aliceInterview } = await setUp();
    const rubric = await publishedCriteria(db, "feature_engineering");
    const key = rubric.criteria[0]!.key;
    const path = `/interviews/${aliceInterview.id}`;
    const first = await post(path, cookies.alice, { intent: "save-draft", version: "0", rubricVersionId: rubric.id, [`ratings.${key}.evidence`]: "first words" });
    expect(first.status).toBe(200);
    const second = await post(path, cookies.alice, { intent: "save-draft", version: "1", rubricVersionId: rubric.id, [`ratings.${key}.evidence`]: "second words" });
    expect(second.status).toBe(200);
    const stale = await post(path, cookies.alice, { intent: "save-draft", version: "1", rubricVersionId: rubric.id, [`ratings.${key}.evidence`]: "stale tab" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("changed elsewhere");
    const row = await db.scorecard.findUniqueOrThrow({ where: { interviewId: aliceInterview.id } });
    expect(row.version).toBe(2);
    expect(row.draft).toMatchObject({ ratings: { [key]: { evidence: "second words" } } });
    expect(row.rubricVersionId).toBe(rubric.id);
  });

  it("rejects out-of-range input with a field error and writes nothing", async () => {
    const { aliceInterview } = await setUp();
    const rubric = await publishedCriteria(db, "feature_engineering");
    const key = rubric.criteria[0]!.key;
    const response = await post(`/interviews/${aliceInterview.id}`, cookies.alice, {
      intent: "save-draft",
      version: "0",
      rubricVersionId: rubric.id,
      [`ratings.${key}.score`]: "7",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("score must be a whole number from 1 to 4");
    expect(await db.scorecard.count({ where: { interviewId: aliceInterview.id } })).toBe(0);
  });
});

describe("submission", () => {
  it("refuses an incomplete scorecard with field errors and changes nothing", async () => {
    const { aliceInterview } = await setUp();
    const rubric = await publishedCriteria(db, "feature_engineering");
    const form = completeScorecardForm(rubric, { evidenced: ["serving"] });
    delete form[`ratings.${rubric.criteria[1]!.key}.evidence`];
    delete form.recommendation;
    const response = await post(`/interviews/${aliceInterview.id}`, cookies.alice, { ...form, intent: "submit" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("evidence is required");
    expect(html).toContain("Overall recommendation is required");
    expect(await db.scorecard.count({ where: { interviewId: aliceInterview.id } })).toBe(0);
  });

  it("submits once: stores ratings, the weighted score, an audit record and the recommendation", async () => {
    const { candidate, aliceInterview } = await setUp();
    const rubric = await publishedCriteria(db, "feature_engineering");
    const form = { ...completeScorecardForm(rubric, { score: 4, evidenced: ["serving"] }), [`ratings.${rubric.criteria[0]!.key}.score`]: "2" };
    const response = await post(`/interviews/${aliceInterview.id}`, cookies.alice, { ...form, intent: "submit" });
    expect(response.status).toBe(302);
    const row = await db.scorecard.findUniqueOrThrow({ where: { interviewId: aliceInterview.id }, include: { ratings: true, production: true } });
    expect(row.submittedAt).not.toBeNull();
    expect(row.ratings).toHaveLength(rubric.criteria.length);
    const totalWeight = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
    const expected = rubric.criteria.reduce((sum, c, i) => sum + c.weight * (i === 0 ? 2 : 4), 0) / totalWeight;
    expect(row.weightedScore).toBeCloseTo(expected, 10);
    expect(row.production.find((p) => p.capability === "serving")?.status).toBe("evidenced");
    expect(await db.auditEvent.count({ where: { action: "scorecard.submit", entityId: row.id } })).toBe(1);
    const recommendation = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: candidate.id } });
    expect(recommendation.status).toBe("incomplete");

    const page = await app.request(`/interviews/${aliceInterview.id}`, { cookie: cookies.alice });
    const html = await page.text();
    expect(html).toContain("read-only");
    expect(html).not.toContain('name="intent"');
  });

  it("turns ten parallel submits into exactly one submission", async () => {
    const { aliceInterview } = await setUp();
    const rubric = await publishedCriteria(db, "feature_engineering");
    const form = { ...completeScorecardForm(rubric, { evidenced: ["monitoring"] }), intent: "submit" };
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(`/interviews/${aliceInterview.id}`, cookies.alice, form)));
    expect(responses.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    const rows = await db.scorecard.findMany({ where: { interviewId: aliceInterview.id }, include: { ratings: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ratings).toHaveLength(rubric.criteria.length);
    expect(await db.auditEvent.count({ where: { action: "scorecard.submit", entityId: rows[0]!.id } })).toBe(1);
  });

  it("keeps a submitted scorecard read-only: later saves are refused", async () => {
    const { aliceInterview } = await setUp();
    const rubric = await publishedCriteria(db, "feature_engineering");
    await post(`/interviews/${aliceInterview.id}`, cookies.alice, { ...completeScorecardForm(rubric), intent: "submit" });
    const before = await db.scorecard.findUniqueOrThrow({ where: { interviewId: aliceInterview.id } });
    const save = await post(`/interviews/${aliceInterview.id}`, cookies.alice, { intent: "save-draft", version: String(before.version), rubricVersionId: rubric.id });
    expect(save.status).toBe(409);
    const after = await db.scorecard.findUniqueOrThrow({ where: { interviewId: aliceInterview.id } });
    expect(after.version).toBe(before.version);
  });
});

describe("independent scoring", () => {
  it("hides colleagues' scorecards from an interviewer until they submit their own", async () => {
    const { aliceInterview, brunoInterview } = await setUp();
    const fe = await publishedCriteria(db, "feature_engineering");
    const sd = await publishedCriteria(db, "ml_system_design");
    await post(`/interviews/${aliceInterview.id}`, cookies.alice, { ...completeScorecardForm(fe), intent: "submit" });
    const alicesCard = await db.scorecard.findUniqueOrThrow({ where: { interviewId: aliceInterview.id } });

    expect((await app.request(`/scorecards/${alicesCard.id}`, { cookie: cookies.bruno })).status).toBe(403);
    expect((await app.request(`/interviews/${brunoInterview.id}/feedback`, { cookie: cookies.bruno })).status).toBe(403);
    // A draft of his own does not open it either.
    await post(`/interviews/${brunoInterview.id}`, cookies.bruno, { intent: "save-draft", version: "0", rubricVersionId: sd.id });
    expect((await app.request(`/scorecards/${alicesCard.id}`, { cookie: cookies.bruno })).status).toBe(403);

    await post(`/interviews/${brunoInterview.id}`, cookies.bruno, { ...completeScorecardForm(sd, { version: 1 }), intent: "submit" });
    expect((await app.request(`/scorecards/${alicesCard.id}`, { cookie: cookies.bruno })).status).toBe(200);
    const feedback = await app.request(`/interviews/${brunoInterview.id}/feedback`, { cookie: cookies.bruno });
    expect(feedback.status).toBe(200);
    expect(await feedback.text()).toContain(`/scorecards/${alicesCard.id}`);
  });

  it("with two interviews on one candidate, the scorecard page and the feedback pages agree: closed until both are submitted", async () => {
    const { candidate, aliceInterview, brunoInterview } = await setUp();
    const fe = await publishedCriteria(db, "feature_engineering");
    const sd = await publishedCriteria(db, "ml_system_design");
    const cq = await publishedCriteria(db, "code_quality");
    const secondInterview = await db.interview.create({
      data: { candidateId: candidate.id, areaKey: "code_quality", interviewerId: bruno.id, scheduledAt: new Date(Date.now() - 3_600_000) },
    });
    await post(`/interviews/${aliceInterview.id}`, cookies.alice, { ...completeScorecardForm(fe), intent: "submit" });
    const alicesCard = await db.scorecard.findUniqueOrThrow({ where: { interviewId: aliceInterview.id } });
    const statuses = async () => [
      (await app.request(`/scorecards/${alicesCard.id}`, { cookie: cookies.bruno })).status,
      (await app.request(`/interviews/${brunoInterview.id}/feedback`, { cookie: cookies.bruno })).status,
      (await app.request(`/interviews/${secondInterview.id}/feedback`, { cookie: cookies.bruno })).status,
    ];

    expect((await post(`/interviews/${brunoInterview.id}`, cookies.bruno, { ...completeScorecardForm(sd), intent: "submit" })).status).toBe(302);
    expect(await statuses()).toEqual([403, 403, 403]);
    expect((await post(`/interviews/${secondInterview.id}`, cookies.bruno, { ...completeScorecardForm(cq), intent: "submit" })).status).toBe(302);
    expect(await statuses()).toEqual([200, 200, 200]);
  });

  it("never shows a scorecard to an interviewer of another candidate, nor a draft to a recruiter", async () => {
    const { aliceInterview, brunoInterview } = await setUp();
    const fe = await publishedCriteria(db, "feature_engineering");
    await post(`/interviews/${aliceInterview.id}`, cookies.alice, { ...completeScorecardForm(fe), intent: "submit" });
    const alicesCard = await db.scorecard.findUniqueOrThrow({ where: { interviewId: aliceInterview.id } });
    expect((await app.request(`/scorecards/${alicesCard.id}`, { cookie: cookies.carla })).status).toBe(404);
    expect((await app.request(`/scorecards/${alicesCard.id}`, { cookie: cookies.recruiter })).status).toBe(200);

    const sd = await publishedCriteria(db, "ml_system_design");
    await post(`/interviews/${brunoInterview.id}`, cookies.bruno, { intent: "save-draft", version: "0", rubricVersionId: sd.id });
    const draft = await db.scorecard.findUniqueOrThrow({ where: { interviewId: brunoInterview.id } });
    expect((await app.request(`/scorecards/${draft.id}`, { cookie: cookies.recruiter })).status).toBe(404);
    expect((await app.request(`/scorecards/${draft.id}`, { cookie: cookies.alice })).status).toBe(404);
  });
});

describe("leveling on submission", () => {
  it("stores a recommendation when the fifth area's scorecard is submitted", async () => {
    const areas = ["problem_formulation", "feature_engineering", "model_development", "ml_system_design", "code_quality"] as const;
    const { candidate, interviews } = await createCandidateWithInterviews(
      db,
      areas.map((areaKey) => ({ areaKey, interviewerId: alice.id })),
    );
    for (const [index, areaKey] of areas.entries()) {
      const rubric = await publishedCriteria(db, areaKey);
      const response = await post(`/interviews/${interviews[index]!.id}`, cookies.alice, {
        ...completeScorecardForm(rubric, { score: 3, evidenced: ["serving"] }),
        intent: "submit",
      });
      expect(response.status).toBe(302);
      const stored = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: candidate.id } });
      expect(stored.status).toBe(index < 4 ? "incomplete" : "recommended");
    }
    const stored = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: candidate.id } });
    // Every area 3.0 with lifecycle ownership and serving evidenced: IC4 under the default policy.
    expect(stored).toMatchObject({ level: "IC4", bandMin: 7000, bandMax: 10000, policyVersion: 1 });
    expect(JSON.stringify(stored.explanation)).toContain("Production experience");
  });
});

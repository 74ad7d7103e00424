import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScreenAreaKey } from "~/domain/screen-areas";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { completeScorecardForm, createCandidateWithInterviews, publishedCriteria } from "../support/scorecards";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let db: import("~/utils/db.server").Db;
let alice: TestUser;
let bruno: TestUser;
let carla: TestUser;
let dora: TestUser;
let recruiter: TestUser;
let cookies: Record<"alice" | "bruno" | "carla" | "dora" | "recruiter", string>;

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  [alice, bruno, carla, dora, recruiter] = await Promise.all([
    createTestUser(["INTERVIEWER"]),
    createTestUser(["INTERVIEWER"]),
    createTestUser(["INTERVIEWER"]),
    createTestUser(["INTERVIEWER"]),
    createTestUser(["RECRUITER"]),
  ]);
  await db.user.update({ where: { id: bruno.id }, data: { name: "Bruno Earlier" } });
  cookies = {
    alice: await login(app, alice),
    bruno: await login(app, bruno),
    carla: await login(app, carla),
    dora: await login(app, dora),
    recruiter: await login(app, recruiter),
  };
});
afterAll(async () => app?.close());

/** Text as React renders it inside HTML. */
const html = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");

const BRUNO_NOTE = "Probe feature-store depth; stayed shallow with me & never named a TTL.";

/**
 * Bruno interviewed the candidate first (ML system design) and submitted a harsh, distinctive
 * scorecard with a note for later interviewers; Alice's feature-engineering interview comes next.
 */
async function setUp() {
  const { candidate, interviews } = await createCandidateWithInterviews(
    db,
    [
      { areaKey: "ml_system_design", interviewerId: bruno.id, hoursAgo: 30 },
      { areaKey: "feature_engineering", interviewerId: alice.id, hoursAgo: -2 },
      { areaKey: "model_development", interviewerId: dora.id, hoursAgo: 5 },
    ],
    { name: "Kit Candidate" },
  );
  const [brunoInterview, aliceInterview, doraInterview] = interviews as [(typeof interviews)[0], (typeof interviews)[0], (typeof interviews)[0]];
  const rubric = await publishedCriteria(db, "ml_system_design");
  const scores = [4, 1, 1, 4, 2, 3];
  const form = completeScorecardForm(rubric, { evidenced: ["serving"] });
  rubric.criteria.forEach((criterion, index) => (form[`ratings.${criterion.key}.score`] = String(scores[index % scores.length])));
  Object.assign(form, { recommendation: "strong_no", levelSignal: "IC6", noteForLaterInterviewers: BRUNO_NOTE, intent: "submit" });
  const submit = await app.request(`/interviews/${brunoInterview.id}`, { cookie: cookies.bruno, form });
  expect(submit.status).toBe(302);
  const brunosCard = await db.scorecard.findUniqueOrThrow({ where: { interviewId: brunoInterview.id }, include: { ratings: true, production: true } });
  expect(brunosCard.weightedScore).not.toBeNull();
  return { candidate, brunoInterview, aliceInterview, doraInterview, brunosCard };
}

/** Everything numeric or judgemental in a colleague's scorecard, as it could appear in a page or its data. */
function leaksOf(card: Awaited<ReturnType<typeof setUp>>["brunosCard"]): string[] {
  const score = card.weightedScore!;
  return [
    String(score),
    score.toFixed(2),
    score.toFixed(3),
    "strong_no",
    "Strong no",
    "strong no",
    "IC6",
    card.id,
    ...card.ratings.map((rating) => rating.evidence),
    ...card.production.filter((p) => p.note).map((p) => p.note),
  ];
}

describe("the interview kit", () => {
  it("shows the rubric with suggested questions, the candidate's profile and earlier interviewers' notes", async () => {
    const { aliceInterview } = await setUp();
    const response = await app.request(`/interviews/${aliceInterview.id}/kit`, { cookie: cookies.alice });
    expect(response.status).toBe(200);
    const page = await response.text();

    const criteria = await db.criterion.findMany({
      where: { rubricVersion: { areaKey: "feature_engineering", status: "PUBLISHED" } },
      orderBy: { position: "asc" },
    });
    for (const criterion of criteria) {
      expect(page).toContain(html(criterion.title));
      expect(criterion.questions.length).toBeGreaterThanOrEqual(2);
      for (const question of criterion.questions) expect(page).toContain(html(question));
      expect(page).toContain(html(criterion.anchor3));
    }
    for (const text of ["Kit Candidate", "Colombia", "ML Engineer", "6 years", "Individual contributor"]) expect(page).toContain(text);

    expect(page).toContain(html(BRUNO_NOTE));
    expect(page).toContain("Bruno Earlier");
    expect(page).toContain("ML system design");
  });

  it("never shows an earlier interviewer's scores, recommendation or level signal, in the page or its data", async () => {
    const { aliceInterview, brunosCard } = await setUp();
    const leaks = leaksOf(brunosCard);
    // Control: the strings are what a page showing Bruno's scorecard does contain.
    const recruitersView = await (await app.request(`/scorecards/${brunosCard.id}`, { cookie: cookies.recruiter })).text();
    expect(recruitersView).toContain(brunosCard.weightedScore!.toFixed(2));
    expect(recruitersView).toContain(html(brunosCard.ratings[0]!.evidence));
    for (const path of [`/interviews/${aliceInterview.id}/kit`, `/interviews/${aliceInterview.id}/kit.data`]) {
      const response = await app.request(path, { cookie: cookies.alice });
      expect(response.status, path).toBe(200);
      const body = await response.text();
      for (const leak of leaks) expect(body, `${path} leaks ${leak}`).not.toContain(leak);
    }
    // Alice's own scorecard page offers every recommendation and level as choices, so only
    // Bruno's numbers, ids and words are checked there.
    const scorecardPage = await (await app.request(`/interviews/${aliceInterview.id}`, { cookie: cookies.alice })).text();
    for (const leak of leaks.filter((leak) => !/^(strong|Strong|IC6)/.test(leak))) expect(scorecardPage, `scorecard page leaks ${leak}`).not.toContain(leak);
    // The note itself is there (the data endpoint carries it as a plain string).
    const data = await (await app.request(`/interviews/${aliceInterview.id}/kit.data`, { cookie: cookies.alice })).text();
    expect(data).toContain("Probe feature-store depth");
  });

  it("shows only submitted notes of this candidate's other interviews", async () => {
    const { aliceInterview, doraInterview, brunoInterview } = await setUp();
    // Dora's note is still a draft: private to her.
    const md = await publishedCriteria(db, "model_development");
    const draft = await app.request(`/interviews/${doraInterview.id}`, {
      cookie: cookies.dora,
      form: { intent: "save-draft", version: "0", rubricVersionId: md.id, noteForLaterInterviewers: "Draft note: not yet for anyone" },
    });
    expect(draft.status).toBe(200);
    // Carla's note is about someone else.
    const other = await createCandidateWithInterviews(db, [{ areaKey: "code_quality", interviewerId: carla.id, hoursAgo: 3 }], { name: "Other Person" });
    const cq = await publishedCriteria(db, "code_quality");
    const carlaSubmit = await app.request(`/interviews/${other.interviews[0]!.id}`, {
      cookie: cookies.carla,
      form: { ...completeScorecardForm(cq), noteForLaterInterviewers: "Carla's note on another candidate", intent: "submit" },
    });
    expect(carlaSubmit.status).toBe(302);

    const page = await (await app.request(`/interviews/${aliceInterview.id}/kit`, { cookie: cookies.alice })).text();
    expect(page).toContain(html(BRUNO_NOTE));
    expect(page).not.toContain("Draft note: not yet for anyone");
    expect(page).not.toContain(html("Carla's note on another candidate"));

    // Bruno's own kit does not list his own note back to him; it has none from later interviews yet.
    const brunosKit = await (await app.request(`/interviews/${brunoInterview.id}/kit`, { cookie: cookies.bruno })).text();
    expect(brunosKit).not.toContain(html(BRUNO_NOTE));
    expect(brunosKit).toContain("No notes from earlier interviewers yet.");
  });

  it("is for the assigned interviewer only: 404 for other interviewers, 403 for a recruiter, login for strangers", async () => {
    const { aliceInterview } = await setUp();
    const path = `/interviews/${aliceInterview.id}/kit`;
    expect((await app.request(path, { cookie: cookies.carla })).status).toBe(404);
    expect((await app.request(path, { cookie: cookies.bruno })).status).toBe(404);
    expect((await app.request(`${path}.data`, { cookie: cookies.carla })).status).toBe(404);
    expect((await app.request(path, { cookie: cookies.recruiter })).status).toBe(403);
    expect((await app.request("/interviews/not-a-uuid/kit", { cookie: cookies.alice })).status).toBe(404);
    const anonymous = await app.request(path);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/login");
    // Cancelled interviews have no kit.
    await db.interview.update({ where: { id: aliceInterview.id }, data: { status: "CANCELLED" } });
    expect((await app.request(path, { cookie: cookies.alice })).status).toBe(404);
  });

  it("is linked from the scorecard page and the interview list", async () => {
    const { aliceInterview } = await setUp();
    const scorecard = await (await app.request(`/interviews/${aliceInterview.id}`, { cookie: cookies.alice })).text();
    expect(scorecard).toContain(`href="/interviews/${aliceInterview.id}/kit"`);
    const list = await (await app.request("/interviews", { cookie: cookies.alice })).text();
    expect(list).toContain(`href="/interviews/${aliceInterview.id}/kit"`);
  });

  it("shows the questions of the rubric version the scorecard is pinned to, else of the published one", async () => {
    const areaKey: ScreenAreaKey = "feature_engineering";
    const { aliceInterview } = await setUp();
    const fresh = await createCandidateWithInterviews(db, [{ areaKey, interviewerId: dora.id, hoursAgo: -24 }], { name: "Fresh Candidate" });
    // Alice starts her scorecard on version 1: it is pinned.
    const v1 = await publishedCriteria(db, areaKey);
    const saved = await app.request(`/interviews/${aliceInterview.id}`, {
      cookie: cookies.alice,
      form: { intent: "save-draft", version: "0", rubricVersionId: v1.id },
    });
    expect(saved.status).toBe(200);
    const v1Question = (await db.criterion.findFirstOrThrow({ where: { rubricVersionId: v1.id }, orderBy: { position: "asc" } })).questions[0]!;

    // An admin publishes version 2 with a different first question (written directly: the editor has its own tests).
    const current = await db.rubricVersion.findFirstOrThrow({ where: { areaKey, status: "PUBLISHED" }, include: { criteria: { orderBy: { position: "asc" } } } });
    const v2Question = "Version two: how would you prove a backfill is point-in-time correct?";
    const next = await db.rubricVersion.create({
      data: {
        areaKey,
        number: current.number + 1,
        criteria: {
          create: current.criteria.map(({ id: _id, rubricVersionId: _rv, ...criterion }, index) => ({
            ...criterion,
            questions: index === 0 ? [v2Question] : criterion.questions,
          })),
        },
      },
    });
    await db.rubricVersion.update({ where: { id: current.id }, data: { status: "RETIRED" } });
    await db.rubricVersion.update({ where: { id: next.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });

    const alicesKit = await (await app.request(`/interviews/${aliceInterview.id}/kit`, { cookie: cookies.alice })).text();
    expect(alicesKit).toContain(html(v1Question));
    expect(alicesKit).not.toContain(html(v2Question));
    expect(alicesKit).toContain(`rubric version <!-- -->${current.number}`);
    const dorasKit = await (await app.request(`/interviews/${fresh.interviews[0]!.id}/kit`, { cookie: cookies.dora })).text();
    expect(dorasKit).toContain(html(v2Question));
    expect(dorasKit).not.toContain(html(v1Question));
  });
});

/**
 * Scorecard writes racing a recruiter's reassign or cancel, and which rubric version a
 * first write pins. Each race runs many times through the real server, two requests sent
 * together; whatever order PostgreSQL gives them, every answer must match what the
 * database holds and no draft may end up in an interview owned by someone else.
 */
import { decode } from "turbo-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScreenAreaKey } from "~/domain/screen-areas";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { completeScorecardForm, createCandidateWithInterviews, publishedCriteria } from "../support/scorecards";
import { startTestApp, type TestApp } from "../support/test-app";

const TRIALS = 30;

let app: TestApp;
let db: import("~/utils/db.server").Db;
let alice: TestUser;
let bruno: TestUser;
let recruiter: TestUser;
let admin: TestUser;
let cookies: Record<"alice" | "recruiter", string>;

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  [alice, bruno, recruiter, admin] = await Promise.all([
    createTestUser(["INTERVIEWER"]),
    createTestUser(["INTERVIEWER"]),
    createTestUser(["RECRUITER"]),
    createTestUser(["ADMIN"]),
  ]);
  cookies = { alice: await login(app, alice), recruiter: await login(app, recruiter) };
});
afterAll(async () => app?.close());

async function aliceInterview(areaKey: ScreenAreaKey = "feature_engineering") {
  const { candidate, interviews } = await createCandidateWithInterviews(db, [{ areaKey, interviewerId: alice.id }]);
  return { candidateId: candidate.id, interviewId: interviews[0]!.id };
}

type SaveStyle = "autosave" | "document";
type SaveAnswer = { status: number; savedVersion: number | null; text: string };

/**
 * A draft save as a browser sends it: with JavaScript, the autosave's single-fetch action
 * request (the action's answer only); without, a document POST (the page re-rendered).
 */
async function saveDraft(interviewId: string, form: Record<string, string>, style: SaveStyle = "autosave"): Promise<SaveAnswer> {
  const path = style === "autosave" ? `/interviews/${interviewId}.data` : `/interviews/${interviewId}`;
  const response = await app.request(path, { cookie: cookies.alice, form: { intent: "save-draft", ...form } });
  if (style === "document") {
    const text = await response.text();
    return { status: response.status, savedVersion: text.includes("Draft saved.") ? Number(form.version) + 1 : null, text };
  }
  // A thrown response (404) is encoded with Remix's own plugins: its status says enough.
  if (response.status !== 200 && response.status !== 409) return { status: response.status, savedVersion: null, text: await response.text() };
  const { value, done } = await decode(response.body!);
  await done;
  const answer = (value as { data?: { ok?: boolean; version?: number; message?: string } } | null)?.data;
  return { status: response.status, savedVersion: answer?.ok === true ? answer.version! : null, text: JSON.stringify(value) };
}

function recruiterPost(candidateId: string, form: Record<string, string>) {
  return app.request(`/candidates/${candidateId}`, { cookie: cookies.recruiter, form });
}

function stateOf(interviewId: string) {
  return db.interview.findUniqueOrThrow({
    where: { id: interviewId },
    select: { interviewerId: true, status: true, scorecard: { select: { version: true, rubricVersionId: true } } },
  });
}

describe("a first draft save racing a reassign", () => {
  it(`never lands in the new interviewer's interview, and each answer says what was written (${TRIALS} runs)`, async () => {
    const rubric = await publishedCriteria(db, "feature_engineering");
    const seen = { saved: 0, reassigned: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const { candidateId, interviewId } = await aliceInterview();
      const style: SaveStyle = trial % 2 === 0 ? "autosave" : "document";
      const [save, reassign] = await Promise.all([
        saveDraft(interviewId, { version: "0", rubricVersionId: rubric.id }, style),
        recruiterPost(candidateId, { intent: "reassign", interviewId, interviewerId: bruno.id }),
      ]);
      const state = await stateOf(interviewId);
      const context = { trial, style, save: save.status, reassign: reassign.status, state };
      if (state.scorecard) {
        // Alice's draft exists: the interview stayed hers, she was told it saved, the reassign was refused.
        expect(state.interviewerId, JSON.stringify(context)).toBe(alice.id);
        expect(save.status, JSON.stringify(context)).toBe(200);
        expect(save.savedVersion, JSON.stringify(context)).toBe(1);
        expect(reassign.status, JSON.stringify(context)).toBe(400);
        seen.saved++;
      } else {
        // Reassigned first: Alice's save wrote nothing and she is told the interview is not hers.
        expect(state.interviewerId, JSON.stringify(context)).toBe(bruno.id);
        expect(reassign.status, JSON.stringify(context)).toBe(302);
        expect(save.status, JSON.stringify(context)).toBe(404);
        seen.reassigned++;
      }
    }
    expect(seen.saved + seen.reassigned).toBe(TRIALS);
  });
});

describe("a draft save racing a cancel", () => {
  it(`a first save is written and acknowledged only if it came before the cancel (${TRIALS} runs)`, async () => {
    const rubric = await publishedCriteria(db, "feature_engineering");
    for (let trial = 0; trial < TRIALS; trial++) {
      const { candidateId, interviewId } = await aliceInterview();
      const [save, cancel] = await Promise.all([
        saveDraft(interviewId, { version: "0", rubricVersionId: rubric.id }),
        recruiterPost(candidateId, { intent: "cancel", interviewId }),
      ]);
      const state = await stateOf(interviewId);
      const context = JSON.stringify({ trial, save: save.status, cancel: cancel.status, state });
      expect(cancel.status, context).toBe(302);
      expect(state.status, context).toBe("CANCELLED");
      // A draft saved before the cancel is kept (it comes back if she is assigned again).
      expect(save.status, context).toBe(state.scorecard ? 200 : 404);
      expect(state.scorecard?.version ?? 0, context).toBe(save.savedVersion ?? 0);
    }
  });

  it(`a later save is written and acknowledged only if it came before the cancel (${TRIALS} runs)`, async () => {
    const rubric = await publishedCriteria(db, "feature_engineering");
    for (let trial = 0; trial < TRIALS; trial++) {
      const { candidateId, interviewId } = await aliceInterview();
      expect((await saveDraft(interviewId, { version: "0", rubricVersionId: rubric.id })).status).toBe(200);
      const [save, cancel] = await Promise.all([
        saveDraft(interviewId, { version: "1", rubricVersionId: rubric.id }),
        recruiterPost(candidateId, { intent: "cancel", interviewId }),
      ]);
      const state = await stateOf(interviewId);
      const context = JSON.stringify({ trial, save: save.status, cancel: cancel.status, state });
      expect(cancel.status, context).toBe(302);
      expect(save.status, context).toBe(state.scorecard?.version === 2 ? 200 : 404);
      expect(state.scorecard?.version, context).toBe(save.savedVersion ?? 1);
    }
  });
});

describe("the rubric version a first write pins", () => {
  /** A new version of the area's rubric, published now; the one published before is retired. */
  async function publishNewVersion(areaKey: ScreenAreaKey) {
    const { startRubricDraft, publishRubricDraft } = await import("~/models/rubric-admin.server");
    const started = await startRubricDraft(areaKey, { id: admin.id });
    if (!started.ok) throw new Error(`could not start a draft: ${JSON.stringify(started)}`);
    const published = await publishRubricDraft({ areaKey, draftId: started.id, expectedVersion: 1, actor: { id: admin.id } });
    if (!published.ok) throw new Error(`could not publish: ${JSON.stringify(published)}`);
    return started.id;
  }

  it("refuses a first save or submit that names a retired version, and writes nothing", async () => {
    const retired = await publishedCriteria(db, "model_development");
    const current = await publishNewVersion("model_development");
    const { interviewId } = await aliceInterview("model_development");

    const save = await saveDraft(interviewId, { version: "0", rubricVersionId: retired.id });
    expect(save.status).toBe(409);
    expect(save.text).toContain("rubric for this area was updated");
    const submit = await app.request(`/interviews/${interviewId}`, {
      cookie: cookies.alice,
      form: { ...completeScorecardForm(retired), intent: "submit" },
    });
    expect(submit.status).toBe(409);
    expect(await db.scorecard.count({ where: { interviewId } })).toBe(0);

    // The page now shows the published version, and a save naming it pins it.
    expect(await (await app.request(`/interviews/${interviewId}`, { cookie: cookies.alice })).text()).toContain(current);
    expect((await saveDraft(interviewId, { version: "0", rubricVersionId: current })).status).toBe(200);
    expect((await stateOf(interviewId)).scorecard?.rubricVersionId).toBe(current);
  });

  it("refuses a version of another area or an unknown id, and pins the published version when none is named", async () => {
    const otherArea = await publishedCriteria(db, "code_quality");
    const published = await publishedCriteria(db, "feature_engineering");
    const { interviewId } = await aliceInterview();
    for (const rubricVersionId of [otherArea.id, crypto.randomUUID(), "not-a-uuid"]) {
      expect((await saveDraft(interviewId, { version: "0", rubricVersionId })).status).toBe(409);
    }
    expect(await db.scorecard.count({ where: { interviewId } })).toBe(0);
    expect((await saveDraft(interviewId, { version: "0" })).status).toBe(200);
    expect((await stateOf(interviewId)).scorecard?.rubricVersionId).toBe(published.id);
  });

  it(`a first save racing a publish pins the version published when it was written, or is refused (${TRIALS} runs)`, async () => {
    const areaKey = "problem_formulation";
    for (let trial = 0; trial < TRIALS; trial++) {
      const shown = await publishedCriteria(db, areaKey);
      const { interviewId } = await aliceInterview(areaKey);
      const [save] = await Promise.all([saveDraft(interviewId, { version: "0", rubricVersionId: shown.id }), publishNewVersion(areaKey)]);
      const state = await stateOf(interviewId);
      const context = JSON.stringify({ trial, save: save.status, state });
      expect([200, 409], context).toContain(save.status);
      expect(state.scorecard?.rubricVersionId ?? null, context).toBe(save.savedVersion === 1 ? shown.id : null);
    }
  });
});

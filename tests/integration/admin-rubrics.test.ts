import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScreenAreaKey } from "~/domain/screen-areas";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { completeScorecardForm, createCandidateWithInterviews, publishedCriteria } from "../support/scorecards";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let db: import("~/utils/db.server").Db;
let admin: TestUser;
let otherAdmin: TestUser;
let alice: TestUser;
let bruno: TestUser;
let adminCookie: string;
let otherAdminCookie: string;

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  [admin, otherAdmin, alice, bruno] = await Promise.all([
    createTestUser(["ADMIN"]),
    createTestUser(["ADMIN"]),
    createTestUser(["INTERVIEWER"]),
    createTestUser(["INTERVIEWER"]),
  ]);
  adminCookie = await login(app, admin);
  otherAdminCookie = await login(app, otherAdmin);
});
afterAll(async () => app?.close());

/** Text as React renders it inside HTML. */
const html = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");

type CriterionForm = {
  key: string;
  title: string;
  lookFor: string;
  weight: string;
  anchors: Record<1 | 2 | 3 | 4, string>;
  /** The interview kit's textarea: one question per line. */
  questions: string;
};

async function currentDraft(areaKey: ScreenAreaKey) {
  return db.rubricVersion.findFirstOrThrow({
    where: { areaKey, status: "DRAFT" },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
}

/** The editor's form for a stored draft, as the browser posts it, after `change`. */
function draftForm(
  draft: Awaited<ReturnType<typeof currentDraft>>,
  change: (criteria: CriterionForm[]) => void = () => {},
  version = draft.version,
): Record<string, string> {
  const criteria: CriterionForm[] = draft.criteria.map((c) => ({
    key: c.key,
    title: c.title,
    lookFor: c.lookFor,
    weight: String(c.weight),
    anchors: { 1: c.anchor1, 2: c.anchor2, 3: c.anchor3, 4: c.anchor4 },
    questions: c.questions.join("\n"),
  }));
  change(criteria);
  const form: Record<string, string> = { intent: "save", draftId: draft.id, version: String(version), areaKey: draft.areaKey };
  criteria.forEach((criterion, index) => {
    form[`criteria[${index}].key`] = criterion.key;
    form[`criteria[${index}].title`] = criterion.title;
    form[`criteria[${index}].lookFor`] = criterion.lookFor;
    form[`criteria[${index}].weight`] = criterion.weight;
    for (const score of [1, 2, 3, 4] as const) form[`criteria[${index}].anchors.${score}`] = criterion.anchors[score];
    form[`criteria[${index}].questions`] = criterion.questions;
  });
  return form;
}

const post = (areaKey: ScreenAreaKey, form: Record<string, string>, cookie = adminCookie) =>
  app.request(`/admin/rubrics/${areaKey}`, { cookie, form });

async function startDraft(areaKey: ScreenAreaKey, cookie = adminCookie) {
  const response = await post(areaKey, { intent: "start" }, cookie);
  expect(response.status).toBe(302);
  return currentDraft(areaKey);
}

async function versionsOf(areaKey: ScreenAreaKey) {
  return db.rubricVersion.findMany({ where: { areaKey }, orderBy: { number: "asc" }, select: { number: true, status: true } });
}

function storedCriteria(draft: Awaited<ReturnType<typeof currentDraft>>) {
  return draft.criteria.map(({ id: _id, ...criterion }) => criterion);
}

describe("rubric pages", () => {
  it("lists the five areas with their published version", async () => {
    const response = await app.request("/admin/rubrics", { cookie: adminCookie });
    expect(response.status).toBe(200);
    const page = await response.text();
    for (const area of ["problem_formulation", "feature_engineering", "model_development", "ml_system_design", "code_quality"]) {
      expect(page).toContain(`/admin/rubrics/${area}`);
    }
    expect(page).toContain("Published version 1");
  });

  it("answers an unknown area with 404", async () => {
    expect((await app.request("/admin/rubrics/vibes", { cookie: adminCookie })).status).toBe(404);
    expect((await post("vibes" as ScreenAreaKey, { intent: "start" })).status).toBe(404);
  });
});

describe("publishing a rubric", () => {
  it("creates a new version for interviews not yet started and leaves submitted scorecards on theirs", async () => {
    const areaKey = "feature_engineering";
    const aliceCookie = await login(app, alice);
    const brunoCookie = await login(app, bruno);
    const submitted = await createCandidateWithInterviews(db, [{ areaKey, interviewerId: alice.id }]);
    const notStarted = await createCandidateWithInterviews(db, [{ areaKey, interviewerId: bruno.id }], { name: "Beto Later" });
    const version1 = await publishedCriteria(db, areaKey);
    const submit = await app.request(`/interviews/${submitted.interviews[0]!.id}`, {
      cookie: aliceCookie,
      form: { ...completeScorecardForm(version1, { score: 3, evidenced: ["serving"] }), intent: "submit" },
    });
    expect(submit.status).toBe(302);
    const scorecard = await db.scorecard.findUniqueOrThrow({ where: { interviewId: submitted.interviews[0]!.id } });

    const draft = await startDraft(areaKey);
    expect(draft.number).toBe(2);
    const oldAnchor = draft.criteria[0]!.anchor3;
    const newAnchor = "Builds every training set with as-of joins and proves it with an automated leakage test in CI.";
    const save = await post(areaKey, draftForm(draft, (criteria) => (criteria[0]!.anchors[3] = newAnchor)));
    expect(save.status).toBe(302);
    expect(save.headers.get("location")).toBe(`/admin/rubrics/${areaKey}?done=saved`);

    const editor = await (await app.request(`/admin/rubrics/${areaKey}`, { cookie: adminCookie })).text();
    expect(editor).toContain('data-change="anchor_changed"');
    expect(editor).toContain(html(newAnchor));

    const saved = await currentDraft(areaKey);
    expect(saved.version).toBe(2);
    const publish = await post(areaKey, { intent: "publish", draftId: saved.id, version: String(saved.version) });
    expect(publish.status).toBe(302);
    expect(publish.headers.get("location")).toBe(`/admin/rubrics/${areaKey}?done=published`);

    expect(await versionsOf(areaKey)).toEqual([
      { number: 1, status: "RETIRED" },
      { number: 2, status: "PUBLISHED" },
    ]);
    const published = await db.rubricVersion.findFirstOrThrow({ where: { areaKey, status: "PUBLISHED" } });
    expect(published.publishedById).toBe(admin.id);
    expect(published.publishedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "rubric.publish", entityId: published.id } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.details).toMatchObject({ areaKey, number: 2, previous: 1, changes: [`anchor_changed:${saved.criteria[0]!.key}:3`] });

    // The submitted scorecard is still judged against, and shows, version 1.
    expect((await db.scorecard.findUniqueOrThrow({ where: { id: scorecard.id } })).rubricVersionId).toBe(version1.id);
    const old = await app.request(`/scorecards/${scorecard.id}`, { cookie: aliceCookie });
    expect(old.status).toBe(200);
    const oldPage = await old.text();
    expect(oldPage).toContain(html(oldAnchor));
    expect(oldPage).not.toContain(html(newAnchor));
    expect(oldPage).toContain("rubric version <!-- -->1");

    // An interview without a scorecard picks the new version up.
    const fresh = await app.request(`/interviews/${notStarted.interviews[0]!.id}`, { cookie: brunoCookie });
    expect(fresh.status).toBe(200);
    const freshPage = await fresh.text();
    expect(freshPage).toContain(html(newAnchor));
    expect(freshPage).not.toContain(html(oldAnchor));
  });
});

describe("editing a draft", () => {
  it("refuses an invalid draft with field errors and stores nothing", async () => {
    const areaKey = "code_quality";
    const draft = await startDraft(areaKey);
    const before = storedCriteria(draft);

    const invalid = await post(
      areaKey,
      draftForm(draft, (criteria) => {
        criteria[1]!.anchors[3] = "  ";
        criteria[0]!.weight = "0";
        criteria[2]!.title = "";
      }),
    );
    expect(invalid.status).toBe(400);
    const page = await invalid.text();
    expect(page).toContain("Criterion 2: anchor 3 (meets) is required");
    expect(page).toContain("Criterion 1: weight must be at least 0.1");
    expect(page).toContain("Criterion 3: title is required");

    const tooFew = await post(areaKey, draftForm(draft, (criteria) => criteria.splice(2)));
    expect(tooFew.status).toBe(400);
    expect(await tooFew.text()).toContain("A rubric needs at least 3 criteria");

    const after = await currentDraft(areaKey);
    expect(after.version).toBe(draft.version);
    expect(storedCriteria(after)).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: "rubric.draft_save", entityId: draft.id } })).toBe(0);

    const discard = await post(areaKey, { intent: "discard", draftId: draft.id, version: String(draft.version) });
    expect(discard.status).toBe(302);
    expect(await versionsOf(areaKey)).toEqual([{ number: 1, status: "PUBLISHED" }]);
    expect(await db.criterion.count({ where: { rubricVersionId: draft.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "rubric.draft_discard", entityId: draft.id } })).toBe(1);
  });

  it("refuses weights below 0.1 or finer than hundredths next to the weight field, and stores nothing", async () => {
    const areaKey = "model_development";
    const draft = await startDraft(areaKey);
    const before = storedCriteria(draft);
    const cases: [string, string][] = [
      ["1e-10", "Criterion 2: weight must be at least 0.1"],
      ["0.05", "Criterion 2: weight must be at least 0.1"],
      ["0", "Criterion 2: weight must be at least 0.1"],
      ["-3", "Criterion 2: weight must be at least 0.1"],
      ["2.125", "Criterion 2: weight must have at most 2 decimals"],
      ["0.3333333333", "Criterion 2: weight must have at most 2 decimals"],
    ];
    for (const [weight, message] of cases) {
      const response = await post(areaKey, draftForm(draft, (criteria) => (criteria[1]!.weight = weight)));
      expect(response.status, weight).toBe(400);
      const page = await response.text();
      const errorElement = /id="[^"]*criteria\[1\]\.weight[^"]*-error"[^>]*>(.*?)<\/(?:ul|div)>/s.exec(page);
      expect(errorElement?.[1], weight).toContain(message);
    }
    const after = await currentDraft(areaKey);
    expect(after.version).toBe(draft.version);
    expect(storedCriteria(after)).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: "rubric.draft_save", entityId: draft.id } })).toBe(0);

    const hundredths = await post(areaKey, draftForm(draft, (criteria) => (criteria[1]!.weight = "0.25")));
    expect(hundredths.status).toBe(302);
    expect((await currentDraft(areaKey)).criteria[1]!.weight).toBe(0.25);
    expect((await post(areaKey, { intent: "discard", draftId: draft.id, version: String(draft.version + 1) })).status).toBe(302);
  });

  it("refuses a save based on a stale version with 409 and keeps the other admin's text", async () => {
    const areaKey = "model_development";
    const draft = await startDraft(areaKey);
    const first = await post(areaKey, draftForm(draft, (criteria) => (criteria[0]!.title = "Experiment design, first admin")));
    expect(first.status).toBe(302);

    const stale = await post(
      areaKey,
      draftForm(draft, (criteria) => (criteria[0]!.title = "Experiment design, second admin")),
      otherAdminCookie,
    );
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain("Another admin changed this draft");
    // The second admin's edit is still in the form, for them to reapply after reloading.
    expect(page).toContain("Experiment design, second admin");

    const stored = await currentDraft(areaKey);
    expect(stored.version).toBe(2);
    expect(stored.criteria[0]!.title).toBe("Experiment design, first admin");

    const stalePublish = await post(areaKey, { intent: "publish", draftId: draft.id, version: "1" }, otherAdminCookie);
    expect(stalePublish.status).toBe(409);
    const staleDiscard = await post(areaKey, { intent: "discard", draftId: draft.id, version: "1" }, otherAdminCookie);
    expect(staleDiscard.status).toBe(409);
    expect(await versionsOf(areaKey)).toEqual([
      { number: 1, status: "PUBLISHED" },
      { number: 2, status: "DRAFT" },
    ]);
    expect((await post(areaKey, { intent: "discard", draftId: draft.id, version: "2" })).status).toBe(302);
  });

  it("adds, moves and removes criteria through the form without saving, then saves the result", async () => {
    const areaKey = "problem_formulation";
    const draft = await startDraft(areaKey);
    const titles = draft.criteria.map((criterion) => criterion.title);
    const intent = (value: object) => ({ ...draftForm(draft), __intent__: JSON.stringify(value) });

    const moved = await post(areaKey, intent({ type: "reorder", payload: { name: "criteria", from: 0, to: 1 } }));
    expect(moved.status).toBe(200);
    const movedPage = await moved.text();
    expect(movedPage.indexOf(html(titles[1]!))).toBeLessThan(movedPage.indexOf(html(titles[0]!)));

    const added = await post(areaKey, intent({ type: "insert", payload: { name: "criteria", defaultValue: { weight: "2" } } }));
    expect(added.status).toBe(200);
    expect(await added.text()).toContain(`Criterion ${titles.length + 1}: New criterion`);

    const removed = await post(areaKey, intent({ type: "remove", payload: { name: "criteria", index: 0 } }));
    expect(removed.status).toBe(200);
    expect(await removed.text()).not.toContain(`value="${draft.criteria[0]!.key}"`);

    // None of that was stored.
    expect(storedCriteria(await currentDraft(areaKey))).toEqual(storedCriteria(draft));

    const save = await post(
      areaKey,
      draftForm(draft, (criteria) => {
        const [first, second] = criteria.splice(0, 2);
        criteria.splice(0, 0, second!, first!);
        criteria.splice(criteria.length - 1, 1);
        criteria.push({
          key: "",
          title: "Monitoring plan, défini d'avance",
          lookFor: "Names the signals watched after launch.",
          weight: "1.5",
          anchors: { 1: "None.", 2: "Vague.", 3: "Concrete.", 4: "Concrete and tested." },
          questions: "",
        });
      }),
    );
    expect(save.status).toBe(302);
    const saved = await currentDraft(areaKey);
    expect(saved.criteria.map((criterion) => criterion.key)).toEqual([
      draft.criteria[1]!.key,
      draft.criteria[0]!.key,
      ...draft.criteria.slice(2, -1).map((criterion) => criterion.key),
      "monitoring-plan-defini-d-avance",
    ]);
    expect(saved.criteria.at(-1)!.weight).toBe(1.5);
    const editor = await (await app.request(`/admin/rubrics/${areaKey}`, { cookie: adminCookie })).text();
    for (const kind of ["criterion_added", "criterion_removed", "criterion_reordered"]) expect(editor).toContain(`data-change="${kind}"`);
    expect((await post(areaKey, { intent: "discard", draftId: saved.id, version: String(saved.version) })).status).toBe(302);
  });
});

describe("interview-kit questions", () => {
  it("edits a criterion's suggested questions with the draft, shows them in the diff and publishes them as a new version", async () => {
    const areaKey = "model_development";
    const draft = await startDraft(areaKey);
    const published = await db.rubricVersion.findFirstOrThrow({
      where: { areaKey, status: "PUBLISHED" },
      include: { criteria: { orderBy: { position: "asc" } } },
    });
    // Version 1 carries the default questions, and a new draft copies them.
    expect(published.criteria.every((criterion) => criterion.questions.length >= 2)).toBe(true);
    expect(draft.criteria.map((criterion) => criterion.questions)).toEqual(published.criteria.map((criterion) => criterion.questions));

    const tooMany = await post(
      areaKey,
      draftForm(draft, (criteria) => (criteria[1]!.questions = Array.from({ length: 11 }, (_, i) => `Question ${i + 1}?`).join("\n"))),
    );
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("Criterion 2: at most 10 suggested questions (one per line)");
    const tooLong = await post(areaKey, draftForm(draft, (criteria) => (criteria[0]!.questions = `Short?\n${"x".repeat(301)}`)));
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("Criterion 1: suggested question 2 must be at most 300 characters");
    expect((await currentDraft(areaKey)).version).toBe(draft.version);

    const newQuestion = "Which ablation convinced you that the new feature & its pipeline were worth it?";
    const save = await post(
      areaKey,
      draftForm(draft, (criteria) => (criteria[0]!.questions = `  ${newQuestion}  \n\nWhat did you stop doing?\r\n`)),
    );
    expect(save.status).toBe(302);
    const saved = await currentDraft(areaKey);
    expect(saved.criteria[0]!.questions).toEqual([newQuestion, "What did you stop doing?"]);
    expect(saved.criteria.slice(1).map((c) => c.questions)).toEqual(published.criteria.slice(1).map((c) => c.questions));

    const editor = await (await app.request(`/admin/rubrics/${areaKey}`, { cookie: adminCookie })).text();
    expect(editor).toContain('data-change="questions_changed"');
    expect(editor.match(/data-change="/g)).toHaveLength(1);
    expect(editor).toContain(html(newQuestion));

    const publish = await post(areaKey, { intent: "publish", draftId: saved.id, version: String(saved.version) });
    expect(publish.status).toBe(302);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "rubric.publish", entityId: saved.id } });
    expect(audit.details).toMatchObject({ changes: [`questions_changed:${saved.criteria[0]!.key}`] });
    // The published version still holds them, and they can no longer change.
    const frozen = await db.criterion.findFirstOrThrow({ where: { rubricVersionId: saved.id, key: saved.criteria[0]!.key } });
    expect(frozen.questions).toEqual([newQuestion, "What did you stop doing?"]);
    await expect(db.criterion.update({ where: { id: frozen.id }, data: { questions: ["Sneaky?"] } })).rejects.toThrow();
  });
});

describe("concurrent admins", () => {
  it("lets exactly one of two simultaneous publishes through and keeps version numbers consecutive", async () => {
    const areaKey = "ml_system_design";
    const draft = await startDraft(areaKey);
    const form = { intent: "publish", draftId: draft.id, version: String(draft.version) };
    const responses = await Promise.all([post(areaKey, form), post(areaKey, form, otherAdminCookie)]);
    expect(responses.map((response) => response.status).sort()).toEqual([302, 409]);
    expect(await versionsOf(areaKey)).toEqual([
      { number: 1, status: "RETIRED" },
      { number: 2, status: "PUBLISHED" },
    ]);
    expect(await db.auditEvent.count({ where: { action: "rubric.publish", entityId: draft.id } })).toBe(1);

    // Two admins starting a draft at once get one draft between them.
    const starts = await Promise.all([post(areaKey, { intent: "start" }), post(areaKey, { intent: "start" }, otherAdminCookie)]);
    expect(starts.map((response) => response.status).sort()).toEqual([302, 409]);
    const next = await currentDraft(areaKey);
    expect(next.number).toBe(3);
    expect(await db.rubricVersion.count({ where: { areaKey, status: "DRAFT" } })).toBe(1);

    const again = await Promise.all([
      post(areaKey, { intent: "publish", draftId: next.id, version: String(next.version) }),
      post(areaKey, { intent: "publish", draftId: next.id, version: String(next.version) }, otherAdminCookie),
    ]);
    expect(again.map((response) => response.status).sort()).toEqual([302, 409]);
    expect(await versionsOf(areaKey)).toEqual([
      { number: 1, status: "RETIRED" },
      { number: 2, status: "RETIRED" },
      { number: 3, status: "PUBLISHED" },
    ]);
  });
});

describe("access", () => {
  it("gives non-admins 403 on every rubric page and action, and changes nothing", async () => {
    const interviewer = await createTestUser(["INTERVIEWER"]);
    const recruiter = await createTestUser(["RECRUITER", "INTERVIEWER"]);
    const draft = await startDraft("code_quality");
    for (const user of [interviewer, recruiter]) {
      const cookie = await login(app, user);
      for (const path of ["/admin/rubrics", "/admin/rubrics/code_quality", "/admin/rubrics.data", "/admin/rubrics/code_quality.data"]) {
        expect((await app.request(path, { cookie })).status, path).toBe(403);
      }
      for (const intent of ["start", "save", "publish", "discard"]) {
        const response = await post("code_quality", { ...draftForm(draft), intent }, cookie);
        expect(response.status, intent).toBe(403);
      }
    }
    const after = await currentDraft("code_quality");
    expect(after.version).toBe(draft.version);
    expect(await versionsOf("code_quality")).toEqual([
      { number: 1, status: "PUBLISHED" },
      { number: 2, status: "DRAFT" },
    ]);
  });
});

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRODUCTION_CAPABILITIES } from "~/domain/scorecards/scorecard-fields";
import { createDbClient, type Db } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { signIn, startE2E, type E2EContext } from "../support/e2e";

let e2e: E2EContext;
let db: Db;

const AREA = "ml_system_design";

beforeAll(async () => {
  e2e = await startE2E();
  db = createDbClient(e2e.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await e2e?.stop();
});

/** A new candidate with one interview on AREA for a demo interviewer; returns the interview id. */
async function interviewFor(interviewerEmail: string, candidateName: string): Promise<string> {
  const interviewer = await db.user.findUniqueOrThrow({ where: { email: interviewerEmail } });
  const candidate = await db.candidate.create({
    data: {
      name: candidateName,
      email: `${candidateName.toLowerCase().replaceAll(" ", ".")}-${crypto.randomUUID().slice(0, 8)}@example.org`,
      country: "Chile",
      currentTitle: "Senior ML Engineer",
      yearsExperience: 7,
    },
  });
  const interview = await db.interview.create({
    data: { candidateId: candidate.id, areaKey: AREA, interviewerId: interviewer.id, scheduledAt: new Date(Date.now() - 3_600_000) },
  });
  return interview.id;
}

/** Rates every criterion 3 ("meets"), so the read-only scorecard shows each criterion's anchor 3. */
async function submitScorecard(page: Page, interviewId: string) {
  await page.goto(`${e2e.baseUrl}/interviews/${interviewId}`);
  const criteria = await db.criterion.findMany({ where: { rubricVersion: { areaKey: AREA, status: "PUBLISHED" } }, orderBy: { position: "asc" } });
  for (const criterion of criteria) {
    await page.locator(`input[name="ratings.${criterion.key}.score"][value="3"]`).check();
    await page.locator(`textarea[name="ratings.${criterion.key}.evidence"]`).fill(`Designed ${criterion.title.toLowerCase()} for a fraud model.`);
  }
  await page.locator('input[name="recommendation"][value="yes"]').check();
  await page.locator('select[name="levelSignal"]').selectOption("IC4");
  for (const capability of PRODUCTION_CAPABILITIES) {
    await page.locator(`input[name="production.${capability}.status"][value="${capability === "serving" ? "evidenced" : "not_discussed"}"]`).check();
  }
  await page.locator('input[name="production.serving.note"]').fill("Ran a real-time scoring service.");
  await page.locator('input[name="lifecycleOwnership"][value="yes"]').check();
  await page.locator('input[name="sharedInfrastructure"][value="no"]').check();
  await page.getByRole("button", { name: "Submit scorecard" }).click();
  await page.getByText("A submitted scorecard is final and read-only").waitFor();
}

describe("an admin changes a rubric", () => {
  it("edits an anchor and publishes; the submitted scorecard keeps the old text, a new interview shows the new", async () => {
    const submittedInterview = await interviewFor("interviewer4@example.com", "Paula Submitted");
    const laterInterview = await interviewFor("interviewer5@example.com", "Nicolas Later");
    const first = await db.criterion.findFirstOrThrow({
      where: { rubricVersion: { areaKey: AREA, status: "PUBLISHED" } },
      orderBy: { position: "asc" },
    });
    const oldAnchor = first.anchor3;
    const newAnchor = "Sketches ingestion, feature store, training, serving and monitoring end to end, with the drift alert that triggers retraining.";

    const interviewerContext = await e2e.browser.newContext();
    const interviewerPage = await interviewerContext.newPage();
    await signIn(interviewerPage, e2e.baseUrl, "interviewer4@example.com", DEMO_PASSWORD);
    await submitScorecard(interviewerPage, submittedInterview);
    const scorecard = await db.scorecard.findUniqueOrThrow({ where: { interviewId: submittedInterview } });

    // The admin, in the browser: draft, edit the anchor, save, review the diff, publish.
    const adminContext = await e2e.browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, e2e.baseUrl, "admin@example.com", DEMO_PASSWORD);
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rubrics" }).click();
    await admin.getByRole("link", { name: "ML system design" }).click();
    await admin.waitForURL(`**/admin/rubrics/${AREA}`);
    await admin.getByRole("button", { name: "Start a new draft" }).click();
    await admin.getByRole("heading", { name: "Draft version 2" }).waitFor();

    const anchorField = admin.locator('textarea[name="criteria[0].anchors.3"]');
    expect(await anchorField.inputValue()).toBe(oldAnchor);
    await anchorField.fill(newAnchor);
    await admin.getByText("Unsaved changes").waitFor();
    await admin.getByRole("button", { name: "Save draft", exact: true }).click();
    await admin.getByText("Draft saved.").waitFor();
    const diff = admin.getByRole("list", { name: "Changes against the published version" });
    await diff.getByText(newAnchor).waitFor();
    expect(await diff.locator("li").count()).toBe(1);

    await admin.getByRole("button", { name: "Publish version 2" }).click();
    await admin.getByText("Published. Interviews without a scorecard use this version").waitFor();
    const history = admin.getByRole("table", { name: "Version history" });
    expect(await history.locator('tr[data-status="PUBLISHED"]').getAttribute("data-version")).toBe("2");
    expect(await history.locator('tr[data-status="RETIRED"]').getAttribute("data-version")).toBe("1");

    // The submitted scorecard still shows, and is judged against, version 1.
    await interviewerPage.goto(`${e2e.baseUrl}/scorecards/${scorecard.id}`);
    await interviewerPage.getByText(oldAnchor).first().waitFor();
    expect(await interviewerPage.getByText(newAnchor).count()).toBe(0);
    expect(await interviewerPage.getByText(/rubric version 1\b/).count()).toBe(1);

    // An interview with no scorecard yet is scored against version 2.
    const laterContext = await e2e.browser.newContext();
    const later = await laterContext.newPage();
    await signIn(later, e2e.baseUrl, "interviewer5@example.com", DEMO_PASSWORD);
    await later.goto(`${e2e.baseUrl}/interviews/${laterInterview}`);
    await later.getByText(newAnchor).waitFor();
    expect(await later.getByText(oldAnchor).count()).toBe(0);
    expect(await later.getByText(/rubric version 2\b/).count()).toBe(1);

    await Promise.all([interviewerContext.close(), adminContext.close(), laterContext.close()]);
  });

  it.each([
    ["with JavaScript", true, "problem_formulation", "Problem formulation"],
    ["with JavaScript disabled", false, "code_quality", "Code quality"],
  ] as const)("reorders, adds and removes criteria %s, then saves", async (_label, javaScriptEnabled, areaKey, areaName) => {
    const context = await e2e.browser.newContext({ javaScriptEnabled });
    const admin = await context.newPage();
    await signIn(admin, e2e.baseUrl, "admin@example.com", DEMO_PASSWORD);
    await admin.goto(`${e2e.baseUrl}/admin/rubrics`);
    await admin.getByRole("link", { name: areaName }).click();
    await admin.getByRole("button", { name: "Start a new draft" }).click();
    await admin.getByRole("heading", { name: "Draft version 2" }).waitFor();
    const published = await db.criterion.findMany({ where: { rubricVersion: { areaKey, status: "PUBLISHED" } }, orderBy: { position: "asc" } });
    const keys = published.map((criterion) => criterion.key);

    await admin.getByRole("button", { name: "Move criterion 2 up" }).click();
    await expect.poll(() => admin.locator('input[name="criteria[0].key"]').inputValue()).toBe(keys[1]);
    await admin.getByRole("button", { name: `Remove criterion ${keys.length}` }).click();
    await expect.poll(() => admin.locator('input[name^="criteria["][name$="].key"]').count()).toBe(keys.length - 1);
    await admin.getByRole("button", { name: "Add a criterion" }).click();
    const index = keys.length - 1;
    await admin.locator(`input[name="criteria[${index}].title"]`).fill("Observability of the code path");
    await admin.locator(`textarea[name="criteria[${index}].lookFor"]`).fill("Logs and metrics someone else can use.");
    await admin.locator(`input[name="criteria[${index}].weight"]`).fill("1");
    for (const score of [1, 2, 3, 4]) {
      await admin.locator(`textarea[name="criteria[${index}].anchors.${score}"]`).fill(`Observability anchor ${score}.`);
    }
    await admin.getByRole("button", { name: "Save draft", exact: true }).click();
    await admin.getByText("Draft saved.").waitFor();

    const draft = await db.rubricVersion.findFirstOrThrow({
      where: { areaKey, status: "DRAFT" },
      include: { criteria: { orderBy: { position: "asc" } } },
    });
    expect(draft.criteria.map((criterion) => criterion.key)).toEqual([keys[1], keys[0], ...keys.slice(2, -1), "observability-of-the-code-path"]);
    const diff = admin.getByRole("list", { name: "Changes against the published version" });
    for (const kind of ["criterion_added", "criterion_removed", "criterion_reordered"]) {
      expect(await diff.locator(`li[data-change="${kind}"]`).count(), kind).toBe(1);
    }
    await context.close();
  });
});

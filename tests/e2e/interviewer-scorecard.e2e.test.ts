import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRODUCTION_CAPABILITIES } from "~/domain/scorecards/scorecard-fields";
import { createDbClient, type Db } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { signIn, startE2E, type E2EContext } from "../support/e2e";

let e2e: E2EContext;
let db: Db;

beforeAll(async () => {
  e2e = await startE2E();
  db = createDbClient(e2e.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await e2e?.stop();
});

/** Assigns a demo interviewer to a demo candidate's screen and returns the interview id. */
async function assign(interviewerEmail: string, candidateEmail: string, areaKey: string): Promise<string> {
  const interviewer = await db.user.findUniqueOrThrow({ where: { email: interviewerEmail } });
  const candidate = await db.candidate.findUniqueOrThrow({ where: { email: candidateEmail } });
  const interview = await db.interview.create({
    data: { candidateId: candidate.id, areaKey, interviewerId: interviewer.id, scheduledAt: new Date(Date.now() - 3_600_000) },
  });
  return interview.id;
}

async function fillWholeScorecard(page: Page, areaKey: string) {
  const criteria = await db.criterion.findMany({
    where: { rubricVersion: { areaKey, status: "PUBLISHED" } },
    orderBy: { position: "asc" },
  });
  for (const [index, criterion] of criteria.entries()) {
    await page.locator(`input[name="ratings.${criterion.key}.score"][value="${index % 2 === 0 ? 3 : 4}"]`).check();
    await page.locator(`textarea[name="ratings.${criterion.key}.evidence"]`).fill(`Walked through ${criterion.title} with a concrete production example.`);
  }
  await page.locator('input[name="recommendation"][value="yes"]').check();
  await page.locator('select[name="levelSignal"]').selectOption("IC4");
  for (const capability of PRODUCTION_CAPABILITIES) {
    const status = capability === "serving" ? "evidenced" : "not_discussed";
    await page.locator(`input[name="production.${capability}.status"][value="${status}"]`).check();
  }
  await page.locator('input[name="production.serving.note"]').fill("Ran an online scoring service at 2k rps.");
  await page.locator('input[name="lifecycleOwnership"][value="yes"]').check();
  await page.locator('input[name="sharedInfrastructure"][value="no"]').check();
  return criteria.length;
}

describe("an interviewer fills and submits a scorecard", () => {
  it.each([
    ["with JavaScript", true, "interviewer1@example.com", "sofia.martinez@example.org", "feature_engineering"],
    ["with JavaScript disabled", false, "interviewer2@example.com", "joao.oliveira@example.org", "model_development"],
  ] as const)("%s", async (_label, javaScriptEnabled, interviewerEmail, candidateEmail, areaKey) => {
    const interviewId = await assign(interviewerEmail, candidateEmail, areaKey);
    const context = await e2e.browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await signIn(page, e2e.baseUrl, interviewerEmail, DEMO_PASSWORD);

    await page.goto(`${e2e.baseUrl}/interviews`);
    await page.locator(`a[href="/interviews/${interviewId}"]`).click();
    await page.waitForURL(`**/interviews/${interviewId}`);
    const criteriaCount = await fillWholeScorecard(page, areaKey);

    await page.getByRole("button", { name: "Submit scorecard" }).click();
    await page.getByText("A submitted scorecard is final and read-only").waitFor();
    expect(await page.locator("textarea, input[type=radio], select").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Submit scorecard" }).count()).toBe(0);

    const scorecard = await db.scorecard.findUniqueOrThrow({ where: { interviewId }, include: { ratings: true } });
    expect(scorecard.submittedAt).not.toBeNull();
    expect(scorecard.ratings).toHaveLength(criteriaCount);
    await context.close();
  });

  it("autosaves a draft with JavaScript and keeps it across a reload", async () => {
    const interviewId = await assign("interviewer3@example.com", "sofia.martinez@example.org", "code_quality");
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await signIn(page, e2e.baseUrl, "interviewer3@example.com", DEMO_PASSWORD);
    await page.goto(`${e2e.baseUrl}/interviews/${interviewId}`);
    const criterion = await db.criterion.findFirstOrThrow({ where: { rubricVersion: { areaKey: "code_quality", status: "PUBLISHED" } }, orderBy: { position: "asc" } });
    const evidence = page.locator(`textarea[name="ratings.${criterion.key}.evidence"]`);
    await evidence.fill("Typed, then the tab was closed before pressing anything.");
    await expect.poll(async () => (await db.scorecard.findUnique({ where: { interviewId } }))?.version ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    await page.reload();
    expect(await page.locator(`textarea[name="ratings.${criterion.key}.evidence"]`).inputValue()).toBe(
      "Typed, then the tab was closed before pressing anything.",
    );
    await context.close();
  });
});

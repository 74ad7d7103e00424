import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCREEN_AREA_KEYS } from "~/domain/screen-areas";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { signIn, startE2E, type E2EContext } from "../support/e2e";

let e2e: E2EContext;
let db: import("~/utils/db.server").Db;

beforeAll(async () => {
  e2e = await startE2E();
  // The test writes scorecards straight into the app's database (the interviewer's
  // journey is another test), so it needs its own client on that database.
  process.env.DATABASE_URL = e2e.databaseUrl;
  (await import("~/utils/env.server")).refreshEnv();
  db = (await import("~/utils/db.server")).getDb();
});
afterAll(async () => {
  await (await import("~/utils/db.server")).disconnectDb();
  await e2e?.stop();
});

/** Five submitted scorecards (every criterion at 3, serving evidenced, lifecycle owned), then the recompute the submit does. */
async function submitFiveScorecards(candidateId: string): Promise<void> {
  const { recomputeRecommendation } = await import("~/models/recommendation.server");
  const interviewer = await db.user.findUniqueOrThrow({ where: { email: "interviewer1@example.com" } });
  await db.$transaction(async (tx) => {
    for (const areaKey of SCREEN_AREA_KEYS) {
      const rubric = await tx.rubricVersion.findFirstOrThrow({
        where: { areaKey, status: "PUBLISHED" },
        orderBy: { number: "desc" },
        select: { id: true, criteria: { select: { id: true } } },
      });
      const interview = await tx.interview.create({
        data: { candidateId, areaKey, interviewerId: interviewer.id, scheduledAt: new Date("2026-02-01T15:00:00Z") },
      });
      const scorecard = await tx.scorecard.create({
        data: {
          interviewId: interview.id,
          rubricVersionId: rubric.id,
          submittedAt: new Date(),
          overallRecommendation: "yes",
          lifecycleOwnership: true,
          sharedInfrastructure: false,
          peopleManagement: false,
          weightedScore: 3,
        },
      });
      await tx.scorecardRating.createMany({
        data: rubric.criteria.map((criterion) => ({
          scorecardId: scorecard.id,
          criterionId: criterion.id,
          score: 3,
          evidence: `Walked through the ${areaKey} of a fraud model they run in production.`,
        })),
      });
      await tx.scorecardProductionEvidence.create({ data: { scorecardId: scorecard.id, capability: "serving", status: "evidenced" } });
    }
  });
  await db.$transaction((tx) => recomputeRecommendation(tx, candidateId));
}

describe("a recruiter reviews a candidate", () => {
  it("creates the candidate, reads the recommendation, decides, finds them in the list and exports the packet", async () => {
    const context = await e2e.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
    await signIn(page, e2e.baseUrl, "recruiter1@example.com", DEMO_PASSWORD);

    // Create: the shared candidate fields, then the page with an incomplete recommendation.
    await page.goto(`${e2e.baseUrl}/candidates`);
    await page.getByRole("link", { name: "New candidate" }).click();
    await page.waitForURL(/\/candidates\/new$/);
    await page.getByLabel("Name", { exact: true }).fill("Renata Journey");
    await page.getByLabel("Email").fill("renata.journey@example.org");
    await page.getByLabel("Country").selectOption("Chile");
    await page.getByLabel("Current title").fill("Senior ML Engineer");
    await page.getByLabel("Years of experience").fill("8");
    await page.getByLabel("FAANG-type experience").check();
    await page.getByRole("button", { name: "Create candidate" }).click();
    await page.waitForURL(/\/candidates\/[0-9a-f-]{36}$/);
    const candidateId = new URL(page.url()).pathname.split("/")[2]!;
    const recommendation = page.locator("#recommendation");
    await expect.poll(() => recommendation.getByText("Incomplete", { exact: true }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Accept the recommendation" }).isDisabled()).toBe(true);

    // Five scorecards arrive: the page shows the level, the bands and the explanation.
    await submitFiveScorecards(candidateId);
    await page.reload();
    await recommendation.getByText("IC4 · Senior ML Engineer").waitFor();
    await recommendation.getByText("USD 7,000–10,000 / month").waitFor();
    await recommendation.getByText("USD 8,400–15,000 / month").waitFor();
    expect(await recommendation.locator("ol > li").count()).toBeGreaterThan(5);

    // Accept, reopen, then override with a reason.
    await page.getByRole("button", { name: "Accept the recommendation" }).click();
    const decision = page.locator("#decision");
    await decision.getByText("Accepted the recommendation").waitFor();
    await decision.getByRole("button", { name: "Reopen decision" }).click();
    await page.getByRole("button", { name: "Override" }).waitFor();
    await page.getByLabel("Decided level").selectOption("IC5");
    await page.getByLabel("Reason for the override").fill("Led the shared feature store other teams now use.");
    await page.getByRole("button", { name: "Override" }).click();
    await decision.getByText("Overrode the recommendation").waitFor();
    await decision.getByText("Led the shared feature store other teams now use.").waitFor();

    // The audit trail on the candidate page records the override with its reason.
    const history = page.locator("#history");
    const overrideEntry = history.locator("li", { hasText: "overrode the recommendation" });
    await overrideEntry.waitFor();
    expect(await overrideEntry.innerText()).toMatch(/Camila Torres[\s\S]*from IC4 to IC5[\s\S]*Led the shared feature store/);
    expect(await history.locator("li", { hasText: "accepted the recommendation" }).count()).toBe(1);
    expect(await history.locator("li", { hasText: "reopened the decision" }).count()).toBe(1);

    // The list finds them by a piece of the email, with the recommendation and decision.
    await page.goto(`${e2e.baseUrl}/candidates`);
    await page.getByLabel("Search").fill("JOURNEY@");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/q=JOURNEY/);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(/Renata Journey[\s\S]*IC4[\s\S]*IC5 \(override\)/);

    // The packet, printable, and its CSV.
    await rows.first().getByRole("link", { name: "Renata Journey" }).click();
    await page.getByRole("link", { name: "Candidate packet" }).click();
    await page.getByRole("heading", { name: "Candidate packet: Renata Journey" }).waitFor();
    await page.getByRole("button", { name: "Print" }).waitFor(); // appears once JavaScript runs
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("renata-journey-packet.csv");
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "Record,Candidate,Area,Interviewer,Rubric version,Criterion,Weight,Score,Evidence or detail",
    );
    expect(csv).toContain("Decision reason,Renata Journey,,,,,,,Led the shared feature store other teams now use.");

    expect(consoleErrors.filter((text) => /Content Security Policy|hydrat/i.test(text))).toEqual([]);
    await context.close();
  });
});

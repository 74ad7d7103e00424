import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { signIn, startE2E, type E2EContext } from "../support/e2e";

let e2e: E2EContext;

beforeAll(async () => {
  // The demo data (started with --demo) has submitted scorecards from five interviewers.
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

describe("a recruiter calibrates interviewers", () => {
  it("opens calibration from the menu, filters to one area, and sees the charts and the table", async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
    await signIn(page, e2e.baseUrl, "recruiter1@example.com", DEMO_PASSWORD);

    await page.goto(`${e2e.baseUrl}/candidates`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" }).click();
    await page.waitForURL(/\/calibration$/);
    await page.getByRole("heading", { name: "Calibration", level: 1 }).waitFor();
    await page.getByRole("img", { name: "Leniency against peers, all areas" }).waitFor();
    await page.getByRole("img", { name: "Score distribution per interviewer, all areas" }).waitFor();
    const table = page.getByRole("table", { name: "Interviewers" });
    const allRows = await table.locator("tbody tr").count();
    expect(allRows).toBeGreaterThan(2); // "All interviewers" and at least two people

    // Filter to one area with the form (a GET: the filter is in the URL).
    await page.getByLabel("Area", { exact: true }).selectOption({ label: "Feature engineering" });
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/[?&]area=feature_engineering/);
    const leniency = page.getByRole("img", { name: "Leniency against peers, Feature engineering" });
    await leniency.waitFor();
    expect(await leniency.isVisible()).toBe(true);
    // The chart is an SVG drawn on the server: one bar group per interviewer, a <desc> for screen readers.
    expect(await leniency.evaluate((svg) => svg.tagName.toLowerCase())).toBe("svg");
    expect(await leniency.locator("g[data-row]").count()).toBeGreaterThan(0);
    expect(await leniency.locator("desc").textContent()).toContain("the numbers are in the table below");
    await page.getByRole("img", { name: "Score distribution per interviewer, Feature engineering" }).waitFor();

    await page.getByText(/submitted scorecards? by \d+ interviewers?, Feature engineering\./).waitFor();
    const rows = table.locator("tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    expect(await rows.first().innerText()).toMatch(/All interviewers/);
    // Every interviewer row has numbers: a mean and a leniency.
    for (const row of await rows.all()) expect(await row.innerText()).toMatch(/\d\.\d\d/);
    expect(await page.getByLabel("Area", { exact: true }).inputValue()).toBe("feature_engineering");
    expect(await page.getByRole("link", { name: "Download these numbers as CSV" }).getAttribute("href")).toBe(
      "/calibration.csv?area=feature_engineering",
    );

    if (process.env.CALIBRATION_SCREENSHOT) await page.screenshot({ path: process.env.CALIBRATION_SCREENSHOT, fullPage: true });

    // Decision analytics sits next to it in the menu.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decision analytics" }).click();
    await page.getByRole("heading", { name: "Decision analytics", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Caps and gates" }).waitFor();
    await page.getByRole("table", { name: "Caps and gates" }).getByText("Production cap lowered the level to IC3").waitFor();

    expect(consoleErrors.filter((text) => /Content Security Policy|hydrat/i.test(text))).toEqual([]);
    await context.close();
  });
});

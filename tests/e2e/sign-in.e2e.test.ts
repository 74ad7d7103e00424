import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-data";
import { signIn, startE2E, type E2EContext } from "../support/e2e";

let e2e: E2EContext;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => e2e?.stop());

const NAV_BY_ROLE = {
  INTERVIEWER: ["My interviews"],
  RECRUITER: ["Candidates"],
  ADMIN: ["Users", "Audit log"],
} as const;
const ALL_LINKS = Object.values(NAV_BY_ROLE).flat();

const accounts = ["admin@example.com", "recruiter1@example.com", "interviewer1@example.com", "interviewer6@example.com"].map(
  (email) => DEMO_USERS.find((user) => user.email === email)!,
);

describe("signing in as each kind of demo account", () => {
  it.each(accounts.map((account) => [account.email, account] as const))("%s sees the navigation of its roles and signs out", async (_email, account) => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
    await signIn(page, e2e.baseUrl, account.email, DEMO_PASSWORD);

    const nav = page.getByRole("navigation", { name: "Main" });
    const expected = account.roles.flatMap((role) => NAV_BY_ROLE[role]);
    await nav.getByText(account.name).waitFor();
    for (const label of ALL_LINKS) {
      const count = await nav.getByRole("link", { name: label, exact: true }).count();
      expect(count, label).toBe(expected.includes(label as never) ? 1 : 0);
    }

    await nav.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.goto(`${e2e.baseUrl}${new URL(page.url()).pathname === "/login" ? "/account" : "/"}`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(consoleErrors.filter((text) => /Content Security Policy|hydrat/i.test(text))).toEqual([]);
    await context.close();
  });

  it("shows a generic error for a wrong password", async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    await page.getByLabel("Email").fill("recruiter2@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByText("Email or password is incorrect.").count()).toBe(1);
    await context.close();
  });
});

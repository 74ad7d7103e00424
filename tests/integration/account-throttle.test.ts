import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, login, TEST_PASSWORD, type TestUser } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";

/**
 * Issue 11 item 8: every password check is throttled like sign-in. /account asks for the
 * current password; guessing it there counts against the same per-account budget
 * (ADR 004: 5 attempts per 15 minutes, then blocks from 30 s) and the address's.
 */

let app: TestApp;
let db: import("~/utils/db.server").Db;
let rules: typeof import("~/auth/login-throttle.server");

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  rules = await import("~/auth/login-throttle.server");
});
afterAll(async () => app?.close());
afterEach(async () => {
  await db?.loginThrottle.deleteMany();
});

const NEW_PASSWORD = "a brand new passphrase";

async function changePassword(cookie: string, currentPassword: string) {
  const response = await app.request("/account", {
    cookie,
    form: { currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() };
}

async function signedIn(): Promise<{ user: TestUser; cookie: string }> {
  const user = await createTestUser(["INTERVIEWER"]);
  return { user, cookie: await login(app, user) };
}

const passwordHashOf = async (user: TestUser) =>
  (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash;

describe("/account, current password", () => {
  it("answers 25 wrong current passwords: the first 5 with 400, the rest 429 with Retry-After; the right one is refused while blocked", async () => {
    const { user, cookie } = await signedIn();
    const hashBefore = await passwordHashOf(user);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const answer = await changePassword(cookie, `wrong current password ${i}`);
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
        expect(answer.body).toMatch(/Too many password attempts\. Try again in \d+ seconds\./);
      }
    }
    const counts = statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});
    console.log(`25 wrong current passwords at /account: ${counts[400] ?? 0} answered 400, ${counts[429] ?? 0} answered 429`);
    expect(statuses.slice(0, rules.ACCOUNT_RULE.limit)).toEqual(Array(rules.ACCOUNT_RULE.limit).fill(400));
    expect(statuses.slice(rules.ACCOUNT_RULE.limit)).toEqual(Array(25 - rules.ACCOUNT_RULE.limit).fill(429));

    expect((await changePassword(cookie, TEST_PASSWORD)).status).toBe(429);
    expect(await passwordHashOf(user)).toBe(hashBefore);
  });

  it("shares the account's budget with sign-in: guesses at /account block sign-in", async () => {
    const { user, cookie } = await signedIn();
    for (let i = 0; i < rules.ACCOUNT_RULE.limit; i++) {
      expect((await changePassword(cookie, `wrong ${i}`)).status).toBe(400);
    }
    const response = await app.request("/login", { form: { email: user.email, password: "yet another guess" } });
    expect(response.status).toBe(429);
  });

  it("counts from the address too: guesses spread over accounts are blocked at the address limit", async () => {
    const accounts = await Promise.all(Array.from({ length: 6 }, () => signedIn()));
    await db.loginThrottle.deleteMany(); // the sign-ins above forgave themselves; start at zero
    const statuses: number[] = [];
    for (let i = 0; i < rules.ADDRESS_RULE.limit + 3; i++) {
      const { cookie } = accounts[i % accounts.length]!;
      statuses.push((await changePassword(cookie, `wrong ${i}`)).status);
    }
    expect(statuses.slice(0, rules.ADDRESS_RULE.limit).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(rules.ADDRESS_RULE.limit)).toEqual([429, 429, 429]);
  });

  it("changes the password with the right current one and forgives the earlier misses", async () => {
    const { user, cookie } = await signedIn();
    for (let i = 0; i < rules.ACCOUNT_RULE.limit - 1; i++) expect((await changePassword(cookie, `wrong ${i}`)).status).toBe(400);
    const answer = await app.request("/account", {
      cookie,
      form: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/account?changed=1");
    expect(await db.loginThrottle.findUnique({ where: { key: rules.accountKey(user.email) } })).toBeNull();
    expect((await changePassword(cookie, "wrong after the change")).status).toBe(400);
  });
});

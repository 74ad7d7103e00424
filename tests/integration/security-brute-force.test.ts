import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, TEST_PASSWORD } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";

/**
 * Item 3 of issue 6 (brute force): sign-in throttling per account and per client address
 * (ADR 004: 5 attempts per account per 15 minutes, then blocks from 30 s up to 15 minutes;
 * 20 failures per address), exercised over HTTP against the real Express layer, which does
 * not trust X-Forwarded-For unless TRUST_PROXY says so.
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
// Every test starts with no counters (they live in the database the file owns).
afterEach(async () => {
  await db?.loginThrottle.deleteMany();
});

async function attempt(email: string, password: string, headers: Record<string, string> = {}) {
  const response = await app.request("/login", { form: { email, password }, headers });
  const body = await response.text();
  return { status: response.status, retryAfter: response.headers.get("retry-after"), setCookie: response.headers.get("set-cookie"), body };
}

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

describe("one account, 100 wrong passwords", () => {
  it("answers 5 with the generic error, then 95 with 429 and Retry-After; the right password is refused while blocked", async () => {
    const victim = await createTestUser(["RECRUITER"]);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const answer = await attempt(victim.email, `wrong password ${i}`);
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
        expect(answer.body).toMatch(/Too many sign-in attempts\. Try again in \d+ seconds\./);
      }
    }
    const counts = tally(statuses);
    console.log(`100 wrong passwords: ${counts[400] ?? 0} answered 400, ${counts[429] ?? 0} answered 429`);
    expect(counts).toEqual({ 400: rules.ACCOUNT_RULE.limit, 429: 100 - rules.ACCOUNT_RULE.limit });
    expect(statuses.slice(0, rules.ACCOUNT_RULE.limit).every((status) => status === 400)).toBe(true);

    const right = await attempt(victim.email, TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.setCookie).toBeNull();
    expect(await db.session.count({ where: { userId: victim.id } })).toBe(0);
    // Only the attempts that got past the throttle were checked, and audited as failures.
    expect(await db.auditEvent.count({ where: { action: "auth.login_failed", entityId: victim.id } })).toBe(rules.ACCOUNT_RULE.limit);

    // The block ends: once its time (and the window) has passed, the right password works again.
    const past = new Date(Date.now() - 16 * 60_000);
    await db.loginThrottle.updateMany({ data: { blockedUntil: past, firstFailureAt: past } });
    const later = await attempt(victim.email, TEST_PASSWORD);
    expect(later.status).toBe(302);
    expect(later.setCookie).toMatch(/session=/);
  }, 60_000);

  it("lets at most 5 of 30 parallel guesses reach the password check", async () => {
    const victim = await createTestUser(["INTERVIEWER"]);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(victim.email, `parallel guess ${i}`)));
    const counts = tally(answers.map((answer) => answer.status));
    expect(counts[400] ?? 0).toBeLessThanOrEqual(rules.ACCOUNT_RULE.limit);
    expect((counts[400] ?? 0) + (counts[429] ?? 0)).toBe(30);
  }, 60_000);
});

describe("credential stuffing across 50 accounts", () => {
  it("stays throttled per client address whatever X-Forwarded-For claims", async () => {
    const { hashPassword } = await import("~/auth/password.server");
    const passwordHash = await hashPassword(TEST_PASSWORD);
    const emails = Array.from({ length: 50 }, (_, i) => `stuffed-${i}-${randomUUID().slice(0, 6)}@test.example`);
    await db.user.createMany({ data: emails.map((email, i) => ({ email, name: `Stuffed ${i}`, passwordHash, roles: ["INTERVIEWER"] })) });

    const statuses: number[] = [];
    for (const [i, email] of emails.entries()) {
      // Every request claims to come from somewhere else.
      const spoofed = { "X-Forwarded-For": `203.0.113.${i}, 198.51.100.${i}`, "X-Real-IP": `203.0.113.${i}`, Forwarded: `for=203.0.113.${i}` };
      // The last one even has the right password: by then the address is blocked.
      const answer = await attempt(email, i === emails.length - 1 ? TEST_PASSWORD : `Summer2026!${i}`, spoofed);
      statuses.push(answer.status);
      if (answer.status === 429) expect(answer.setCookie).toBeNull();
    }
    const counts = tally(statuses);
    console.log(`credential stuffing over 50 accounts: ${counts[400] ?? 0} answered 400, ${counts[429] ?? 0} answered 429`);
    expect(counts).toEqual({ 400: rules.ADDRESS_RULE.limit, 429: 50 - rules.ADDRESS_RULE.limit });
    expect(await db.session.count({ where: { user: { email: { in: emails } } } })).toBe(0);

    // Counted against the socket address only; the spoofed addresses never became keys.
    const addressKeys = (await db.loginThrottle.findMany({ where: { key: { startsWith: "ip:" } } })).map((row) => row.key);
    expect(addressKeys).toHaveLength(1);
    expect(addressKeys[0]).toMatch(/^ip:(::ffff:)?127\.0\.0\.1$/);
  }, 60_000);
});

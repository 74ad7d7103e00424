import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../setup/test-database";

let drop: () => Promise<void>;
let session: typeof import("~/auth/session.server");
let db: import("~/utils/db.server").Db;
let userId: string;

const IDLE_MS = 120 * 60_000;
const ABSOLUTE_MS = 12 * 3_600_000;

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  Object.assign(process.env, { DATABASE_URL: database.url, SESSION_IDLE_MINUTES: "120", SESSION_ABSOLUTE_HOURS: "12" });
  (await import("~/utils/env.server")).refreshEnv();
  session = await import("~/auth/session.server");
  db = (await import("~/utils/db.server")).getDb();
  userId = (await db.user.create({ data: { email: "s@test.example", name: "S", passwordHash: "x", roles: ["INTERVIEWER"] } })).id;
});
afterAll(async () => {
  await (await import("~/utils/db.server")).disconnectDb();
  await drop?.();
});

describe("session lifetime", () => {
  it("uses tokens of 160 random bits, distinct every time", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => session.generateSessionToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/); // 32 base32 chars = 160 bits
  });

  it("slides the idle deadline forward on use once half of it has passed", async () => {
    const t0 = new Date("2026-01-05T09:00:00Z");
    const { token } = await session.createSession(userId, {}, t0);
    const early = await session.validateSessionToken(token, new Date(t0.getTime() + IDLE_MS / 4));
    expect(early?.expiresAt.getTime()).toBe(t0.getTime() + IDLE_MS);
    const later = new Date(t0.getTime() + IDLE_MS * 0.75);
    const renewed = await session.validateSessionToken(token, later);
    expect(renewed?.expiresAt.getTime()).toBe(later.getTime() + IDLE_MS);
  });

  it("ends a session idle for longer than the timeout and deletes its row", async () => {
    const t0 = new Date("2026-01-05T09:00:00Z");
    const { token } = await session.createSession(userId, {}, t0);
    expect(await session.validateSessionToken(token, new Date(t0.getTime() + IDLE_MS + 1))).toBeNull();
    expect(await db.session.count({ where: { id: session.sessionIdFromToken(token) } })).toBe(0);
  });

  it("never extends a session past its absolute lifetime, however active", async () => {
    const t0 = new Date("2026-01-05T09:00:00Z");
    const { token, absoluteExpiresAt } = await session.createSession(userId, {}, t0);
    expect(absoluteExpiresAt.getTime()).toBe(t0.getTime() + ABSOLUTE_MS);
    let now = t0.getTime();
    while (now + IDLE_MS / 2 < t0.getTime() + ABSOLUTE_MS) {
      now += IDLE_MS / 2 + 60_000;
      const valid = await session.validateSessionToken(token, new Date(Math.min(now, t0.getTime() + ABSOLUTE_MS - 1)));
      expect(valid).not.toBeNull();
      expect(valid!.expiresAt.getTime()).toBeLessThanOrEqual(absoluteExpiresAt.getTime());
    }
    expect(await session.validateSessionToken(token, absoluteExpiresAt)).toBeNull();
  });

  it("rejects tokens that are not ours without querying for them", async () => {
    const request = (cookie: string) => new Request("http://x/", { headers: { Cookie: cookie } });
    expect(session.readSessionToken(request(`${session.sessionCookieName()}=' OR 1=1 --`))).toBeNull();
    expect(session.readSessionToken(request("other=abc"))).toBeNull();
  });
});

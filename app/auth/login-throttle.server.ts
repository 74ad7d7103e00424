import { getDb } from "~/utils/db.server";

/**
 * Password-guess throttling kept in PostgreSQL, so every app server sees the same counts.
 * Every password check goes through checkPasswordThrottled: sign-in and the current
 * password on /account share the account's budget, so a stolen session cannot be used to
 * guess the password either. An attempt is counted *before* the password is checked, in
 * one atomic upsert: parallel guesses cannot slip past the limit. Success forgives the
 * account counter and one address failure. Unknown emails are counted like known ones
 * (no enumeration).
 */

type Rule = { limit: number; windowSeconds: number; baseDelaySeconds: number; maxDelaySeconds: number };

export const ACCOUNT_RULE: Rule = { limit: 5, windowSeconds: 900, baseDelaySeconds: 30, maxDelaySeconds: 900 };
export const ADDRESS_RULE: Rule = { limit: 20, windowSeconds: 900, baseDelaySeconds: 60, maxDelaySeconds: 900 };

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (ip: string) => `ip:${ip}`;

async function registerAttempt(key: string, rule: Rule, now: Date): Promise<Date | null> {
  const rows = await getDb().$queryRaw<{ blockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "firstFailureAt", "blockedUntil", "updatedAt")
    VALUES (${key}, 1, ${now}, NULL, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN "LoginThrottle"."blockedUntil" > ${now} THEN "LoginThrottle"."failures"
        WHEN "LoginThrottle"."firstFailureAt" < ${now}::timestamp - make_interval(secs => ${rule.windowSeconds}) THEN 1
        ELSE "LoginThrottle"."failures" + 1 END,
      "firstFailureAt" = CASE
        WHEN "LoginThrottle"."blockedUntil" > ${now} THEN "LoginThrottle"."firstFailureAt"
        WHEN "LoginThrottle"."firstFailureAt" < ${now}::timestamp - make_interval(secs => ${rule.windowSeconds}) THEN ${now}
        ELSE "LoginThrottle"."firstFailureAt" END,
      "blockedUntil" = CASE
        WHEN "LoginThrottle"."blockedUntil" > ${now} THEN "LoginThrottle"."blockedUntil"
        WHEN "LoginThrottle"."firstFailureAt" < ${now}::timestamp - make_interval(secs => ${rule.windowSeconds}) THEN NULL
        WHEN "LoginThrottle"."failures" + 1 > ${rule.limit} THEN ${now}::timestamp + make_interval(secs => LEAST(
          ${rule.baseDelaySeconds} * power(2, "LoginThrottle"."failures" - ${rule.limit})::float8,
          ${rule.maxDelaySeconds}))
        ELSE NULL END,
      "updatedAt" = ${now}
    RETURNING "blockedUntil"`;
  const blockedUntil = rows[0]?.blockedUntil ?? null;
  return blockedUntil && blockedUntil > now ? blockedUntil : null;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt for the account and the address; refuses it when either is over its limit. */
async function registerPasswordAttempt(email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const blocks = await Promise.all([
    registerAttempt(accountKey(email), ACCOUNT_RULE, now),
    registerAttempt(addressKey(ip), ADDRESS_RULE, now),
  ]);
  const until = Math.max(...blocks.map((block) => block?.getTime() ?? 0));
  if (until <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

async function forgivePasswordAttempt(email: string, ip: string): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.loginThrottle.deleteMany({ where: { key: accountKey(email) } }),
    db.$executeRaw`UPDATE "LoginThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${addressKey(ip)} AND "blockedUntil" IS NULL`,
  ]);
}

export type PasswordCheck = { outcome: "throttled"; retryAfterSeconds: number } | { outcome: "wrong" } | { outcome: "correct" };

/**
 * Counts the attempt for `email` (normalised as at sign-in) and `ip`, and only when neither
 * is blocked runs `verify`, the Argon2 comparison; a correct password forgives the attempt.
 */
export async function checkPasswordThrottled(email: string, ip: string, verify: () => Promise<boolean>): Promise<PasswordCheck> {
  const verdict = await registerPasswordAttempt(email, ip);
  if (!verdict.allowed) return { outcome: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  if (!(await verify())) return { outcome: "wrong" };
  await forgivePasswordAttempt(email, ip);
  return { outcome: "correct" };
}

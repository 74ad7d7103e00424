import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Role } from "~/generated/prisma/enums";
import { getDb } from "~/utils/db.server";
import { getEnv, secureCookies } from "~/utils/env.server";

/**
 * Sessions after the Lucia guide: a random token lives only in the cookie; the database
 * keeps its SHA-256, so a leaked table cannot be replayed. Each session has a sliding
 * inactivity deadline and a fixed absolute one (OWASP ASVS 7.3.1 / 7.3.2).
 */

export type SessionUser = { id: string; email: string; name: string; roles: Role[] };
export type ValidSession = {
  sessionId: string;
  user: SessionUser;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  /** The user's unread inbox items: every page's navigation shows them, so they come with the session's query. */
  unreadNotifications: number;
};

export function sessionCookieName(): string {
  // __Host- binds the cookie to this exact origin; browsers accept it only with Secure.
  return secureCookies() ? "__Host-session" : "session";
}

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20); // 160 bits
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function idleMs(): number {
  return getEnv().SESSION_IDLE_MINUTES * 60_000;
}

export async function createSession(
  userId: string,
  meta: { ipAddress?: string; userAgent?: string },
  now = new Date(),
): Promise<{ token: string; absoluteExpiresAt: Date }> {
  const token = generateSessionToken();
  const absoluteExpiresAt = new Date(now.getTime() + getEnv().SESSION_ABSOLUTE_HOURS * 3_600_000);
  await getDb().session.create({
    data: {
      id: sessionIdFromToken(token),
      userId,
      createdAt: now,
      expiresAt: new Date(Math.min(now.getTime() + idleMs(), absoluteExpiresAt.getTime())),
      absoluteExpiresAt,
      ipAddress: meta.ipAddress,
      userAgent: meta.userAgent?.slice(0, 300),
    },
  });
  return { token, absoluteExpiresAt };
}

export async function validateSessionToken(token: string, now = new Date()): Promise<ValidSession | null> {
  const db = getDb();
  const sessionId = sessionIdFromToken(token);
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          roles: true,
          active: true,
          _count: { select: { notifications: { where: { readAt: null } } } },
        },
      },
    },
  });
  if (!session) return null;
  if (now >= session.expiresAt || now >= session.absoluteExpiresAt || !session.user.active) {
    await db.session.deleteMany({ where: { id: sessionId } });
    return null;
  }
  let expiresAt = session.expiresAt;
  // Renew only when half the idle window is used, so most requests do not write.
  if (session.expiresAt.getTime() - now.getTime() < idleMs() / 2) {
    expiresAt = new Date(Math.min(now.getTime() + idleMs(), session.absoluteExpiresAt.getTime()));
    await db.session.update({ where: { id: sessionId }, data: { expiresAt } });
  }
  const { active: _active, _count, ...user } = session.user;
  return { sessionId, user, expiresAt, absoluteExpiresAt: session.absoluteExpiresAt, unreadNotifications: _count.notifications };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await getDb().session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateUserSessions(userId: string, options: { except?: string } = {}): Promise<number> {
  const { count } = await getDb().session.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
  return count;
}

export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await getDb().session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] },
  });
  return count;
}

function cookieAttributes(): string {
  return `Path=/; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`;
}

export function sessionCookie(token: string, absoluteExpiresAt: Date): string {
  return `${sessionCookieName()}=${token}; ${cookieAttributes()}; Expires=${absoluteExpiresAt.toUTCString()}`;
}

export function clearedSessionCookie(): string {
  return `${sessionCookieName()}=; ${cookieAttributes()}; Max-Age=0`;
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = sessionCookieName();
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) {
      const value = rest.join("=");
      // Tokens are base32: anything else is not ours and is not worth a query.
      return /^[a-z2-7]{32}$/.test(value) ? value : null;
    }
  }
  return null;
}

import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { ApiScope } from "~/domain/api/scopes";
import { getDb } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import type { Actor } from "./candidate.server";

/**
 * Service tokens for the REST API. The secret (`mlt_` + 160 random bits) is returned once by
 * createApiToken; the database keeps its SHA-256, so a leaked table grants nothing.
 */
const SECRET_PREFIX = "mlt_";

export function apiTokenHash(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export async function createApiToken(input: { name: string; scopes: ApiScope[] }, actor: Actor) {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  const secret = SECRET_PREFIX + encodeBase32LowerCaseNoPadding(bytes);
  const token = await getDb().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        tokenHash: apiTokenHash(secret),
        prefix: secret.slice(0, SECRET_PREFIX.length + 6),
        scopes: input.scopes,
        createdById: actor.id,
      },
      select: { id: true, name: true, scopes: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "api_token.create",
        entityType: "ApiToken",
        entityId: row.id,
        details: { name: row.name, scopes: row.scopes },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return row;
  });
  return { ...token, secret };
}

export function listApiTokens() {
  return getDb().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
}

/** Revokes once; a second revoke (double click, two admins) changes nothing. */
export async function revokeApiToken(id: string, actor: Actor): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 1) {
      await recordAudit(
        { actorId: actor.id, action: "api_token.revoke", entityType: "ApiToken", entityId: id, ipAddress: actor.ipAddress },
        tx,
      );
    }
    return count === 1;
  });
}

export type ApiCaller = { tokenId: string; tokenName: string; scopes: string[]; ownerId: string };

export type ApiAuthentication =
  | { ok: true; caller: ApiCaller }
  | { ok: false; reason: "unknown" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * One statement finds a live token by its hash, marks it used and counts the request in
 * the current minute's window, so every server shares the count and the limit. A token
 * whose creator was deactivated stops working with them.
 */
export async function authenticateApiToken(secret: string, limitPerMinute: number, now = new Date()): Promise<ApiAuthentication> {
  if (!secret.startsWith(SECRET_PREFIX) || secret.length > 100) return { ok: false, reason: "unknown" };
  const window = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await getDb().$queryRaw<{ id: string; name: string; scopes: string[]; createdById: string; rateCount: number }[]>`
    UPDATE "ApiToken" t
    SET "lastUsedAt" = ${now},
        "rateCount" = CASE WHEN t."rateWindow" = ${window} THEN t."rateCount" + 1 ELSE 1 END,
        "rateWindow" = ${window}
    FROM "User" u
    WHERE t."tokenHash" = ${apiTokenHash(secret)} AND t."revokedAt" IS NULL
      AND u."id" = t."createdById" AND u."active"
    RETURNING t."id"::text AS "id", t."name", t."scopes", t."createdById"::text AS "createdById", t."rateCount"`;
  if (!row) return { ok: false, reason: "unknown" };
  if (row.rateCount > limitPerMinute) {
    return { ok: false, reason: "rate_limited", retryAfterSeconds: Math.max(1, Math.ceil((window.getTime() + 60_000 - now.getTime()) / 1000)) };
  }
  return { ok: true, caller: { tokenId: row.id, tokenName: row.name, scopes: row.scopes, ownerId: row.createdById } };
}

/** Every API request is recorded: which token, what it asked for, and the answer's status. */
export function recordApiRequest(caller: ApiCaller, request: { method: string; path: string; status: number; ipAddress?: string }) {
  return recordAudit({
    actorId: caller.ownerId,
    action: "api.request",
    entityType: "ApiToken",
    entityId: caller.tokenId,
    details: { method: request.method, path: request.path, status: request.status },
    ipAddress: request.ipAddress,
  });
}

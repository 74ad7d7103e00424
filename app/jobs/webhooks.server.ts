import { createHmac } from "node:crypto";
import { nextAttemptAt } from "~/domain/webhooks/events";
import { getDb } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import type { WebhookConfig } from "./config.server";
import { startSchedule } from "./reminders.server";

/**
 * Delivers the webhook outbox (app/models/webhook.server.ts). Any number of servers run
 * this: a server claims due deliveries with FOR UPDATE SKIP LOCKED and a lease longer than
 * one attempt can take, so two servers never send the same delivery at once, and a server
 * that died mid-attempt leaves a claim that expires and is taken again.
 */

/** Standard Webhooks signature: HMAC-SHA256 over "id.timestamp.body" with the secret's bytes, base64. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`;
}

type Claimed = {
  id: string;
  eventId: string;
  payload: string;
  attempts: number;
  createdAt: Date;
  url: string;
  secret: string;
};

export type WebhookRunResult = { claimed: number; succeeded: number; retrying: number; failed: number };

export type WebhookRunOptions = {
  timeoutMs: number;
  /** The clock; tests move it to reach a retry. */
  now?: () => Date;
  batch?: number;
};

async function claim(now: Date, leaseMs: number, batch: number): Promise<Claimed[]> {
  return getDb().$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" d SET "claimedUntil" = ${new Date(now.getTime() + leaseMs)}
    FROM (
      SELECT "id" FROM "WebhookDelivery"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED
    ) due, "WebhookEndpoint" e
    WHERE d."id" = due."id" AND e."id" = d."endpointId"
    RETURNING d."id"::text AS "id", d."eventId"::text AS "eventId", d."payload", d."attempts", d."createdAt", e."url", e."secret"`;
}

/** One attempt: the receiver's status code, or why there was none. */
async function send(delivery: Claimed, timeoutMs: number): Promise<{ statusCode: number | null; error: string | null }> {
  // The wall clock, not the scheduling clock: receivers check the timestamp against their own.
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "ml-leveling-webhooks/1",
        "webhook-id": delivery.eventId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(delivery.secret, delivery.eventId, timestamp, delivery.payload),
      },
      body: delivery.payload,
      // A redirect is an answer, not a success: following it could send the event elsewhere.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    return { statusCode: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    const reason = (error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (cause?.code ?? (error as Error).name);
    return { statusCode: null, error: reason };
  }
}

async function record(delivery: Claimed, outcome: { statusCode: number | null; error: string | null }, now: Date) {
  const attempts = delivery.attempts + 1;
  const common = { attempts, lastAttemptAt: now, lastStatusCode: outcome.statusCode, lastError: outcome.error, claimedUntil: null };
  if (outcome.error === null) {
    await getDb().webhookDelivery.update({ where: { id: delivery.id }, data: { ...common, status: "succeeded", deliveredAt: now } });
    return "succeeded" as const;
  }
  const next = nextAttemptAt({ createdAt: delivery.createdAt, failedAttempts: attempts, now });
  await getDb().webhookDelivery.update({
    where: { id: delivery.id },
    data: next ? { ...common, nextAttemptAt: next } : { ...common, status: "failed" },
  });
  return next ? ("retrying" as const) : ("failed" as const);
}

/** Claims and sends every delivery due now, batch by batch, until none is left. */
export async function deliverDueWebhooks(options: WebhookRunOptions): Promise<WebhookRunResult> {
  const clock = options.now ?? (() => new Date());
  const batch = options.batch ?? 20;
  // Longer than an attempt can last, so a live server's claim never expires under it.
  const leaseMs = options.timeoutMs * 2 + 10_000;
  const result: WebhookRunResult = { claimed: 0, succeeded: 0, retrying: 0, failed: 0 };
  for (;;) {
    const claimed = await claim(clock(), leaseMs, batch);
    result.claimed += claimed.length;
    const outcomes = await Promise.all(
      claimed.map(async (delivery) => {
        const now = clock();
        return record(delivery, await send(delivery, options.timeoutMs), now);
      }),
    );
    for (const outcome of outcomes) result[outcome] += 1;
    if (claimed.length < batch) return result;
  }
}

/** The in-server schedule: every server polls; the claims keep them from sending twice. */
export function startWebhookSchedule(config: WebhookConfig): { stop(): Promise<void> } {
  return startSchedule({
    intervalMs: config.intervalMs,
    firstRunAfterMs: config.intervalMs,
    task: async () => {
      try {
        const result = await deliverDueWebhooks({ timeoutMs: config.timeoutMs });
        if (result.claimed > 0) log("info", "webhook deliveries", result);
      } catch (error) {
        log("error", "webhook delivery run failed", { error: error instanceof Error ? error.name : String(error) });
      }
    },
  });
}

import { randomBytes, randomUUID } from "node:crypto";
import { DELIVERIES_SHOWN, webhookPayload, type WebhookEventData, type WebhookEventType } from "~/domain/webhooks/events";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import type { Actor } from "./candidate.server";

type Tx = Prisma.TransactionClient;

/**
 * The webhook outbox. An event is written in the transaction of the change it announces,
 * one delivery row per active endpoint subscribed to it: if the change rolls back, so does
 * the event, and a committed event is never lost (app/jobs/webhooks.server.ts delivers it).
 */
export function enqueueWebhookEvent<T extends WebhookEventType>(tx: Tx, type: T, data: WebhookEventData[T], now = new Date()) {
  return enqueueWebhookEvents(tx, type, [data], now);
}

/**
 * The same kind of event for many subjects at once (a policy publish that moved many
 * levels): one statement, whatever the count. The endpoint list is read inside the
 * transaction, so an endpoint added meanwhile gets exactly the events committed after it.
 */
export async function enqueueWebhookEvents<T extends WebhookEventType>(tx: Tx, type: T, items: WebhookEventData[T][], now = new Date()) {
  if (items.length === 0) return;
  const eventIds = items.map(() => randomUUID());
  const payloads = items.map((data) => webhookPayload(type, data, now));
  await tx.$executeRaw`
    INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventId", "eventType", "payload", "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), e."id", x."eventId", ${type}, x."payload", ${now}, ${now}
    FROM "WebhookEndpoint" e
    CROSS JOIN unnest(${eventIds}::uuid[], ${payloads}::text[]) AS x("eventId", "payload")
    WHERE e."active" AND ${type} = ANY(e."events")`;
}

/** "whsec_" + base64 of 24 random bytes, the Standard Webhooks secret format. */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export async function createWebhookEndpoint(input: { url: string; events: WebhookEventType[] }, actor: Actor) {
  return getDb().$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { url: input.url, events: input.events, secret: newSecret(), createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "webhook.create",
        entityType: "WebhookEndpoint",
        entityId: endpoint.id,
        details: { url: input.url, events: input.events },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return endpoint;
  });
}

/** Stops (or resumes) sending new events to an endpoint; deliveries already queued still go out. */
export async function setWebhookEndpointActive(id: string, active: boolean, actor: Actor): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id, active: !active }, data: { active } });
    if (count === 1) {
      await recordAudit(
        { actorId: actor.id, action: active ? "webhook.enable" : "webhook.disable", entityType: "WebhookEndpoint", entityId: id, ipAddress: actor.ipAddress },
        tx,
      );
    }
    return count === 1;
  });
}

/** Queues a delivery again now, whatever became of it; the receiver sees the same event id. */
export async function redeliverWebhook(deliveryId: string, actor: Actor): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId },
      data: { status: "pending", nextAttemptAt: new Date(), claimedUntil: null },
    });
    if (count === 1) {
      await recordAudit(
        { actorId: actor.id, action: "webhook.redeliver", entityType: "WebhookDelivery", entityId: deliveryId, ipAddress: actor.ipAddress },
        tx,
      );
    }
    return count === 1;
  });
}

/** Endpoints with their latest deliveries and counts per status, for the admin page. */
export async function listWebhookEndpoints() {
  const db = getDb();
  const [endpoints, counts] = await Promise.all([
    db.webhookEndpoint.findMany({
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        url: true,
        secret: true,
        events: true,
        active: true,
        createdAt: true,
        deliveries: {
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: DELIVERIES_SHOWN,
          select: {
            id: true,
            eventId: true,
            eventType: true,
            status: true,
            attempts: true,
            nextAttemptAt: true,
            lastAttemptAt: true,
            lastStatusCode: true,
            lastError: true,
            deliveredAt: true,
            createdAt: true,
          },
        },
      },
    }),
    db.webhookDelivery.groupBy({ by: ["endpointId", "status"], _count: { _all: true } }),
  ]);
  return endpoints.map((endpoint) => ({
    ...endpoint,
    counts: Object.fromEntries(
      counts.filter((row) => row.endpointId === endpoint.id).map((row) => [row.status, row._count._all]),
    ) as Partial<Record<"pending" | "succeeded" | "failed", number>>,
  }));
}

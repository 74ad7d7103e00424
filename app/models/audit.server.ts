import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Prisma.InputJsonValue;
  ipAddress?: string | null;
};

type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

/** Appends one audit event; pass the transaction client so it commits with the change it records. */
export async function recordAudit(entry: AuditEntry, db: AuditWriter = getDb()): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details ?? {},
      ipAddress: entry.ipAddress ?? null,
    },
  });
}

export type AuditFilter = { actorId?: string; action?: string; entityType?: string; from?: Date; to?: Date };

export async function listAuditEvents(filter: AuditFilter, page: { take: number; skip: number }) {
  const where: Prisma.AuditEventWhereInput = {
    actorId: filter.actorId,
    action: filter.action ? { startsWith: filter.action } : undefined,
    entityType: filter.entityType,
    at: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
  };
  const db = getDb();
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: page.take, skip: page.skip }),
    db.auditEvent.count({ where }),
  ]);
  return { events, total };
}

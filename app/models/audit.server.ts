import { auditDetailsFor, NOTHING_WITHHELD, type WithheldEntities } from "~/domain/scorecards/visibility";
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

export type HistoryEntry = { id: string; at: string; actor: string; action: string; details: unknown };

/**
 * Everything recorded about one candidate: edits and decisions (entity Candidate), interview
 * assignments (entity Interview) and scorecard submissions (entity Scorecard). Looked up by
 * the indexed (entityType, entityId) pair, never by scanning JSON details. With
 * `withheldFrom` (a viewer the candidate's scores are withheld from), the details of
 * decisions and of colleagues' submissions are replaced by WITHHELD_DETAILS.
 */
export async function listCandidateHistory(
  candidateId: string,
  options: { take?: number; withheldFrom?: string | null } = {},
): Promise<HistoryEntry[]> {
  const db = getDb();
  const interviews = await db.interview.findMany({
    where: { candidateId },
    select: { id: true, interviewerId: true, scorecard: { select: { id: true } } },
  });
  const scorecardIds = interviews.flatMap((interview) => (interview.scorecard ? [interview.scorecard.id] : []));
  const withheld: WithheldEntities = options.withheldFrom
    ? {
        candidateIds: new Set([candidateId]),
        scorecardIds: new Set(
          interviews.flatMap((interview) =>
            interview.scorecard && interview.interviewerId !== options.withheldFrom ? [interview.scorecard.id] : [],
          ),
        ),
      }
    : NOTHING_WITHHELD;
  const events = await db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "Candidate", entityId: candidateId },
        { entityType: "Interview", entityId: { in: interviews.map((interview) => interview.id) } },
        { entityType: "Scorecard", entityId: { in: scorecardIds } },
      ],
    },
    orderBy: { id: "desc" },
    take: options.take ?? 100,
  });
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  return events.map((event) => ({
    id: String(event.id),
    at: event.at.toISOString(),
    actor: event.actorId ? (names.get(event.actorId) ?? "former user") : "system",
    action: event.action,
    details: auditDetailsFor(event, withheld),
  }));
}

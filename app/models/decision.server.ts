import { DECISION_MESSAGES, NO_HIRE, type OverrideChoice } from "~/domain/candidates/decision-fields";
import type { Level } from "~/domain/levels";
import type { RecommendationStatus } from "~/domain/leveling/types";
import { getDb, isUniqueViolation } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { enqueueWebhookEvent } from "./webhook.server";
import { isUuid } from "~/utils/params";
import type { Actor } from "./candidate.server";

export type DecisionChoice = { kind: "accept" } | { kind: "override"; choice: OverrideChoice; reason: string };

export type DecisionResult =
  | { ok: true; decisionId: string }
  | { ok: false; reason: "not_found" }
  /** 409: nothing was written; the message says why. */
  | { ok: false; reason: "stale" | "taken"; message: string }
  /** 400: the choice is not allowed against this recommendation. */
  | { ok: false; reason: "invalid"; field: "level" | null; message: string };

export type ReopenResult = { ok: true } | { ok: false; reason: "not_found" } | { ok: false; reason: "stale"; message: string };


const TAKEN: DecisionResult = { ok: false, reason: "taken", message: DECISION_MESSAGES.taken };
const STALE: DecisionResult = { ok: false, reason: "stale", message: DECISION_MESSAGES.stale };

type LockedRecommendation = { status: RecommendationStatus; level: Level | null; policyVersion: number; computedAt: Date };

/**
 * Records the recruiter's decision on the recommendation they were shown (`basedOn` is its
 * `computedAt`). One transaction: the recommendation row is locked, so a scorecard submitted
 * meanwhile either recomputes it before (the decision is refused as stale) or after (the
 * decision stands against what was shown). The unique index on the candidate makes a second
 * concurrent decision fail; it is answered as "taken". The audit row commits with the decision.
 */
export async function recordDecision(input: {
  candidateId: string;
  basedOn: Date;
  decision: DecisionChoice;
  actor: Actor;
}): Promise<DecisionResult> {
  const { candidateId, basedOn, decision, actor } = input;
  if (!isUuid(candidateId)) return { ok: false, reason: "not_found" };
  try {
    return await getDb().$transaction(async (tx): Promise<DecisionResult> => {
      const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { id: true } });
      if (!candidate) return { ok: false, reason: "not_found" };
      const [recommendation] = await tx.$queryRaw<LockedRecommendation[]>`
        SELECT "status"::text AS "status", "level"::text AS "level", "policyVersion", "computedAt"
        FROM "CandidateRecommendation" WHERE "candidateId" = ${candidateId}::uuid FOR UPDATE`;
      if (!recommendation || recommendation.computedAt.getTime() !== basedOn.getTime()) return STALE;
      if (await tx.hiringDecision.findUnique({ where: { candidateId }, select: { id: true } })) return TAKEN;

      const decided = decidedLevel(decision, recommendation);
      if (!decided.ok) return decided.result;
      const reason = decision.kind === "override" ? decision.reason : "";
      const row = await tx.hiringDecision.create({
        data: {
          candidateId,
          kind: decision.kind,
          level: decided.level,
          recommendedLevel: recommendation.level,
          recommendationStatus: recommendation.status,
          reason,
          policyVersion: recommendation.policyVersion,
          decidedById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: `decision.${decision.kind}`,
          entityType: "Candidate",
          entityId: candidateId,
          // The reason is the recruiter's justification, kept so a reopened decision's story survives.
          details: {
            decisionId: row.id,
            from: recommendation.level ?? recommendation.status,
            to: decided.level ?? NO_HIRE,
            policyVersion: recommendation.policyVersion,
            ...(decision.kind === "override" ? { reason } : {}),
          },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      await enqueueWebhookEvent(tx, "decision.recorded", { candidateId, decisionId: row.id, kind: decision.kind, level: decided.level });
      return { ok: true, decisionId: row.id };
    });
  } catch (error) {
    // Two recruiters decided at the same moment: the unique index let exactly one in.
    if (isUniqueViolation(error)) return TAKEN;
    throw error;
  }
}

function decidedLevel(
  decision: DecisionChoice,
  recommendation: LockedRecommendation,
): { ok: true; level: Level | null } | { ok: false; result: DecisionResult } {
  if (decision.kind === "accept") {
    if (recommendation.status === "recommended" && recommendation.level) return { ok: true, level: recommendation.level };
    if (recommendation.status === "no_hire") return { ok: true, level: null };
    return { ok: false, result: { ok: false, reason: "invalid", field: null, message: DECISION_MESSAGES.nothingToAccept } };
  }
  const level = decision.choice === NO_HIRE ? null : decision.choice;
  const sameAsRecommended =
    (recommendation.status === "recommended" && recommendation.level === level) ||
    (recommendation.status === "no_hire" && level === null);
  if (sameAsRecommended) {
    return { ok: false, result: { ok: false, reason: "invalid", field: "level", message: DECISION_MESSAGES.sameAsRecommendation } };
  }
  return { ok: true, level };
}

/**
 * Deletes the decision so a new one can be made, auditing `decision.reopen` in the same
 * transaction. Only the decision the recruiter saw (`decisionId`) is reopened: if it was
 * already reopened or replaced, nothing happens and they are told to look again.
 */
export async function reopenDecision(input: { candidateId: string; decisionId: string; actor: Actor }): Promise<ReopenResult> {
  const { candidateId, decisionId, actor } = input;
  if (!isUuid(candidateId)) return { ok: false, reason: "not_found" };
  if (!isUuid(decisionId)) return { ok: false, reason: "stale", message: DECISION_MESSAGES.reopened };
  return getDb().$transaction(async (tx): Promise<ReopenResult> => {
    const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { id: true } });
    if (!candidate) return { ok: false, reason: "not_found" };
    const [deleted] = await tx.$queryRaw<
      { kind: string; level: string | null; decidedById: string; decidedAt: Date; policyVersion: number }[]
    >`
      DELETE FROM "HiringDecision" WHERE "id" = ${decisionId}::uuid AND "candidateId" = ${candidateId}::uuid
      RETURNING "kind"::text AS "kind", "level"::text AS "level", "decidedById"::text AS "decidedById", "decidedAt", "policyVersion"`;
    if (!deleted) return { ok: false, reason: "stale", message: DECISION_MESSAGES.reopened };
    await recordAudit(
      {
        actorId: actor.id,
        action: "decision.reopen",
        entityType: "Candidate",
        entityId: candidateId,
        details: {
          decisionId,
          kind: deleted.kind,
          level: deleted.level ?? NO_HIRE,
          decidedById: deleted.decidedById,
          decidedAt: deleted.decidedAt.toISOString(),
          policyVersion: deleted.policyVersion,
        },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true };
  });
}

export type DecisionView = {
  id: string;
  kind: "accept" | "override";
  level: Level | null;
  recommendedLevel: Level | null;
  recommendationStatus: RecommendationStatus;
  reason: string;
  policyVersion: number;
  decidedAt: string;
  decidedByName: string;
};

/** The candidate's decision with the name of who made it, or null while undecided. */
export async function getDecision(candidateId: string): Promise<DecisionView | null> {
  if (!isUuid(candidateId)) return null;
  const db = getDb();
  const decision = await db.hiringDecision.findUnique({ where: { candidateId } });
  if (!decision) return null;
  const decidedBy = await db.user.findUnique({ where: { id: decision.decidedById }, select: { name: true } });
  return {
    id: decision.id,
    kind: decision.kind,
    level: decision.level,
    recommendedLevel: decision.recommendedLevel,
    recommendationStatus: decision.recommendationStatus,
    reason: decision.reason,
    policyVersion: decision.policyVersion,
    decidedAt: decision.decidedAt.toISOString(),
    decidedByName: decidedBy?.name ?? "a former user",
  };
}

import { scoreScorecard } from "~/domain/leveling";
import { PRODUCTION_CAPABILITIES, type ScorecardDraft, type ScorecardSubmission } from "~/domain/scorecards/scorecard-form";
import { type Prisma } from "~/generated/prisma/client";
import { getDb, isUniqueViolation } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import type { RubricView } from "./rubric.server";

export type SaveOutcome = { ok: true; version: number } | { ok: false; reason: "conflict" | "submitted" };


/**
 * Saves a draft only if nobody saved since `expectedVersion` (0 = no scorecard yet):
 * a stale save is refused and overwrites nothing. The first save pins the rubric
 * version the interviewer was shown.
 */
export async function saveDraft(input: {
  interviewId: string;
  interviewerId: string;
  rubricVersionId: string;
  expectedVersion: number;
  draft: ScorecardDraft;
}): Promise<SaveOutcome> {
  const db = getDb();
  const draft = input.draft as Prisma.InputJsonValue;
  if (input.expectedVersion === 0) {
    try {
      await db.scorecard.create({ data: { interviewId: input.interviewId, rubricVersionId: input.rubricVersionId, draft } });
      return { ok: true, version: 1 };
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, reason: "conflict" };
      throw error;
    }
  }
  const { count } = await db.scorecard.updateMany({
    where: {
      interviewId: input.interviewId,
      version: input.expectedVersion,
      submittedAt: null,
      // Re-checked here, not only in the loader: the interview may have been reassigned or cancelled since.
      interview: { interviewerId: input.interviewerId, status: "SCHEDULED" },
    },
    data: { draft, version: { increment: 1 } },
  });
  if (count === 1) return { ok: true, version: input.expectedVersion + 1 };
  const current = await db.scorecard.findUnique({ where: { interviewId: input.interviewId }, select: { submittedAt: true } });
  return { ok: false, reason: current?.submittedAt ? "submitted" : "conflict" };
}

export type SubmitOutcome = { ok: true; scorecardId: string; alreadySubmitted: boolean } | { ok: false; reason: "conflict" };

type SubmitInput = {
  interviewId: string;
  rubric: RubricView;
  expectedVersion: number;
  submission: ScorecardSubmission;
  actor: { id: string; ipAddress?: string };
  /** Runs inside the submit transaction, e.g. to recompute the candidate's recommendation. */
  afterSubmit?: (tx: Prisma.TransactionClient) => Promise<void>;
};

/**
 * Submits once. The row is locked, so of two tabs or a double click exactly one writes;
 * the other learns it was already submitted (idempotent), never a second submission.
 */
export async function submitScorecard(input: SubmitInput): Promise<SubmitOutcome> {
  try {
    return await getDb().$transaction((tx) => submitLocked(tx, input));
  } catch (error) {
    // Two first-time submits raced to create the row: the loser sees the winner's result.
    if (isUniqueViolation(error)) return getDb().$transaction((tx) => submitLocked(tx, input));
    throw error;
  }
}

async function submitLocked(tx: Prisma.TransactionClient, input: SubmitInput): Promise<SubmitOutcome> {
  const { interviewId, rubric, submission } = input;
  // Share-lock the interview: a concurrent cancel or reassign waits, and one that won is seen.
  const [interview] = await tx.$queryRaw<{ interviewerId: string; status: string }[]>`
    SELECT "interviewerId", "status"::text AS "status" FROM "Interview" WHERE "id" = ${interviewId}::uuid FOR SHARE`;
  if (interview?.interviewerId !== input.actor.id || interview.status !== "SCHEDULED") return { ok: false, reason: "conflict" };
  const [locked] = await tx.$queryRaw<{ id: string; version: number; submittedAt: Date | null }[]>`
    SELECT "id", "version", "submittedAt" FROM "Scorecard" WHERE "interviewId" = ${interviewId}::uuid FOR UPDATE`;
  if (locked?.submittedAt) return { ok: true, scorecardId: locked.id, alreadySubmitted: true };
  if ((locked?.version ?? 0) !== input.expectedVersion) return { ok: false, reason: "conflict" };

  const scorecardId =
    locked?.id ??
    (await tx.scorecard.create({ data: { interviewId, rubricVersionId: rubric.id }, select: { id: true } })).id;
  const ratings = rubric.criteria.map((criterion) => ({
    scorecardId,
    criterionId: criterion.id,
    score: submission.ratings[criterion.key]!.score,
    evidence: submission.ratings[criterion.key]!.evidence,
  }));
  await tx.scorecardRating.createMany({ data: ratings });
  await tx.scorecardProductionEvidence.createMany({
    data: PRODUCTION_CAPABILITIES.map((capability) => ({
      scorecardId,
      capability,
      status: submission.production[capability].status,
      note: submission.production[capability].note ?? "",
    })),
  });
  const weightedScore = scoreScorecard(ratings, {
    id: rubric.id,
    criteria: rubric.criteria.map((criterion) => ({ id: criterion.id, weight: criterion.weight })),
  });
  await tx.scorecard.update({
    where: { id: scorecardId },
    data: {
      draft: submission as unknown as Prisma.InputJsonValue,
      version: { increment: 1 },
      submittedAt: new Date(),
      overallRecommendation: submission.recommendation,
      levelSignal: submission.levelSignal,
      lifecycleOwnership: submission.lifecycleOwnership === "yes",
      sharedInfrastructure: submission.sharedInfrastructure === "yes",
      peopleManagement: submission.peopleManagement === "yes",
      noteForLaterInterviewers: submission.noteForLaterInterviewers ?? null,
      weightedScore,
    },
  });
  await recordAudit(
    {
      actorId: input.actor.id,
      action: "scorecard.submit",
      entityType: "Scorecard",
      entityId: scorecardId,
      details: { interviewId, rubricVersionId: rubric.id, weightedScore, recommendation: submission.recommendation },
      ipAddress: input.actor.ipAddress,
    },
    tx,
  );
  await input.afterSubmit?.(tx);
  return { ok: true, scorecardId, alreadySubmitted: false };
}

/** Everything needed to show one scorecard, read-only, against the rubric it was filled with. */
export function getScorecardForReading(scorecardId: string) {
  return getDb().scorecard.findUnique({
    where: { id: scorecardId },
    select: {
      id: true,
      submittedAt: true,
      draft: true,
      weightedScore: true,
      rubricVersionId: true,
      interview: {
        select: {
          id: true,
          candidateId: true,
          interviewerId: true,
          scheduledAt: true,
          candidate: { select: { name: true } },
          area: { select: { name: true } },
          interviewer: { select: { name: true } },
        },
      },
    },
  });
}

/** Submitted scorecards of a candidate, for readers who passed the visibility rule (models/visibility.server.ts). */
export function listSubmittedScorecards(candidateId: string) {
  return getDb().scorecard.findMany({
    where: { submittedAt: { not: null }, interview: { candidateId } },
    orderBy: [{ interview: { area: { position: "asc" } } }, { submittedAt: "asc" }],
    select: {
      id: true,
      submittedAt: true,
      weightedScore: true,
      overallRecommendation: true,
      levelSignal: true,
      interview: { select: { interviewerId: true, area: { select: { key: true, name: true } }, interviewer: { select: { name: true } } } },
    },
  });
}

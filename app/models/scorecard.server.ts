import { scoreScorecard } from "~/domain/leveling";
import { PRODUCTION_CAPABILITIES, type ScorecardDraft, type ScorecardSubmission } from "~/domain/scorecards/scorecard-form";
import { type Prisma } from "~/generated/prisma/client";
import { getDb, isUniqueViolation, requestTransactionOptions } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { enqueueWebhookEvent } from "./webhook.server";
import type { RubricView } from "./rubric.server";

/**
 * Why a write was refused: "not_yours" — the interview was reassigned or cancelled (the
 * page answers 404, as it would on a reload); "rubric_changed" — a first write named a
 * rubric version other than the area's published one (the page is out of date).
 */
export type WriteRefusal = "conflict" | "submitted" | "not_yours" | "rubric_changed";
export type SaveOutcome = { ok: true; version: number } | { ok: false; reason: WriteRefusal };

/**
 * Share-locks the interview and checks, under that lock, that it is still this
 * interviewer's and scheduled. Reassign and cancel take the row FOR UPDATE, so they wait
 * for a write holding this lock to commit (and then see its scorecard), or the write
 * waits for them and sees the new owner or status here.
 */
async function lockOwnScheduledInterview(tx: Prisma.TransactionClient, interviewId: string, interviewerId: string) {
  const [interview] = await tx.$queryRaw<{ interviewerId: string; status: string; areaKey: string; candidateId: string }[]>`
    SELECT "interviewerId", "status"::text AS "status", "areaKey", "candidateId"::text AS "candidateId"
    FROM "Interview" WHERE "id" = ${interviewId}::uuid FOR SHARE`;
  return interview?.interviewerId === interviewerId && interview.status === "SCHEDULED" ? interview : null;
}

/**
 * A first write pins the area's published rubric version, and only the one the client was
 * shown: the ScreenArea row is share-locked (publishing locks it FOR UPDATE), so a publish
 * either commits before this read — and the stale page is refused — or waits for the write.
 */
async function isPublishedRubric(tx: Prisma.TransactionClient, areaKey: string, rubricVersionId: string): Promise<boolean> {
  await tx.$queryRaw`SELECT "key" FROM "ScreenArea" WHERE "key" = ${areaKey} FOR SHARE`;
  const published = await tx.rubricVersion.findFirst({ where: { areaKey, status: "PUBLISHED" }, select: { id: true } });
  return published?.id === rubricVersionId;
}

/**
 * Saves a draft only if nobody saved since `expectedVersion` (0 = no scorecard yet):
 * a stale save is refused and overwrites nothing. The owner and status are checked under
 * the interview's lock in the same transaction as the write; the first save pins the
 * area's published rubric version, which must be the one the interviewer was shown.
 */
export async function saveDraft(input: {
  interviewId: string;
  interviewerId: string;
  rubricVersionId: string;
  expectedVersion: number;
  draft: ScorecardDraft;
}): Promise<SaveOutcome> {
  const draft = input.draft as Prisma.InputJsonValue;
  try {
    return await getDb().$transaction(async (tx): Promise<SaveOutcome> => {
      const interview = await lockOwnScheduledInterview(tx, input.interviewId, input.interviewerId);
      if (!interview) return { ok: false, reason: "not_yours" };
      if (input.expectedVersion === 0) {
        if (!(await isPublishedRubric(tx, interview.areaKey, input.rubricVersionId))) return { ok: false, reason: "rubric_changed" };
        await tx.scorecard.create({ data: { interviewId: input.interviewId, rubricVersionId: input.rubricVersionId, draft } });
        return { ok: true, version: 1 };
      }
      const { count } = await tx.scorecard.updateMany({
        where: { interviewId: input.interviewId, version: input.expectedVersion, submittedAt: null },
        data: { draft, version: { increment: 1 } },
      });
      if (count === 1) return { ok: true, version: input.expectedVersion + 1 };
      const current = await tx.scorecard.findUnique({ where: { interviewId: input.interviewId }, select: { submittedAt: true } });
      return { ok: false, reason: current?.submittedAt ? "submitted" : "conflict" };
    }, requestTransactionOptions());
  } catch (error) {
    // Another tab's first save created the row meanwhile.
    if (isUniqueViolation(error)) return { ok: false, reason: "conflict" };
    throw error;
  }
}

export type SubmitOutcome =
  | { ok: true; scorecardId: string; alreadySubmitted: boolean }
  | { ok: false; reason: "conflict" | "not_yours" | "rubric_changed" };

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
    return await getDb().$transaction((tx) => submitLocked(tx, input), requestTransactionOptions());
  } catch (error) {
    // Two first-time submits raced to create the row: the loser sees the winner's result.
    if (isUniqueViolation(error)) return getDb().$transaction((tx) => submitLocked(tx, input), requestTransactionOptions());
    throw error;
  }
}

async function submitLocked(tx: Prisma.TransactionClient, input: SubmitInput): Promise<SubmitOutcome> {
  const { interviewId, rubric, submission } = input;
  const interview = await lockOwnScheduledInterview(tx, interviewId, input.actor.id);
  if (!interview) return { ok: false, reason: "not_yours" };
  const [locked] = await tx.$queryRaw<{ id: string; version: number; submittedAt: Date | null }[]>`
    SELECT "id", "version", "submittedAt" FROM "Scorecard" WHERE "interviewId" = ${interviewId}::uuid FOR UPDATE`;
  if (locked?.submittedAt) return { ok: true, scorecardId: locked.id, alreadySubmitted: true };
  if ((locked?.version ?? 0) !== input.expectedVersion) return { ok: false, reason: "conflict" };
  if (!locked && !(await isPublishedRubric(tx, interview.areaKey, rubric.id))) return { ok: false, reason: "rubric_changed" };

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
  await enqueueWebhookEvent(tx, "scorecard.submitted", {
    candidateId: interview.candidateId,
    interviewId,
    scorecardId,
    areaKey: interview.areaKey,
  });
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

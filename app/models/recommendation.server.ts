import { aggregate, level, type LevelingPolicy, type Recommendation, type SubmittedScorecard } from "~/domain/leveling";
import type { ScreenAreaKey } from "~/domain/screen-areas";
import type { Prisma } from "~/generated/prisma/client";
import { changedParts, storedOutcome } from "~/domain/leveling/simulation";
import { getCurrentPolicy, lockPolicyForReading } from "./policy.server";
import { enqueueWebhookEvent } from "./webhook.server";

type Tx = Prisma.TransactionClient;

/** A recommendation as CandidateRecommendation's columns (bands flattened, flags and explanation as JSON). */
export function recommendationColumns(recommendation: Recommendation) {
  return {
    status: recommendation.status,
    level: recommendation.level,
    bandMin: recommendation.band?.min ?? null,
    bandMax: recommendation.band?.max ?? null,
    premiumMin: recommendation.premiumBand?.min ?? null,
    premiumMax: recommendation.premiumBand?.max ?? null,
    flags: recommendation.flags as unknown as Prisma.InputJsonValue,
    flagCount: recommendation.flags.length,
    explanation: recommendation.explanation as unknown as Prisma.InputJsonValue,
  };
}

/** Submitted scorecards of a candidate in the leveling service's input shape, with their rubrics. */
async function loadLevelingInput(tx: Tx, candidateId: string) {
  const rows = await tx.scorecard.findMany({
    where: { submittedAt: { not: null }, interview: { candidateId } },
    select: {
      id: true,
      rubricVersionId: true,
      overallRecommendation: true,
      levelSignal: true,
      lifecycleOwnership: true,
      sharedInfrastructure: true,
      peopleManagement: true,
      interview: { select: { interviewerId: true, areaKey: true } },
      ratings: { select: { criterionId: true, score: true } },
      production: { select: { capability: true, status: true } },
    },
  });
  const scorecards = rows.map(
    (row): SubmittedScorecard => ({
      id: row.id,
      interviewerId: row.interview.interviewerId,
      areaKey: row.interview.areaKey as ScreenAreaKey,
      rubricVersionId: row.rubricVersionId,
      ratings: row.ratings.map((rating) => ({ criterionId: rating.criterionId, score: rating.score as 1 | 2 | 3 | 4 })),
      overallRecommendation: row.overallRecommendation!,
      levelSignal: row.levelSignal,
      production: {
        serving: "not_discussed",
        monitoring: "not_discussed",
        featureStore: "not_discussed",
        modelCicd: "not_discussed",
        ...Object.fromEntries(row.production.map((item) => [item.capability, item.status])),
      },
      lifecycleOwnership: row.lifecycleOwnership ?? false,
      sharedInfrastructure: row.sharedInfrastructure ?? false,
      peopleManagement: row.peopleManagement ?? false,
    }),
  );
  const rubricIds = [...new Set(rows.map((row) => row.rubricVersionId))];
  const rubrics = await tx.rubricVersion.findMany({
    where: { id: { in: rubricIds } },
    select: { id: true, criteria: { select: { id: true, weight: true } } },
  });
  return { scorecards, rubrics };
}

/**
 * Recomputes and stores a candidate's recommendation under the current policy. Called in
 * the transaction that submits a scorecard, so the stored recommendation never lags it.
 * A change of level or pay is announced to webhooks (recommendation.changed) in the same
 * transaction.
 */
export async function recomputeRecommendation(
  tx: Tx,
  candidateId: string,
  policy?: LevelingPolicy,
): Promise<Recommendation> {
  const candidate = await tx.candidate.findUniqueOrThrow({
    where: { id: candidateId },
    select: {
      track: true,
      faangExperience: true,
      recommendation: { select: { status: true, level: true, bandMin: true, bandMax: true, premiumMin: true, premiumMax: true } },
    },
  });
  const { scorecards, rubrics } = await loadLevelingInput(tx, candidateId);
  const evidence = aggregate(scorecards, rubrics, candidate);
  if (!policy) await lockPolicyForReading(tx);
  const recommendation = level(evidence, policy ?? (await getCurrentPolicy(tx)));
  const stored = {
    policyVersion: recommendation.policyVersion,
    ...recommendationColumns(recommendation),
    evidence: evidence as unknown as Prisma.InputJsonValue,
    computedAt: new Date(),
  };
  await tx.candidateRecommendation.upsert({
    where: { candidateId },
    create: { candidateId, ...stored },
    update: stored,
  });
  const previous = candidate.recommendation;
  if (previous && changedParts(storedOutcome(previous), recommendation).length > 0) {
    await enqueueWebhookEvent(tx, "recommendation.changed", {
      candidateId,
      policyVersion: recommendation.policyVersion,
      previous: { status: previous.status, level: previous.level },
      current: { status: recommendation.status, level: recommendation.level },
    });
  }
  return recommendation;
}

import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "../screen-areas";
import { mean } from "./compare";
import {
  PRODUCTION_CAPABILITIES,
  type AreaEvidence,
  type CandidateEvidence,
  type CandidateProfile,
  type CriterionRating,
  type ProductionCapability,
  type RubricVersion,
  type ScorecardSummary,
  type SubmittedScorecard,
} from "./types";

/** A scorecard that does not match its rubric version: a data-integrity error, not a candidate outcome. */
export class ScorecardRubricMismatchError extends Error {
  override name = "ScorecardRubricMismatchError";
}

/**
 * A scorecard's score is kept to this many decimals. With weights in hundredths (at most
 * 6 × 10 points) a weighted mean that is not exactly on a threshold in hundredths is at
 * least 1/600,000 from it, more than this rounding moves it, so no single score crosses a
 * threshold by rounding. What it buys: every score is a whole number of millionths, so
 * the means built from scores stay measurably apart from thresholds (see compare.ts).
 */
export const SCORE_DECIMALS = 6;
const SCORE_SCALE = 10 ** SCORE_DECIMALS;

/**
 * The scorecard's score: its ratings' mean weighted by the criteria weights of the rubric
 * version it was filled with, to SCORE_DECIMALS decimals. Every criterion must be rated
 * exactly once, 1..4.
 */
export function scoreScorecard(ratings: readonly CriterionRating[], rubric: RubricVersion): number {
  const scoreByCriterion = new Map<string, number>();
  for (const { criterionId, score } of ratings) {
    if (!rubric.criteria.some((criterion) => criterion.id === criterionId)) {
      throw new ScorecardRubricMismatchError(`criterion ${criterionId} is not in rubric version ${rubric.id}`);
    }
    if (scoreByCriterion.has(criterionId)) {
      throw new ScorecardRubricMismatchError(`criterion ${criterionId} is rated more than once`);
    }
    if (!Number.isInteger(score) || score < 1 || score > 4) {
      throw new ScorecardRubricMismatchError(`criterion ${criterionId} has score ${score}, expected 1..4`);
    }
    scoreByCriterion.set(criterionId, score);
  }

  let weightedSum = 0;
  let totalWeight = 0;
  for (const { id, weight } of rubric.criteria) {
    const score = scoreByCriterion.get(id);
    if (score === undefined) {
      throw new ScorecardRubricMismatchError(`criterion ${id} of rubric version ${rubric.id} is not rated`);
    }
    if (!(weight > 0)) {
      throw new ScorecardRubricMismatchError(`criterion ${id} of rubric version ${rubric.id} has weight ${weight}`);
    }
    weightedSum += weight * score;
    totalWeight += weight;
  }
  return Math.round((weightedSum / totalWeight) * SCORE_SCALE) / SCORE_SCALE;
}

/** Submitted scorecards → the candidate evidence the leveling rules read. */
export function aggregate(
  scorecards: readonly SubmittedScorecard[],
  rubrics: readonly RubricVersion[],
  candidate: CandidateProfile,
): CandidateEvidence {
  const rubricById = new Map(rubrics.map((rubric) => [rubric.id, rubric]));
  const summaries = scorecards.map((scorecard): ScorecardSummary => {
    const rubric = rubricById.get(scorecard.rubricVersionId);
    if (!rubric) {
      throw new ScorecardRubricMismatchError(
        `scorecard ${scorecard.id} uses unknown rubric version ${scorecard.rubricVersionId}`,
      );
    }
    return {
      scorecardId: scorecard.id,
      interviewerId: scorecard.interviewerId,
      areaKey: scorecard.areaKey,
      score: scoreScorecard(scorecard.ratings, rubric),
      overallRecommendation: scorecard.overallRecommendation,
      levelSignal: scorecard.levelSignal,
    };
  });

  return {
    track: candidate.track,
    faangExperience: candidate.faangExperience,
    areas: areaEvidence(summaries),
    production: Object.fromEntries(
      PRODUCTION_CAPABILITIES.map((capability) => [
        capability,
        scorecards.some((scorecard) => scorecard.production[capability] === "evidenced"),
      ]),
    ) as Record<ProductionCapability, boolean>,
    lifecycleOwnership: scorecards.some((scorecard) => scorecard.lifecycleOwnership),
    sharedInfrastructure: scorecards.some((scorecard) => scorecard.sharedInfrastructure),
    peopleManagement: scorecards.some((scorecard) => scorecard.peopleManagement),
    scorecards: summaries,
  };
}

function areaEvidence(summaries: readonly ScorecardSummary[]): Partial<Record<ScreenAreaKey, AreaEvidence>> {
  const areas: Partial<Record<ScreenAreaKey, AreaEvidence>> = {};
  for (const areaKey of SCREEN_AREA_KEYS) {
    const scores = summaries.filter((summary) => summary.areaKey === areaKey).map((summary) => summary.score);
    if (scores.length === 0) continue;
    areas[areaKey] = { score: mean(scores), disagreement: Math.max(...scores) - Math.min(...scores) };
  }
  return areas;
}

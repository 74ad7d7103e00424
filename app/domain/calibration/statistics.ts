/**
 * The calibration formulas as plain functions over a list of scorecards (definitions in
 * types.ts). The page computes them in SQL; these are the reference the SQL is tested
 * against, and what the unit tests pin down on hand-computed fixtures.
 */
import { SCORE_TOLERANCE } from "../leveling/compare";
import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "../screen-areas";
import {
  SPREAD_BIN_COUNT,
  SPREAD_BIN_WIDTH,
  type AreaSpread,
  type CalibrationDecisions,
  type CalibrationFilter,
  type CalibrationReport,
  type CalibrationScorecard,
  type CalibrationStats,
  type ScoreDistribution,
} from "./types";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * The p-quantile of ascending `sorted` values with linear interpolation between the
 * closest ranks, as PostgreSQL's percentile_cont: position p × (n − 1).
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("quantile of no values");
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  return low + (position - lower) * (sorted[upper]! - low);
}

export function distributionOf(scores: readonly number[]): ScoreDistribution | null {
  if (scores.length === 0) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  return {
    min: sorted[0]!,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
  };
}

/**
 * Mean score of the other interviewers' scorecards on the same candidate (any area, any
 * date): `all` is every submitted scorecard, not only the filtered ones. Null without peers.
 */
export function peerMean(scorecard: CalibrationScorecard, all: readonly CalibrationScorecard[]): number | null {
  return mean(
    all
      .filter((other) => other.candidateId === scorecard.candidateId && other.interviewerId !== scorecard.interviewerId)
      .map((other) => other.score),
  );
}

/** score − peer mean, or null without peers. */
export function peerDeviation(scorecard: CalibrationScorecard, all: readonly CalibrationScorecard[]): number | null {
  const peers = peerMean(scorecard, all);
  return peers === null ? null : scorecard.score - peers;
}

/** Hours from the interview's end to the submission; negative when submitted before the end. */
export function hoursToSubmit(scorecard: Pick<CalibrationScorecard, "submittedAt" | "interviewEndedAt">): number {
  return (scorecard.submittedAt.getTime() - scorecard.interviewEndedAt.getTime()) / HOUR_MS;
}

/** True when the scorecard counts towards the level-signal match rate (decided candidate, signal given). */
export function levelSignalComparable(scorecard: CalibrationScorecard, decisions: CalibrationDecisions): boolean {
  return scorecard.levelSignal !== null && decisions.has(scorecard.candidateId);
}

/** Comparable, and the signal is exactly the decided level (a no-hire decision matches nothing). */
export function levelSignalMatches(scorecard: CalibrationScorecard, decisions: CalibrationDecisions): boolean {
  return levelSignalComparable(scorecard, decisions) && decisions.get(scorecard.candidateId) === scorecard.levelSignal;
}

/** Start (inclusive) and end (exclusive) instants of the filter's UTC days. */
export function filterBounds(filter: Pick<CalibrationFilter, "from" | "to">): { start: number; end: number } {
  return {
    start: filter.from ? Date.parse(`${filter.from}T00:00:00Z`) : -Infinity,
    end: filter.to ? Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS : Infinity,
  };
}

export function inScope(scorecard: CalibrationScorecard, filter: CalibrationFilter): boolean {
  const { start, end } = filterBounds(filter);
  const at = scorecard.submittedAt.getTime();
  return at >= start && at < end && (filter.areaKey === null || scorecard.areaKey === filter.areaKey);
}

/** The numbers of one group of scorecards in scope; `all` is the peer baseline. */
export function calibrationStats(
  group: readonly CalibrationScorecard[],
  all: readonly CalibrationScorecard[],
  decisions: CalibrationDecisions,
): CalibrationStats {
  const scores = group.map((scorecard) => scorecard.score);
  const deviations = group.flatMap((scorecard) => {
    const deviation = peerDeviation(scorecard, all);
    return deviation === null ? [] : [deviation];
  });
  return {
    scorecards: group.length,
    meanScore: mean(scores),
    distribution: distributionOf(scores),
    leniency: mean(deviations),
    comparedScorecards: deviations.length,
    strongNo: group.filter((scorecard) => scorecard.recommendation === "strong_no").length,
    strongYes: group.filter((scorecard) => scorecard.recommendation === "strong_yes").length,
    meanHoursToSubmit: mean(group.map(hoursToSubmit)),
    levelSignalsOnDecided: group.filter((scorecard) => levelSignalComparable(scorecard, decisions)).length,
    levelSignalMatches: group.filter((scorecard) => levelSignalMatches(scorecard, decisions)).length,
  };
}

/** Population standard deviation (divides by n, not n − 1). */
export function populationStdDev(values: readonly number[]): number {
  const average = mean(values) ?? 0;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length);
}

/** Highest minus lowest. */
export function range(values: readonly number[]): number {
  return Math.max(...values) - Math.min(...values);
}

/**
 * The half-point bin of a range: [0, 0.5) → 0 … [2.5, 3] → 5. A range within the
 * leveling tolerance below a bin edge belongs to the bin above, as it does for the flag.
 */
export function spreadBin(value: number): number {
  return Math.min(SPREAD_BIN_COUNT - 1, Math.floor((value + SCORE_TOLERANCE) / SPREAD_BIN_WIDTH));
}

/** Inter-rater spread of one area over the scorecards in scope. */
export function areaSpread(areaKey: ScreenAreaKey, scorecards: readonly CalibrationScorecard[], threshold: number): AreaSpread {
  const byCandidate = new Map<string, number[]>();
  for (const scorecard of scorecards) {
    if (scorecard.areaKey !== areaKey) continue;
    const scores = byCandidate.get(scorecard.candidateId) ?? [];
    scores.push(scorecard.score);
    byCandidate.set(scorecard.candidateId, scores);
  }
  const rated = [...byCandidate.values()].filter((scores) => scores.length >= 2);
  const ranges = rated.map(range);
  const bins = Array.from({ length: SPREAD_BIN_COUNT }, () => 0);
  for (const value of ranges) bins[spreadBin(value)]! += 1;
  return {
    areaKey,
    candidates: rated.length,
    meanRange: mean(ranges),
    meanStdDev: mean(rated.map(populationStdDev)),
    atOrAboveThreshold: ranges.filter((value) => value >= threshold - SCORE_TOLERANCE).length,
    bins,
  };
}

/**
 * The whole calibration report from every submitted scorecard (`all`) and the decisions:
 * the filter picks the scorecards judged; peers come from `all`.
 */
export function calibrationReport(
  all: readonly CalibrationScorecard[],
  decisions: CalibrationDecisions,
  filter: CalibrationFilter,
  disagreementThreshold: number,
): CalibrationReport {
  const scoped = all.filter((scorecard) => inScope(scorecard, filter));
  const stats = (group: readonly CalibrationScorecard[]) => calibrationStats(group, all, decisions);
  const byArea = (group: readonly CalibrationScorecard[]) =>
    SCREEN_AREA_KEYS.flatMap((areaKey) => {
      const inArea = group.filter((scorecard) => scorecard.areaKey === areaKey);
      return inArea.length === 0 ? [] : [{ areaKey, stats: stats(inArea) }];
    });
  const interviewerIds = [...new Set(scoped.map((scorecard) => scorecard.interviewerId))].sort();
  return {
    overall: stats(scoped),
    areas: byArea(scoped),
    interviewers: interviewerIds.map((interviewerId) => {
      const own = scoped.filter((scorecard) => scorecard.interviewerId === interviewerId);
      return { interviewerId, stats: stats(own), areas: byArea(own) };
    }),
    spread: (filter.areaKey ? [filter.areaKey] : SCREEN_AREA_KEYS).map((areaKey) => areaSpread(areaKey, scoped, disagreementThreshold)),
    disagreementThreshold,
  };
}

/**
 * Calibration: how each interviewer scores compared with their peers. The definitions
 * live here and in statistics.ts (pure, hand-computable); app/models/calibration.server.ts
 * computes the same numbers in SQL, and an integration test checks that both agree.
 *
 * Definitions (every number is over *submitted* scorecards that have a weighted score):
 *
 * - **Scorecards in scope**: those whose submission time falls in the date filter (UTC
 *   days, both ends inclusive) and whose area matches the area filter.
 * - **Mean score**: the mean weighted score (1..4) of the scorecards in scope.
 * - **Distribution**: min, first quartile, median, third quartile and max of those scores,
 *   quartiles interpolated linearly between the closest ranks (PostgreSQL's
 *   `percentile_cont`): the p-quantile of n sorted scores sits at position p × (n − 1).
 * - **Peer mean of a scorecard**: the mean weighted score of every *other* submitted
 *   scorecard on the same candidate written by a *different* interviewer, in any area and
 *   at any date (the filters choose which scorecards are judged, not the baseline they
 *   are judged against). A scorecard with no such peer has no peer mean.
 * - **Leniency**: the mean, over the scorecards in scope that have a peer mean, of
 *   (score − peer mean). Positive: scores higher than colleagues on the same candidates;
 *   negative: harsher. For an area it says how that screen scores against the candidate's
 *   other screens.
 * - **Strong no / strong yes share**: scorecards with that overall recommendation ÷
 *   scorecards in scope.
 * - **Time to submit**: submission time − the interview's end (scheduled start + its
 *   duration), in hours; negative when submitted before the scheduled end. Mean over the
 *   scorecards in scope.
 * - **Level-signal match**: among the scorecards in scope whose candidate has a hiring
 *   decision and which carry a level signal, those whose signal equals the decided level
 *   exactly. A no-hire decision matches no signal; undecided candidates are not counted.
 * - **Inter-rater spread of an area**: for each candidate with two or more scorecards in
 *   scope in that area, the range (highest − lowest score) and the population standard
 *   deviation of those scores. Reported: the number of such candidates, the mean range,
 *   the mean standard deviation, how many ranges reach the policy's disagreement threshold
 *   (the debrief flag, with the leveling service's 1e-9 tolerance), and the distribution
 *   of ranges in half-point bins.
 */
import type { Level } from "../levels";
import type { Recommendation as OverallRecommendation } from "../scorecards/scorecard-fields";
import type { ScreenAreaKey } from "../screen-areas";

/** One submitted scorecard, as the pure formulas take it. */
export interface CalibrationScorecard {
  id: string;
  candidateId: string;
  interviewerId: string;
  areaKey: ScreenAreaKey;
  /** The scorecard's weighted score, 1..4. */
  score: number;
  recommendation: OverallRecommendation;
  levelSignal: Level | null;
  submittedAt: Date;
  /** Scheduled start plus duration. */
  interviewEndedAt: Date;
}

/** The decided level of each decided candidate; null means a no-hire decision. */
export type CalibrationDecisions = ReadonlyMap<string, Level | null>;

export interface CalibrationFilter {
  /** First UTC day included, YYYY-MM-DD. */
  from: string | null;
  /** Last UTC day included, YYYY-MM-DD. */
  to: string | null;
  areaKey: ScreenAreaKey | null;
}

export const NO_CALIBRATION_FILTER: CalibrationFilter = { from: null, to: null, areaKey: null };

export interface ScoreDistribution {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** The numbers of one group of scorecards (an interviewer, an area, both, or everyone). */
export interface CalibrationStats {
  scorecards: number;
  /** Null when there are no scorecards. */
  meanScore: number | null;
  distribution: ScoreDistribution | null;
  /** Mean of (score − peer mean); null when no scorecard has a peer. */
  leniency: number | null;
  /** Scorecards that had a peer mean (the leniency's denominator). */
  comparedScorecards: number;
  strongNo: number;
  strongYes: number;
  meanHoursToSubmit: number | null;
  /** Scorecards on decided candidates that carry a level signal. */
  levelSignalsOnDecided: number;
  levelSignalMatches: number;
}

export interface InterviewerCalibration {
  interviewerId: string;
  stats: CalibrationStats;
  /** Per area, in the screen areas' order; only areas with scorecards in scope. */
  areas: { areaKey: ScreenAreaKey; stats: CalibrationStats }[];
}

/** Ranges are binned by half points: [0, 0.5), [0.5, 1), … [2.5, 3]. */
export const SPREAD_BIN_WIDTH = 0.5;
export const SPREAD_BIN_COUNT = 6;

export interface AreaSpread {
  areaKey: ScreenAreaKey;
  /** Candidates with two or more scorecards in scope in the area. */
  candidates: number;
  meanRange: number | null;
  meanStdDev: number | null;
  /** Candidates whose range reaches the disagreement threshold. */
  atOrAboveThreshold: number;
  /** SPREAD_BIN_COUNT counts of ranges. */
  bins: number[];
}

export interface CalibrationReport {
  overall: CalibrationStats;
  /** Per area, in the screen areas' order; only areas with scorecards in scope. */
  areas: { areaKey: ScreenAreaKey; stats: CalibrationStats }[];
  /** Interviewers with scorecards in scope, ordered by id (the page orders by name). */
  interviewers: InterviewerCalibration[];
  /** Every screen area in scope, in order, also those without two raters on a candidate. */
  spread: AreaSpread[];
  /** The disagreement threshold the spread counts used. */
  disagreementThreshold: number;
}

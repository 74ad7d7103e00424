/**
 * A small calibration fixture whose numbers are worked out by hand in statistics.test.ts,
 * and written to PostgreSQL by the integration test to check the SQL against them.
 * Scores are multiples of 0.25 so every mean below is exact in binary floating point.
 *
 *   candidate  area                 interviewer  score  submitted (h after the end)
 *   c1         problem_formulation  A            3.0    2
 *   c1         feature_engineering  B            2.0    24
 *   c1         model_development    C            2.5    -0.5
 *   c2         problem_formulation  A            3.5    4
 *   c2         problem_formulation  B            2.5    48
 *   c2         feature_engineering  C            3.0    1.5
 *   c3         feature_engineering  A            4.0    1
 *   c3         model_development    A            3.0    1
 *   c3         feature_engineering  B            2.0    3
 *   c4         problem_formulation  C            2.0    2
 *
 * Decisions: c1 IC4, c2 no hire, c4 IC3; c3 undecided.
 */
import type { Level } from "../levels";
import type { Recommendation } from "../scorecards/scorecard-fields";
import type { ScreenAreaKey } from "../screen-areas";
import type { CalibrationScorecard } from "./types";

export type FixtureRow = {
  id: string;
  candidate: "c1" | "c2" | "c3" | "c4";
  areaKey: ScreenAreaKey;
  interviewer: "A" | "B" | "C";
  score: number;
  recommendation: Recommendation;
  levelSignal: Level | null;
  /** Interview end, UTC. */
  endedAt: string;
  hoursToSubmit: number;
};

export const FIXTURE_ROWS: readonly FixtureRow[] = [
  { id: "s01", candidate: "c1", areaKey: "problem_formulation", interviewer: "A", score: 3.0, recommendation: "strong_yes", levelSignal: "IC4", endedAt: "2026-01-10T16:00:00Z", hoursToSubmit: 2 },
  { id: "s02", candidate: "c1", areaKey: "feature_engineering", interviewer: "B", score: 2.0, recommendation: "strong_no", levelSignal: "IC3", endedAt: "2026-01-10T16:00:00Z", hoursToSubmit: 24 },
  { id: "s03", candidate: "c1", areaKey: "model_development", interviewer: "C", score: 2.5, recommendation: "yes", levelSignal: "IC4", endedAt: "2026-01-10T16:00:00Z", hoursToSubmit: -0.5 },
  { id: "s04", candidate: "c2", areaKey: "problem_formulation", interviewer: "A", score: 3.5, recommendation: "strong_yes", levelSignal: "IC5", endedAt: "2026-01-14T16:00:00Z", hoursToSubmit: 4 },
  { id: "s05", candidate: "c2", areaKey: "problem_formulation", interviewer: "B", score: 2.5, recommendation: "no", levelSignal: null, endedAt: "2026-01-14T16:00:00Z", hoursToSubmit: 48 },
  { id: "s06", candidate: "c2", areaKey: "feature_engineering", interviewer: "C", score: 3.0, recommendation: "yes", levelSignal: "IC3", endedAt: "2026-01-14T16:00:00Z", hoursToSubmit: 1.5 },
  { id: "s07", candidate: "c3", areaKey: "feature_engineering", interviewer: "A", score: 4.0, recommendation: "strong_yes", levelSignal: "IC5", endedAt: "2026-01-20T16:00:00Z", hoursToSubmit: 1 },
  { id: "s08", candidate: "c3", areaKey: "model_development", interviewer: "A", score: 3.0, recommendation: "yes", levelSignal: "IC5", endedAt: "2026-01-20T18:00:00Z", hoursToSubmit: 1 },
  { id: "s09", candidate: "c3", areaKey: "feature_engineering", interviewer: "B", score: 2.0, recommendation: "strong_no", levelSignal: "IC3", endedAt: "2026-01-20T16:00:00Z", hoursToSubmit: 3 },
  { id: "s10", candidate: "c4", areaKey: "problem_formulation", interviewer: "C", score: 2.0, recommendation: "no", levelSignal: "IC3", endedAt: "2026-01-25T16:00:00Z", hoursToSubmit: 2 },
];

export const FIXTURE_DECISIONS: ReadonlyMap<FixtureRow["candidate"], Level | null> = new Map([
  ["c1", "IC4"],
  ["c2", null],
  ["c4", "IC3"],
]);

/** The fixture as the pure formulas take it, with ids mapped (the integration test uses real UUIDs). */
export function fixtureScorecards(
  ids: { candidate: (key: FixtureRow["candidate"]) => string; interviewer: (key: FixtureRow["interviewer"]) => string; scorecard?: (key: string) => string } = {
    candidate: (key) => key,
    interviewer: (key) => key,
  },
): CalibrationScorecard[] {
  return FIXTURE_ROWS.map((row) => {
    const ended = new Date(row.endedAt);
    return {
      id: ids.scorecard?.(row.id) ?? row.id,
      candidateId: ids.candidate(row.candidate),
      interviewerId: ids.interviewer(row.interviewer),
      areaKey: row.areaKey,
      score: row.score,
      recommendation: row.recommendation,
      levelSignal: row.levelSignal,
      submittedAt: new Date(ended.getTime() + row.hoursToSubmit * 3_600_000),
      interviewEndedAt: ended,
    };
  });
}

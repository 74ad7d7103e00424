/**
 * The calibration report computed in PostgreSQL: two aggregate queries over the submitted
 * scorecards, never the scorecards themselves in JavaScript. The definitions are in
 * app/domain/calibration/types.ts; statistics.ts computes the same numbers in plain
 * TypeScript, and tests/integration/calibration.test.ts checks that the two agree.
 */
import { SCORE_TOLERANCE } from "~/domain/leveling/compare";
import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "~/domain/screen-areas";
import {
  SPREAD_BIN_COUNT,
  SPREAD_BIN_WIDTH,
  type AreaSpread,
  type CalibrationFilter,
  type CalibrationReport,
  type CalibrationStats,
  type InterviewerCalibration,
} from "~/domain/calibration/types";
import { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { getCurrentPolicy } from "./policy.server";
import { notWithheldSql } from "./visibility.server";

/**
 * The filter as one condition on a scorecard `s` and its interview `i`; dates are UTC days.
 * Candidates whose scores are withheld from the viewer are never in scope, so no filter
 * narrows a row down to a colleague's score on them (peers' means are per candidate).
 */
function scopeCondition(filter: CalibrationFilter, withheld: ReadonlySet<string>): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (withheld.size) conditions.push(notWithheldSql(Prisma.sql`i."candidateId"`, withheld));
  // The columns are timestamp without time zone holding UTC; a date compares as its midnight.
  if (filter.from) conditions.push(Prisma.sql`s."submittedAt" >= ${filter.from}::date`);
  if (filter.to) conditions.push(Prisma.sql`s."submittedAt" < ${filter.to}::date + 1`);
  if (filter.areaKey) conditions.push(Prisma.sql`i."areaKey" = ${filter.areaKey}`);
  return conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

const SUBMITTED = Prisma.sql`s."submittedAt" IS NOT NULL AND s."weightedScore" IS NOT NULL`;

type StatsRow = {
  interviewerId: string | null;
  areaKey: string | null;
  byInterviewer: boolean;
  byArea: boolean;
  interviewerName: string | null;
  scorecards: number;
  meanScore: number | null;
  minScore: number | null;
  quartiles: number[] | null;
  maxScore: number | null;
  leniency: number | null;
  comparedScorecards: number;
  strongNo: number;
  strongYes: number;
  meanHoursToSubmit: number | null;
  levelSignalsOnDecided: number;
  levelSignalMatches: number;
};

/**
 * One pass over the submitted scorecards: window sums give each scorecard its peers' mean
 * (the candidate's total minus the interviewer's own, over the counts likewise), computed
 * before the filter so the baseline is every peer; then one GROUP BY GROUPING SETS gives
 * everyone, each area, each interviewer and each interviewer × area. With a date range,
 * the windows only read the candidates that have a scorecard in it (the others can be
 * nobody's peers). Enums are compared as such and cast to text only in the output.
 */
async function queryStats(filter: CalibrationFilter, withheld: ReadonlySet<string>): Promise<StatsRow[]> {
  const scope = scopeCondition(filter, withheld);
  const candidatesInScope =
    filter.from || filter.to
      ? Prisma.sql`AND i."candidateId" IN (
          SELECT i."candidateId" FROM "Scorecard" s JOIN "Interview" i ON i."id" = s."interviewId"
          WHERE ${SUBMITTED} AND ${scope})`
      : Prisma.empty;
  return getDb().$queryRaw<StatsRow[]>`
    WITH "scored" AS (
      SELECT s."weightedScore" AS "score", s."overallRecommendation" AS "recommendation", s."levelSignal", s."submittedAt",
             i."candidateId", i."interviewerId", i."areaKey",
             i."scheduledAt" + make_interval(mins => i."durationMinutes") AS "endedAt",
             sum(s."weightedScore") OVER "candidate" AS "candidateSum",
             count(*) OVER "candidate" AS "candidateCount",
             sum(s."weightedScore") OVER "own" AS "ownSum",
             count(*) OVER "own" AS "ownCount",
             -- Keeps the filter out of the windows: the peers are every other interviewer.
             (${scope}) AS "inScope"
      FROM "Scorecard" s
      JOIN "Interview" i ON i."id" = s."interviewId"
      WHERE ${SUBMITTED} ${candidatesInScope}
      WINDOW "candidate" AS (PARTITION BY i."candidateId"),
             "own" AS (PARTITION BY i."candidateId", i."interviewerId")
    ),
    "judged" AS (
      SELECT sc."score", sc."recommendation", sc."levelSignal", sc."interviewerId", sc."areaKey",
             CASE WHEN sc."candidateCount" > sc."ownCount"
                  THEN sc."score" - (sc."candidateSum" - sc."ownSum") / (sc."candidateCount" - sc."ownCount") END AS "deviation",
             -- date_part gives float8 (extract's numeric is several times slower here).
             date_part('epoch', sc."submittedAt" - sc."endedAt") / 3600 AS "hoursToSubmit",
             d."candidateId" IS NOT NULL AS "decided",
             d."level" AS "decidedLevel"
      FROM "scored" sc
      LEFT JOIN "HiringDecision" d ON d."candidateId" = sc."candidateId"
      WHERE sc."inScope"
    ),
    "grouped" AS (
      SELECT "interviewerId", "areaKey",
             GROUPING("interviewerId") = 0 AS "byInterviewer",
             GROUPING("areaKey") = 0 AS "byArea",
             count(*)::int AS "scorecards",
             avg("score") AS "meanScore",
             min("score") AS "minScore",
             percentile_cont(ARRAY[0.25, 0.5, 0.75]::float8[]) WITHIN GROUP (ORDER BY "score") AS "quartiles",
             max("score") AS "maxScore",
             avg("deviation") AS "leniency",
             count("deviation")::int AS "comparedScorecards",
             count(*) FILTER (WHERE "recommendation" = 'strong_no')::int AS "strongNo",
             count(*) FILTER (WHERE "recommendation" = 'strong_yes')::int AS "strongYes",
             avg("hoursToSubmit") AS "meanHoursToSubmit",
             count(*) FILTER (WHERE "decided" AND "levelSignal" IS NOT NULL)::int AS "levelSignalsOnDecided",
             count(*) FILTER (WHERE "decided" AND "levelSignal" = "decidedLevel")::int AS "levelSignalMatches"
      FROM "judged"
      GROUP BY GROUPING SETS ((), ("areaKey"), ("interviewerId"), ("interviewerId", "areaKey"))
    )
    SELECT g."interviewerId"::text AS "interviewerId", g."areaKey", g."byInterviewer", g."byArea", u."name" AS "interviewerName",
           g."scorecards", g."meanScore", g."minScore", g."quartiles", g."maxScore", g."leniency", g."comparedScorecards",
           g."strongNo", g."strongYes", g."meanHoursToSubmit", g."levelSignalsOnDecided", g."levelSignalMatches"
    FROM "grouped" g
    LEFT JOIN "User" u ON u."id" = g."interviewerId"`;
}

type SpreadRow = {
  areaKey: string;
  candidates: number;
  meanRange: number | null;
  meanStdDev: number | null;
  atOrAboveThreshold: number;
  bins: number[];
};

/**
 * Per area, over the candidates with two or more scorecards in scope there. Most candidates
 * have one interviewer per area: the (candidate, area) pairs with several interviews are
 * found first from the narrow Interview table, and only their scorecards are read.
 */
async function querySpread(filter: CalibrationFilter, threshold: number, withheld: ReadonlySet<string>): Promise<SpreadRow[]> {
  const bins = Array.from(
    { length: SPREAD_BIN_COUNT },
    (_, bin) => Prisma.sql`count(*) FILTER (WHERE "bin" = ${bin}::int)::int`,
  );
  const pairArea = filter.areaKey ? Prisma.sql`WHERE i."areaKey" = ${filter.areaKey}` : Prisma.empty;
  return getDb().$queryRaw<SpreadRow[]>`
    WITH "pairs" AS (
      SELECT i."candidateId", i."areaKey" FROM "Interview" i ${pairArea}
      GROUP BY i."candidateId", i."areaKey"
      HAVING count(*) >= 2
    ),
    "rated" AS (
      SELECT i."areaKey", i."candidateId",
             max(s."weightedScore") - min(s."weightedScore") AS "range",
             stddev_pop(s."weightedScore") AS "stdDev"
      FROM "pairs" p
      JOIN "Interview" i ON i."candidateId" = p."candidateId" AND i."areaKey" = p."areaKey"
      JOIN "Scorecard" s ON s."interviewId" = i."id"
      WHERE ${SUBMITTED} AND ${scopeCondition(filter, withheld)}
      GROUP BY i."areaKey", i."candidateId"
      HAVING count(*) >= 2
    ),
    "binned" AS (
      SELECT *, LEAST(${SPREAD_BIN_COUNT - 1}::int, floor(("range" + ${SCORE_TOLERANCE}::float8) / ${SPREAD_BIN_WIDTH}::float8)::int) AS "bin"
      FROM "rated"
    )
    SELECT "areaKey", count(*)::int AS "candidates", avg("range") AS "meanRange", avg("stdDev") AS "meanStdDev",
           count(*) FILTER (WHERE "range" >= ${threshold}::float8 - ${SCORE_TOLERANCE}::float8)::int AS "atOrAboveThreshold",
           ARRAY[${Prisma.join(bins)}] AS "bins"
    FROM "binned"
    GROUP BY "areaKey"`;
}

function toStats(row: StatsRow | undefined): CalibrationStats {
  if (!row || row.scorecards === 0) {
    return {
      scorecards: 0,
      meanScore: null,
      distribution: null,
      leniency: null,
      comparedScorecards: 0,
      strongNo: 0,
      strongYes: 0,
      meanHoursToSubmit: null,
      levelSignalsOnDecided: 0,
      levelSignalMatches: 0,
    };
  }
  const [q1, median, q3] = row.quartiles ?? [];
  return {
    scorecards: row.scorecards,
    meanScore: row.meanScore,
    distribution:
      row.minScore === null || row.maxScore === null || q1 === undefined || median === undefined || q3 === undefined
        ? null
        : { min: row.minScore, q1, median, q3, max: row.maxScore },
    leniency: row.leniency,
    comparedScorecards: row.comparedScorecards,
    strongNo: row.strongNo,
    strongYes: row.strongYes,
    meanHoursToSubmit: row.meanHoursToSubmit,
    levelSignalsOnDecided: row.levelSignalsOnDecided,
    levelSignalMatches: row.levelSignalMatches,
  };
}

const areaOrder = (areaKey: string) => SCREEN_AREA_KEYS.indexOf(areaKey as ScreenAreaKey);

export type CalibrationPageData = CalibrationReport & {
  /** Interviewer names by id (a deactivated interviewer keeps their name). */
  names: Record<string, string>;
};

/**
 * The calibration report for a filter. The disagreement threshold is the current policy's
 * unless given (tests pass it to compare with the pure computation). `withheldCandidateIds`:
 * candidates whose scores are withheld from the viewer (models/visibility.server.ts).
 */
export async function getCalibrationReport(
  filter: CalibrationFilter,
  options: { disagreementThreshold?: number; withheldCandidateIds?: ReadonlySet<string> } = {},
): Promise<CalibrationPageData> {
  const threshold = options.disagreementThreshold ?? (await getCurrentPolicy()).flags.areaDisagreement;
  const withheld = options.withheldCandidateIds ?? new Set<string>();
  const [rows, spreadRows] = await Promise.all([queryStats(filter, withheld), querySpread(filter, threshold, withheld)]);

  const areaRows = (matching: (row: StatsRow) => boolean) =>
    rows
      .filter((row) => row.byArea && matching(row))
      .sort((a, b) => areaOrder(a.areaKey!) - areaOrder(b.areaKey!))
      .map((row) => ({ areaKey: row.areaKey as ScreenAreaKey, stats: toStats(row) }));

  const names: Record<string, string> = {};
  const interviewers: InterviewerCalibration[] = rows
    .filter((row) => row.byInterviewer && !row.byArea)
    .sort((a, b) => (a.interviewerId! < b.interviewerId! ? -1 : 1))
    .map((row) => {
      names[row.interviewerId!] = row.interviewerName ?? "Former user";
      return {
        interviewerId: row.interviewerId!,
        stats: toStats(row),
        areas: areaRows((other) => other.byInterviewer && other.interviewerId === row.interviewerId),
      };
    });

  const spreadByArea = new Map(spreadRows.map((row) => [row.areaKey, row]));
  const spread: AreaSpread[] = (filter.areaKey ? [filter.areaKey] : SCREEN_AREA_KEYS).map((areaKey) => {
    const row = spreadByArea.get(areaKey);
    return row
      ? { areaKey, candidates: row.candidates, meanRange: row.meanRange, meanStdDev: row.meanStdDev, atOrAboveThreshold: row.atOrAboveThreshold, bins: row.bins }
      : { areaKey, candidates: 0, meanRange: null, meanStdDev: null, atOrAboveThreshold: 0, bins: Array.from({ length: SPREAD_BIN_COUNT }, () => 0) };
  });

  return {
    overall: toStats(rows.find((row) => !row.byInterviewer && !row.byArea)),
    areas: areaRows((row) => !row.byInterviewer),
    interviewers,
    spread,
    disagreementThreshold: threshold,
    names,
  };
}

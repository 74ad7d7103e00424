/**
 * Decision analytics in SQL: recommended vs decided counts (HiringDecision keeps the
 * recommendation each decision was based on), the override list with reasons, and how
 * often the production cap and the gates changed a stored recommendation (jsonpath and
 * containment on CandidateRecommendation.explanation; evidence read from its JSON).
 */
import {
  OVERRIDES_PER_PAGE,
  type CapAndGateCounts,
  type DecidedOutcome,
  type DecisionCount,
  type OverrideFilter,
  type RecommendedOutcome,
} from "~/domain/calibration/decision-analytics";
import type { RuleName, StepOutcome } from "~/domain/leveling/types";
import { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { notWithheldSql } from "./visibility.server";

/** What the recommendation was when the decision was taken: its level, or its status. */
const RECOMMENDED = Prisma.sql`CASE WHEN d."recommendationStatus" = 'recommended' AND d."recommendedLevel" IS NOT NULL
  THEN d."recommendedLevel"::text ELSE d."recommendationStatus"::text END`;
const DECIDED = Prisma.sql`coalesce(d."level"::text, 'no_hire')`;

/**
 * Every decision counted by recommended outcome, decided outcome and kind: at most a few
 * dozen rows. `withheld`: candidates whose scores are withheld from the viewer (left out here
 * and below, so no filter narrows the counts down to one of them).
 */
export async function countDecisions(withheld: ReadonlySet<string> = new Set()): Promise<DecisionCount[]> {
  return getDb().$queryRaw<DecisionCount[]>`
    SELECT ${RECOMMENDED} AS "recommended", ${DECIDED} AS "decided", d."kind"::text AS "kind", count(*)::int AS "count"
    FROM "HiringDecision" d
    WHERE ${notWithheldSql(Prisma.sql`d."candidateId"`, withheld)}
    GROUP BY 1, 2, 3`;
}

export type OverrideRow = {
  id: string;
  candidateId: string;
  candidateName: string;
  recommended: RecommendedOutcome;
  decided: DecidedOutcome;
  reason: string;
  policyVersion: number;
  decidedByName: string | null;
  decidedAt: Date;
};

/** Overrides, most recent first, filtered by recommended and decided outcome; one page and the total. */
export async function listOverrides(
  filter: OverrideFilter,
  withheld: ReadonlySet<string> = new Set(),
): Promise<{ rows: OverrideRow[]; total: number; pages: number }> {
  const conditions = [Prisma.sql`d."kind" = 'override'`, notWithheldSql(Prisma.sql`d."candidateId"`, withheld)];
  if (filter.recommended) conditions.push(Prisma.sql`${RECOMMENDED} = ${filter.recommended}`);
  if (filter.decided) conditions.push(Prisma.sql`${DECIDED} = ${filter.decided}`);
  const where = Prisma.join(conditions, " AND ");
  const db = getDb();
  const [rows, [counted]] = await Promise.all([
    db.$queryRaw<OverrideRow[]>`
      SELECT d."id"::text AS "id", c."id"::text AS "candidateId", c."name" AS "candidateName",
             ${RECOMMENDED} AS "recommended", ${DECIDED} AS "decided", d."reason", d."policyVersion",
             u."name" AS "decidedByName", d."decidedAt"
      FROM "HiringDecision" d
      JOIN "Candidate" c ON c."id" = d."candidateId"
      LEFT JOIN "User" u ON u."id" = d."decidedById"
      WHERE ${where}
      ORDER BY d."decidedAt" DESC, d."id" DESC
      LIMIT ${OVERRIDES_PER_PAGE} OFFSET ${(filter.page - 1) * OVERRIDES_PER_PAGE}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "HiringDecision" d WHERE ${where}`,
  ]);
  const total = counted?.total ?? 0;
  return { rows, total, pages: Math.max(1, Math.ceil(total / OVERRIDES_PER_PAGE)) };
}

/** The small array of caps and gates steps has a step with this rule and outcome. */
function hasStep(rule: RuleName, outcome: StepOutcome): Prisma.Sql {
  return Prisma.sql`"steps" @> ${JSON.stringify([{ rule, outcome }])}::jsonb`;
}

/** The capped candidate's stored evidence says the capability was evidenced (a JSON true; anything else is not). */
function evidenced(capability: string): Prisma.Sql {
  return Prisma.sql`coalesce("production" -> ${capability}::text = 'true'::jsonb, false)`;
}

type CapRow = {
  recommendations: number;
  incomplete: number;
  noHire: number;
  recommended: number;
  minPolicyVersion: number | null;
  maxPolicyVersion: number | null;
  productionCapped: number;
  productionNotMet: number;
  missingServing: number;
  missingMonitoring: number;
  missingFeatureStore: number;
  missingModelCicd: number;
  byEvidencedCount: number[];
  lifecycleCapped: number;
  lifecycleNotMet: number;
  sharedCapped: number;
  sharedNotMet: number;
  cappedDecided: number;
  cappedOverriddenAbove: number;
};

/** One pass over the stored recommendations (one per candidate) and their decisions. */
export async function countCapsAndGates(withheld: ReadonlySet<string> = new Set()): Promise<CapAndGateCounts> {
  // Each row's explanation is read (and decompressed) once, into the few steps that are
  // not "met"; the much larger evidence only for the candidates the production cap lowered.
  const [row] = await getDb().$queryRaw<CapRow[]>`
    WITH "facts" AS MATERIALIZED (
      SELECT r."candidateId", r."status"::text AS "status", r."policyVersion",
             jsonb_path_query_array(r."explanation", 'lax $[*] ? (@.outcome == "capped" || @.outcome == "not_met")') AS "steps"
      FROM "CandidateRecommendation" r
      WHERE ${notWithheldSql(Prisma.sql`r."candidateId"`, withheld)}
    ),
    "capped" AS MATERIALIZED (
      SELECT f."candidateId", r."evidence" -> 'production' AS "production"
      FROM "facts" f
      JOIN "CandidateRecommendation" r ON r."candidateId" = f."candidateId"
      WHERE ${hasStep("production_cap", "capped")}
    ),
    "counted" AS (
      SELECT f."status", f."policyVersion", f."steps", c."candidateId" IS NOT NULL AS "productionCapped",
             d."kind"::text AS "decisionKind", d."level"::text AS "decidedLevel",
             ${evidenced("serving")} AS "serving",
             ${evidenced("monitoring")} AS "monitoring",
             ${evidenced("featureStore")} AS "featureStore",
             ${evidenced("modelCicd")} AS "modelCicd"
      FROM "facts" f
      LEFT JOIN "capped" c ON c."candidateId" = f."candidateId"
      LEFT JOIN "HiringDecision" d ON d."candidateId" = f."candidateId"
    ),
    "withCount" AS (
      SELECT *, ("serving"::int + "monitoring"::int + "featureStore"::int + "modelCicd"::int) AS "evidencedCount" FROM "counted"
    )
    SELECT count(*)::int AS "recommendations",
           count(*) FILTER (WHERE "status" = 'incomplete')::int AS "incomplete",
           count(*) FILTER (WHERE "status" = 'no_hire')::int AS "noHire",
           count(*) FILTER (WHERE "status" = 'recommended')::int AS "recommended",
           min("policyVersion") AS "minPolicyVersion",
           max("policyVersion") AS "maxPolicyVersion",
           count(*) FILTER (WHERE "productionCapped")::int AS "productionCapped",
           count(*) FILTER (WHERE ${hasStep("production_cap", "not_met")})::int AS "productionNotMet",
           count(*) FILTER (WHERE "productionCapped" AND NOT "serving")::int AS "missingServing",
           count(*) FILTER (WHERE "productionCapped" AND NOT "monitoring")::int AS "missingMonitoring",
           count(*) FILTER (WHERE "productionCapped" AND NOT "featureStore")::int AS "missingFeatureStore",
           count(*) FILTER (WHERE "productionCapped" AND NOT "modelCicd")::int AS "missingModelCicd",
           ARRAY[${Prisma.join(
             [0, 1, 2, 3].map((evidencedCount) => Prisma.sql`count(*) FILTER (WHERE "productionCapped" AND "evidencedCount" = ${evidencedCount}::int)::int`),
           )}] AS "byEvidencedCount",
           count(*) FILTER (WHERE ${hasStep("lifecycle_gate", "capped")})::int AS "lifecycleCapped",
           count(*) FILTER (WHERE ${hasStep("lifecycle_gate", "not_met")})::int AS "lifecycleNotMet",
           count(*) FILTER (WHERE ${hasStep("shared_infrastructure_gate", "capped")})::int AS "sharedCapped",
           count(*) FILTER (WHERE ${hasStep("shared_infrastructure_gate", "not_met")})::int AS "sharedNotMet",
           count(*) FILTER (WHERE "productionCapped" AND "decisionKind" IS NOT NULL)::int AS "cappedDecided",
           count(*) FILTER (WHERE "productionCapped" AND "decisionKind" = 'override'
                            AND "decidedLevel" IS NOT NULL AND "decidedLevel" <> 'IC3')::int AS "cappedOverriddenAbove"
    FROM "withCount"`;
  const counts = row!;
  return {
    recommendations: counts.recommendations,
    byStatus: { incomplete: counts.incomplete, no_hire: counts.noHire, recommended: counts.recommended },
    policyVersions: { min: counts.minPolicyVersion, max: counts.maxPolicyVersion },
    productionCap: { capped: counts.productionCapped, notMet: counts.productionNotMet },
    cappedMissing: {
      serving: counts.missingServing,
      monitoring: counts.missingMonitoring,
      featureStore: counts.missingFeatureStore,
      modelCicd: counts.missingModelCicd,
    },
    cappedByEvidencedCount: counts.byEvidencedCount,
    lifecycleGate: { capped: counts.lifecycleCapped, notMet: counts.lifecycleNotMet },
    sharedInfrastructureGate: { capped: counts.sharedCapped, notMet: counts.sharedNotMet },
    cappedDecided: counts.cappedDecided,
    cappedOverriddenAbove: counts.cappedOverriddenAbove,
  };
}

/**
 * Decision analytics without Zod or I/O: what the leveling service recommended at the
 * moment of each decision against what the recruiter decided, and the overrides per level.
 * The counts come from SQL (app/models/decision-analytics.server.ts); this module arranges
 * them into the matrix and the per-level table the page and tests read.
 */
import { LEVELS, type Level } from "../levels";

/** A recommendation as it stood at decision time: a level, no hire, or incomplete. */
export const RECOMMENDED_OUTCOMES = ["incomplete", "no_hire", ...LEVELS] as const;
export type RecommendedOutcome = (typeof RECOMMENDED_OUTCOMES)[number];

/** A decision: a level or no hire. */
export const DECIDED_OUTCOMES = ["no_hire", ...LEVELS] as const;
export type DecidedOutcome = (typeof DECIDED_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<RecommendedOutcome, string> = {
  incomplete: "Incomplete",
  no_hire: "No hire",
  ...(Object.fromEntries(LEVELS.map((level) => [level, level])) as Record<Level, string>),
};

/** One GROUP BY row: how many decisions had this recommendation, outcome and kind. */
export type DecisionCount = {
  recommended: RecommendedOutcome;
  decided: DecidedOutcome;
  kind: "accept" | "override";
  count: number;
};

export type MatrixCell = { decided: DecidedOutcome; count: number; overrides: number };
export type DecisionMatrix = {
  rows: { recommended: RecommendedOutcome; cells: MatrixCell[]; total: number }[];
  columnTotals: number[];
  total: number;
  /** The largest cell, for shading. */
  largest: number;
};

/** Every recommended outcome × every decided outcome, zeros included, in level order. */
export function decisionMatrix(counts: readonly DecisionCount[]): DecisionMatrix {
  const rows = RECOMMENDED_OUTCOMES.map((recommended) => {
    const cells = DECIDED_OUTCOMES.map((decided) => {
      const matching = counts.filter((row) => row.recommended === recommended && row.decided === decided);
      return {
        decided,
        count: matching.reduce((sum, row) => sum + row.count, 0),
        overrides: matching.filter((row) => row.kind === "override").reduce((sum, row) => sum + row.count, 0),
      };
    });
    return { recommended, cells, total: cells.reduce((sum, cell) => sum + cell.count, 0) };
  });
  return {
    rows,
    columnTotals: DECIDED_OUTCOMES.map((_, index) => rows.reduce((sum, row) => sum + row.cells[index]!.count, 0)),
    total: rows.reduce((sum, row) => sum + row.total, 0),
    largest: Math.max(0, ...rows.flatMap((row) => row.cells.map((cell) => cell.count))),
  };
}

export type OverridesPerLevel = {
  recommended: RecommendedOutcome;
  decisions: number;
  overrides: number;
  /** Decided above the recommendation (by `rank`); from incomplete, every level counts as higher. */
  higher: number;
  lower: number;
  /** Same rank on the other track (IC4 ↔ M1 by default). */
  sameRank: number;
};

/**
 * Overrides per recommended outcome with their direction. `rank` orders outcomes (the
 * leveling policy's order: no hire lowest, manager levels with their IC equivalents);
 * incomplete ranks below everything.
 */
export function overridesPerLevel(counts: readonly DecisionCount[], rank: (outcome: DecidedOutcome) => number): OverridesPerLevel[] {
  return RECOMMENDED_OUTCOMES.flatMap((recommended) => {
    const rows = counts.filter((row) => row.recommended === recommended);
    const decisions = rows.reduce((sum, row) => sum + row.count, 0);
    if (decisions === 0) return [];
    const from = recommended === "incomplete" ? -Infinity : rank(recommended);
    const overrides = rows.filter((row) => row.kind === "override");
    const total = (keep: (row: DecisionCount) => boolean) => overrides.filter(keep).reduce((sum, row) => sum + row.count, 0);
    return [
      {
        recommended,
        decisions,
        overrides: total(() => true),
        higher: total((row) => rank(row.decided) > from),
        lower: total((row) => rank(row.decided) < from),
        sameRank: total((row) => rank(row.decided) === from),
      },
    ];
  });
}

export const OVERRIDES_PER_PAGE = 20;
export const MAX_OVERRIDE_PAGE = 10_000;

export type OverrideFilter = { recommended: RecommendedOutcome | null; decided: DecidedOutcome | null; page: number };

export function overrideListHref(filter: OverrideFilter, changes: Partial<OverrideFilter> = {}): string {
  const next = { ...filter, ...changes };
  const params = new URLSearchParams();
  if (next.recommended) params.set("recommended", next.recommended);
  if (next.decided) params.set("decided", next.decided);
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return `/analytics${query ? `?${query}` : ""}#overrides`;
}

export type CapAndGateCounts = {
  recommendations: number;
  byStatus: { incomplete: number; no_hire: number; recommended: number };
  /** The oldest and newest policy version the stored recommendations were computed under. */
  policyVersions: { min: number | null; max: number | null };
  productionCap: { capped: number; notMet: number };
  /** Among the candidates the production cap lowered: how many lacked each capability. */
  cappedMissing: { serving: number; monitoring: number; featureStore: number; modelCicd: number };
  /** Among the candidates the production cap lowered: how many had 0, 1, 2, 3 capabilities evidenced. */
  cappedByEvidencedCount: number[];
  lifecycleGate: { capped: number; notMet: number };
  sharedInfrastructureGate: { capped: number; notMet: number };
  /** Capped by production, and decided: in total, and overridden to a level above IC3. */
  cappedDecided: number;
  cappedOverriddenAbove: number;
};

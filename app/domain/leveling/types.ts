import type { Level, Track } from "../levels";
import type { ScreenAreaKey } from "../screen-areas";
import type {
  EvidenceStatus as ProductionEvidence,
  ProductionCapability,
  Recommendation as OverallRecommendation,
} from "../scorecards/scorecard-fields";

/* ---------- Inputs: what the database layer maps submitted scorecards to ---------- */

export { PRODUCTION_CAPABILITIES, type ProductionCapability } from "../scorecards/scorecard-fields";

/** Lower-case names for use inside explanation sentences. */
export const PRODUCTION_CAPABILITY_NAMES: Record<ProductionCapability, string> = {
  serving: "serving",
  monitoring: "monitoring",
  featureStore: "feature stores",
  modelCicd: "CI/CD for models",
};

export type { OverallRecommendation, ProductionEvidence };

/** A point on the rubric's 4-point scale: 1 below the bar, 2 approaching, 3 meets, 4 exceeds. */
export type RubricScore = 1 | 2 | 3 | 4;

export interface CriterionRating {
  criterionId: string;
  score: RubricScore;
}

export interface SubmittedScorecard {
  id: string;
  interviewerId: string;
  areaKey: ScreenAreaKey;
  rubricVersionId: string;
  ratings: readonly CriterionRating[];
  overallRecommendation: OverallRecommendation;
  levelSignal: Level | null;
  production: Readonly<Record<ProductionCapability, ProductionEvidence>>;
  lifecycleOwnership: boolean;
  sharedInfrastructure: boolean;
  peopleManagement: boolean;
}

export interface RubricCriterion {
  id: string;
  /** Relative weight; must be > 0. */
  weight: number;
}

export interface RubricVersion {
  id: string;
  criteria: readonly RubricCriterion[];
}

export interface CandidateProfile {
  track: Track;
  faangExperience: boolean;
}

/* ---------- Candidate evidence: output of `aggregate`, input of `level` ---------- */

export interface AreaEvidence {
  /** Mean over the area's scorecards of each scorecard's weighted score (1..4). */
  score: number;
  /** Highest minus lowest scorecard score in the area; 0 with a single scorecard. */
  disagreement: number;
}

/** One interviewer's numbers, kept so `level` can raise debrief flags. */
export interface ScorecardSummary {
  scorecardId: string;
  interviewerId: string;
  areaKey: ScreenAreaKey;
  score: number;
  overallRecommendation: OverallRecommendation;
  levelSignal: Level | null;
}

export interface CandidateEvidence extends CandidateProfile {
  /** An area is absent while it has no submitted scorecard. */
  areas: Partial<Record<ScreenAreaKey, AreaEvidence>>;
  /** True when at least one interviewer marked the capability as evidenced. */
  production: Record<ProductionCapability, boolean>;
  lifecycleOwnership: boolean;
  sharedInfrastructure: boolean;
  peopleManagement: boolean;
  scorecards: readonly ScorecardSummary[];
}

/* ---------- Recommendation: output of `level` ---------- */

export type RecommendationStatus = "incomplete" | "no_hire" | "recommended";

export interface SalaryBand {
  /** USD per month. */
  min: number;
  max: number;
}

export type RuleName =
  | "completeness"
  | "hire_bar"
  | "score_level"
  | "production_cap"
  | "lifecycle_gate"
  | "shared_infrastructure_gate"
  | "manager_track"
  | "band"
  | "premium"
  | "flags";

/**
 * - met: the rule's requirement holds.
 * - not_met: it does not; for completeness and hire bar this ends the evaluation, for a
 *   cap or gate it had no effect because the level was already at or below the cap, for
 *   the manager track the candidate falls back to the IC level.
 * - capped: the rule lowered the level.
 * - info: the rule determined a value (score level, band, premium, flags).
 */
export type StepOutcome = "met" | "not_met" | "capped" | "info";

export interface ExplanationStep {
  rule: RuleName;
  outcome: StepOutcome;
  message: string;
}

export type Flag =
  | { kind: "strong_no"; scorecardId: string; interviewerId: string; areaKey: ScreenAreaKey; message: string }
  | { kind: "area_disagreement"; areaKey: ScreenAreaKey; spread: number; message: string }
  | {
      kind: "level_signal_mismatch";
      scorecardId: string;
      interviewerId: string;
      areaKey: ScreenAreaKey;
      levelSignal: Level;
      distance: number;
      message: string;
    }
  | { kind: "missing_areas"; areaKeys: ScreenAreaKey[]; message: string };

export type FlagKind = Flag["kind"];

export interface Recommendation {
  status: RecommendationStatus;
  /** Null unless status is "recommended". */
  level: Level | null;
  band: SalaryBand | null;
  /** The band with the FAANG-type premium; null without such experience or without a level. */
  premiumBand: SalaryBand | null;
  flags: Flag[];
  explanation: ExplanationStep[];
  policyVersion: number;
}

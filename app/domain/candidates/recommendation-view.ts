/**
 * The stored recommendation (CandidateRecommendation) as the candidate page, the packet
 * and its CSV show it. Pure and free of Zod, so components may import its types and
 * formatters.
 */
import { LEVEL_TITLES, LEVELS, type Level } from "../levels";
import type { FlagKind, RecommendationStatus, RuleName, SalaryBand, StepOutcome } from "../leveling/types";
import { PRODUCTION_CAPABILITIES, PRODUCTION_CAPABILITY_LABELS, type ProductionCapability } from "../scorecards/scorecard-fields";
import { SCREEN_AREA_KEYS, SCREEN_AREA_NAMES, type ScreenAreaKey } from "../screen-areas";

export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  incomplete: "Incomplete",
  no_hire: "No hire",
  recommended: "Recommended",
};

/** The stored row as read from the database; the JSON columns are checked here, not trusted. */
export type StoredRecommendation = {
  status: RecommendationStatus;
  level: Level | null;
  bandMin: number | null;
  bandMax: number | null;
  premiumMin: number | null;
  premiumMax: number | null;
  flags: unknown;
  explanation: unknown;
  evidence: unknown;
  policyVersion: number;
  computedAt: Date;
};

/** One submitted scorecard's weighted score, as the recommendation section lists it. */
export type ScorecardScore = {
  scorecardId: string;
  areaKey: string;
  interviewerId: string;
  interviewerName: string;
  /** Weighted mean of the ratings, 1..4; null only for a scorecard saved before scores were stored. */
  score: number | null;
};

export type AreaScoresView = {
  key: ScreenAreaKey;
  name: string;
  /** The mean the recommendation used; null while the area has no submitted scorecard. */
  mean: number | null;
  scores: { scorecardId: string; interviewerName: string; score: number | null }[];
};

export type RecommendationView = {
  status: RecommendationStatus;
  statusLabel: string;
  level: Level | null;
  levelTitle: string | null;
  band: SalaryBand | null;
  premiumBand: SalaryBand | null;
  flags: { kind: FlagKind | "unknown"; message: string }[];
  explanation: { rule: RuleName | "unknown"; outcome: StepOutcome; message: string }[];
  policyVersion: number;
  /** ISO timestamp: a decision form carries it to detect a recommendation that changed since. */
  computedAt: string;
  areas: AreaScoresView[];
  production: { capability: ProductionCapability; label: string; evidenced: boolean }[];
  lifecycleOwnership: boolean;
  sharedInfrastructure: boolean;
  peopleManagement: boolean;
};

const STEP_OUTCOMES: readonly StepOutcome[] = ["met", "not_met", "capped", "info"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function band(min: number | null, max: number | null): SalaryBand | null {
  return min !== null && max !== null ? { min, max } : null;
}

/**
 * Flag and explanation messages name interviewers by id (the leveling service knows no
 * names); a reader wants names.
 */
function withNames(message: string, names: ReadonlyMap<string, string>): string {
  let result = message;
  for (const [id, name] of names) result = result.replaceAll(id, name);
  return result;
}

function readFlags(value: unknown, names: ReadonlyMap<string, string>): RecommendationView["flags"] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((flag) => ({
    kind: (typeof flag.kind === "string" ? flag.kind : "unknown") as FlagKind | "unknown",
    message: withNames(typeof flag.message === "string" ? flag.message : String(flag.kind ?? "Flag"), names),
  }));
}

function readExplanation(value: unknown, names: ReadonlyMap<string, string>): RecommendationView["explanation"] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((step) => ({
    rule: (typeof step.rule === "string" ? step.rule : "unknown") as RuleName | "unknown",
    outcome: STEP_OUTCOMES.includes(step.outcome as StepOutcome) ? (step.outcome as StepOutcome) : "info",
    message: withNames(typeof step.message === "string" ? step.message : "", names),
  }));
}

function areaMean(evidence: Record<string, unknown>, areaKey: ScreenAreaKey): number | null {
  const areas = isRecord(evidence.areas) ? evidence.areas : {};
  const area = areas[areaKey];
  return isRecord(area) && typeof area.score === "number" ? area.score : null;
}

export function buildRecommendationView(stored: StoredRecommendation, scorecards: readonly ScorecardScore[]): RecommendationView {
  const names = new Map(scorecards.map((scorecard) => [scorecard.interviewerId, scorecard.interviewerName]));
  const evidence = isRecord(stored.evidence) ? stored.evidence : {};
  const production = isRecord(evidence.production) ? evidence.production : {};
  const level = stored.level && (LEVELS as readonly string[]).includes(stored.level) ? stored.level : null;
  return {
    status: stored.status,
    statusLabel: RECOMMENDATION_STATUS_LABELS[stored.status],
    level,
    levelTitle: level ? LEVEL_TITLES[level] : null,
    band: band(stored.bandMin, stored.bandMax),
    premiumBand: band(stored.premiumMin, stored.premiumMax),
    flags: readFlags(stored.flags, names),
    explanation: readExplanation(stored.explanation, names),
    policyVersion: stored.policyVersion,
    computedAt: stored.computedAt.toISOString(),
    areas: SCREEN_AREA_KEYS.map((key) => ({
      key,
      name: SCREEN_AREA_NAMES[key],
      mean: areaMean(evidence, key),
      scores: scorecards
        .filter((scorecard) => scorecard.areaKey === key)
        .map(({ scorecardId, interviewerName, score }) => ({ scorecardId, interviewerName, score })),
    })),
    production: PRODUCTION_CAPABILITIES.map((capability) => ({
      capability,
      label: PRODUCTION_CAPABILITY_LABELS[capability],
      evidenced: production[capability] === true,
    })),
    lifecycleOwnership: evidence.lifecycleOwnership === true,
    sharedInfrastructure: evidence.sharedInfrastructure === true,
    peopleManagement: evidence.peopleManagement === true,
  };
}

const usd = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "USD 7,000–10,000 / month" */
export function formatUsdBand(value: SalaryBand): string {
  return `USD ${usd.format(value.min)}–${usd.format(value.max)} / month`;
}

/** Scores are shown with 2 decimals (display only). */
export function formatMeanScore(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}

/** "IC4 · Senior ML Engineer", "No hire" or "Incomplete". */
export function describeOutcome(status: RecommendationStatus, level: Level | null): string {
  if (status === "recommended" && level) return `${level} · ${LEVEL_TITLES[level]}`;
  return RECOMMENDATION_STATUS_LABELS[status];
}

import { LEVELS, type Level } from "../levels";
import { level } from "./level";
import { outcomeRank } from "./ordering";
import type { LevelingPolicy } from "./policy";
import type { CandidateEvidence, ExplanationStep, RecommendationStatus, SalaryBand } from "./types";

/*
 * What a draft policy would do to the recommendations already stored: each candidate's
 * stored evidence is leveled again under the draft and compared with the stored result.
 * Pure: the caller loads the rows (one query) and renders the summary.
 */

/** What a stored recommendation says, as far as a policy change can move it. */
export interface StoredOutcome {
  status: RecommendationStatus;
  level: Level | null;
  band: SalaryBand | null;
  premiumBand: SalaryBand | null;
}

/** The stored row's columns (bands flattened, as CandidateRecommendation keeps them) as an outcome. */
export function storedOutcome(row: {
  status: RecommendationStatus;
  level: Level | null;
  bandMin: number | null;
  bandMax: number | null;
  premiumMin: number | null;
  premiumMax: number | null;
}): StoredOutcome {
  return {
    status: row.status,
    level: row.level,
    band: row.bandMin !== null && row.bandMax !== null ? { min: row.bandMin, max: row.bandMax } : null,
    premiumBand: row.premiumMin !== null && row.premiumMax !== null ? { min: row.premiumMin, max: row.premiumMax } : null,
  };
}

export interface SimulationRow {
  candidateId: string;
  /** Shown in the list of changes; the simulation itself does not use it. */
  name?: string;
  evidence: CandidateEvidence;
  current: StoredOutcome;
}

/** "incomplete", "no_hire", or the recommended level. */
export type OutcomeKey = "incomplete" | "no_hire" | Level;

export const OUTCOME_KEYS: readonly OutcomeKey[] = ["incomplete", "no_hire", ...LEVELS];

export type OutcomeCounts = Record<OutcomeKey, number>;

/** What changed for one candidate: the level (or hire/no hire), the band, the premium band. */
export type ChangedPart = "level" | "band" | "premium";

export type Movement = "up" | "down" | "lateral" | "pay";

export interface SimulatedChange {
  candidateId: string;
  name?: string;
  changed: ChangedPart[];
  /**
   * up/down: the outcome moved in the draft's level order; lateral: another outcome of the
   * same rank (e.g. IC4 and M1); pay: same outcome, only the band or premium moved.
   */
  movement: Movement;
  before: StoredOutcome & {
    /** Present when the caller passed the published policy to explain the stored result. */
    explanation?: ExplanationStep[];
  };
  after: StoredOutcome & { explanation: ExplanationStep[] };
}

export interface SimulationSummary {
  policyVersion: number;
  total: number;
  before: OutcomeCounts;
  after: OutcomeCounts;
  /** Candidates whose level or band would change, sorted by name then id. */
  changes: SimulatedChange[];
  /** Stored evidence the leveling service could not read; left out of every count. */
  unreadable: string[];
}

export interface SimulationOptions {
  /**
   * The published policy, to explain the "before" side of each change. Stored results were
   * computed under it (publishing recomputes them), so its explanation is the stored one.
   */
  currentPolicy?: LevelingPolicy;
}

export function outcomeKey(outcome: Pick<StoredOutcome, "status" | "level">): OutcomeKey {
  if (outcome.status === "recommended" && outcome.level) return outcome.level;
  return outcome.status === "no_hire" ? "no_hire" : "incomplete";
}

export function emptyCounts(): OutcomeCounts {
  return Object.fromEntries(OUTCOME_KEYS.map((key) => [key, 0])) as OutcomeCounts;
}

function sameBand(a: SalaryBand | null, b: SalaryBand | null): boolean {
  return a === null || b === null ? a === b : a.min === b.min && a.max === b.max;
}

/** The parts of a recommendation that differ between two outcomes, in a fixed order. */
export function changedParts(before: StoredOutcome, after: StoredOutcome): ChangedPart[] {
  const parts: ChangedPart[] = [];
  if (outcomeKey(before) !== outcomeKey(after)) parts.push("level");
  if (!sameBand(before.band, after.band)) parts.push("band");
  if (!sameBand(before.premiumBand, after.premiumBand)) parts.push("premium");
  return parts;
}

function movement(before: StoredOutcome, after: StoredOutcome, policy: LevelingPolicy): Movement {
  if (outcomeKey(before) === outcomeKey(after)) return "pay";
  const from = outcomeRank(before.status === "recommended" ? before.level : null, policy);
  const to = outcomeRank(after.status === "recommended" ? after.level : null, policy);
  return to > from ? "up" : to < from ? "down" : "lateral";
}

/** Runs `policy` over every row's stored evidence and compares with the stored results. */
export function simulatePolicy(
  rows: readonly SimulationRow[],
  policy: LevelingPolicy,
  options: SimulationOptions = {},
): SimulationSummary {
  const before = emptyCounts();
  const after = emptyCounts();
  const changes: SimulatedChange[] = [];
  const unreadable: string[] = [];
  for (const row of rows) {
    let recommendation;
    try {
      recommendation = level(row.evidence, policy);
    } catch {
      unreadable.push(row.candidateId);
      continue;
    }
    const next: StoredOutcome = {
      status: recommendation.status,
      level: recommendation.level,
      band: recommendation.band,
      premiumBand: recommendation.premiumBand,
    };
    before[outcomeKey(row.current)] += 1;
    after[outcomeKey(next)] += 1;
    const changed = changedParts(row.current, next);
    if (changed.length === 0) continue;
    changes.push({
      candidateId: row.candidateId,
      name: row.name,
      changed,
      movement: movement(row.current, next, policy),
      before: { ...row.current, explanation: explainWith(row.evidence, options.currentPolicy) },
      after: { ...next, explanation: recommendation.explanation },
    });
  }
  changes.sort((a, b) => byName.compare(a.name ?? "", b.name ?? "") || byName.compare(a.candidateId, b.candidateId));
  return { policyVersion: policy.version, total: rows.length - unreadable.length, before, after, changes, unreadable };
}

const byName = new Intl.Collator("en");

function explainWith(evidence: CandidateEvidence, policy: LevelingPolicy | undefined): ExplanationStep[] | undefined {
  if (!policy) return undefined;
  try {
    return level(evidence, policy).explanation;
  } catch {
    return undefined;
  }
}

import { IC_LEVELS, MANAGER_LEVELS, type IcLevel, type Level, type ManagerLevel } from "../levels";
import type { LevelingPolicy, ScoredLevel } from "./policy";

/*
 * The total order used for monotonicity and for level-signal distance:
 * no hire / incomplete < IC3 < IC4 < IC5 < IC6, and each manager level ranks with its IC
 * equivalent from the policy (by default M1 with IC4, M2 with IC5).
 */

const NOT_HIRED_RANK = -1;

function isManagerLevel(level: Level): level is ManagerLevel {
  return (MANAGER_LEVELS as readonly Level[]).includes(level);
}

export function icRank(level: IcLevel): number {
  return IC_LEVELS.indexOf(level);
}

function icEquivalent(level: Level, policy: LevelingPolicy): IcLevel {
  return isManagerLevel(level) ? policy.managerEquivalents[level] : level;
}

export function levelRank(level: Level, policy: LevelingPolicy): number {
  return icRank(icEquivalent(level, policy));
}

/** Rank of a recommendation's outcome; null level (incomplete or no hire) ranks lowest. */
export function outcomeRank(level: Level | null, policy: LevelingPolicy): number {
  return level === null ? NOT_HIRED_RANK : levelRank(level, policy);
}

/** "M2 (≈ IC5)" for manager levels, the level itself otherwise. */
export function describeLevel(level: Level, policy: LevelingPolicy): string {
  return isManagerLevel(level) ? `${level} (≈ ${icEquivalent(level, policy)})` : level;
}

/** Where a gate that starts at a level caps a candidate without the evidence. */
export const LEVEL_BELOW: Record<ScoredLevel, IcLevel> = { IC4: "IC3", IC5: "IC4", IC6: "IC5" };

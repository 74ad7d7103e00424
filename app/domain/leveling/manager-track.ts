import { MANAGER_LEVELS, type IcLevel, type Level, type ManagerLevel } from "../levels";
import { describeLevel, icRank } from "./ordering";
import type { LevelingPolicy } from "./policy";
import type { CandidateEvidence, ExplanationStep } from "./types";

/**
 * A manager-track candidate gets the manager level whose IC equivalent equals the IC
 * result, if people management is evidenced; otherwise the IC result stands. When the IC
 * result outranks every manager level (IC6 by default) it stands too: recommending M2
 * there would let people-management evidence lower the recommendation.
 */
export function applyManagerTrack(
  icLevel: IcLevel,
  evidence: CandidateEvidence,
  policy: LevelingPolicy,
): { level: Level; step: ExplanationStep } {
  const equivalent = (managerLevel: ManagerLevel) => policy.managerEquivalents[managerLevel];
  const rankOf = (managerLevel: ManagerLevel) => icRank(equivalent(managerLevel));
  const match = MANAGER_LEVELS.find((managerLevel) => equivalent(managerLevel) === icLevel);
  if (match && evidence.peopleManagement) {
    return {
      level: match,
      step: {
        rule: "manager_track",
        outcome: "met",
        message: `Manager track: ${match} — reaches ${icLevel}, which ${match} needs, and people management evidenced`,
      },
    };
  }

  const reasons: string[] = [];
  if (!match) {
    const outranked = MANAGER_LEVELS.filter((managerLevel) => rankOf(managerLevel) < icRank(icLevel)).at(-1);
    const next = MANAGER_LEVELS.find((managerLevel) => rankOf(managerLevel) > icRank(icLevel));
    if (outranked) {
      const outrankedLevel = describeLevel(outranked, policy);
      reasons.push(`${icLevel} outranks ${outrankedLevel}, so a manager level would lower the recommendation`);
    }
    if (next) reasons.push(`${next} needs what ${equivalent(next)} needs, the candidate reaches ${icLevel}`);
  }
  if (!evidence.peopleManagement) reasons.push("no interviewer evidenced people management");
  return {
    level: icLevel,
    step: {
      rule: "manager_track",
      outcome: "not_met",
      message: `Manager track: falls back to ${icLevel} on the IC track — ${reasons.join("; ")}`,
    },
  };
}

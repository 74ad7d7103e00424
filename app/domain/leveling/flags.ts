import type { Level } from "../levels";
import { SCREEN_AREA_KEYS, SCREEN_AREA_NAMES, type ScreenAreaKey } from "../screen-areas";
import { atLeast } from "./compare";
import { formatScore } from "./format";
import { describeLevel, levelRank, outcomeRank } from "./ordering";
import type { LevelingPolicy } from "./policy";
import type { CandidateEvidence, ExplanationStep, Flag, FlagKind, RecommendationStatus } from "./types";

interface Outcome {
  status: RecommendationStatus;
  level: Level | null;
}

/**
 * Flags call for a debrief rather than a silent number. They are raised from whatever
 * evidence exists, also while incomplete — except level-signal mismatches, which need a
 * recommendation to be measured against (no hire counts as one step below IC3).
 */
export function collectFlags(
  evidence: CandidateEvidence,
  outcome: Outcome,
  missing: readonly ScreenAreaKey[],
  policy: LevelingPolicy,
): Flag[] {
  return [
    ...strongNoFlags(evidence),
    ...disagreementFlags(evidence, policy),
    ...(outcome.status === "incomplete" ? [] : levelSignalFlags(evidence, outcome.level, policy)),
    ...(missing.length > 0 ? [missingAreasFlag(missing)] : []),
  ];
}

function strongNoFlags(evidence: CandidateEvidence): Flag[] {
  return evidence.scorecards
    .filter((scorecard) => scorecard.overallRecommendation === "strong_no")
    .map(({ scorecardId, interviewerId, areaKey }) => ({
      kind: "strong_no",
      scorecardId,
      interviewerId,
      areaKey,
      message: `Strong no from interviewer ${interviewerId} in ${SCREEN_AREA_NAMES[areaKey]}`,
    }));
}

function disagreementFlags(evidence: CandidateEvidence, policy: LevelingPolicy): Flag[] {
  const threshold = policy.flags.areaDisagreement;
  return SCREEN_AREA_KEYS.flatMap((areaKey): Flag[] => {
    const spread = evidence.areas[areaKey]?.disagreement;
    if (spread === undefined || !atLeast(spread, threshold)) return [];
    const difference = formatScore(spread);
    return [
      {
        kind: "area_disagreement",
        areaKey,
        spread,
        message: `${
          SCREEN_AREA_NAMES[areaKey]
        }: interviewers' scores differ by ${difference} points (flagged at ${formatScore(threshold)} or more)`,
      },
    ];
  });
}

function levelSignalFlags(evidence: CandidateEvidence, recommended: Level | null, policy: LevelingPolicy): Flag[] {
  const recommendedRank = outcomeRank(recommended, policy);
  const recommendation = recommended === null ? "no hire" : describeLevel(recommended, policy);
  return evidence.scorecards.flatMap(({ scorecardId, interviewerId, areaKey, levelSignal }): Flag[] => {
    if (levelSignal === null) return [];
    const distance = Math.abs(levelRank(levelSignal, policy) - recommendedRank);
    if (distance < policy.flags.levelSignalDistance) return [];
    const signal = describeLevel(levelSignal, policy);
    return [
      {
        kind: "level_signal_mismatch",
        scorecardId,
        interviewerId,
        areaKey,
        levelSignal,
        distance,
        message: `Interviewer ${interviewerId} (${SCREEN_AREA_NAMES[areaKey]}) saw ${signal}, ${distance} levels from the recommendation (${recommendation})`,
      },
    ];
  });
}

function missingAreasFlag(missing: readonly ScreenAreaKey[]): Flag {
  return {
    kind: "missing_areas",
    areaKeys: [...missing],
    message: `No submitted scorecard for ${missing.map((areaKey) => SCREEN_AREA_NAMES[areaKey]).join(", ")}`,
  };
}

const FLAG_NAMES: Record<FlagKind, string> = {
  strong_no: "strong no",
  area_disagreement: "area disagreement",
  level_signal_mismatch: "level-signal mismatch",
  missing_areas: "missing areas",
};

export function flagsStep(flags: readonly Flag[]): ExplanationStep {
  if (flags.length === 0) return { rule: "flags", outcome: "info", message: "No flags" };
  const counts = new Map<FlagKind, number>();
  for (const flag of flags) counts.set(flag.kind, (counts.get(flag.kind) ?? 0) + 1);
  const summary = [...counts].map(([kind, count]) => `${FLAG_NAMES[kind]} ×${count}`).join(", ");
  return {
    rule: "flags",
    outcome: "info",
    message: `${flags.length === 1 ? "1 flag calls" : `${flags.length} flags call`} for a debrief: ${summary}`,
  };
}

import type { IcLevel } from "../levels";
import { SCREEN_AREA_KEYS, SCREEN_AREA_NAMES, type ScreenAreaKey } from "../screen-areas";
import { atLeast, mean } from "./compare";
import { formatComparison, formatScore } from "./format";
import { SCORED_LEVELS, type LevelingPolicy, type LevelThresholds } from "./policy";
import type { ExplanationStep } from "./types";

export type AreaScores = Readonly<Record<ScreenAreaKey, number>>;

interface Check {
  met: boolean;
  /** The comparison as a recruiter reads it, e.g. "ML system design 2.90 < 3.00". */
  text: string;
}

function meanOfAreas(scores: AreaScores): number {
  return mean(SCREEN_AREA_KEYS.map((areaKey) => scores[areaKey]));
}

function thresholdChecks(thresholds: LevelThresholds, scores: AreaScores): Check[] {
  const average = meanOfAreas(scores);
  const checks: Check[] = [
    { met: atLeast(average, thresholds.minMean), text: `mean ${formatComparison(average, thresholds.minMean)}` },
  ];
  if (thresholds.minMlSystemDesign !== undefined) {
    const score = scores.ml_system_design;
    checks.push({
      met: atLeast(score, thresholds.minMlSystemDesign),
      text: `${SCREEN_AREA_NAMES.ml_system_design} ${formatComparison(score, thresholds.minMlSystemDesign)}`,
    });
  }
  if (thresholds.minEveryArea !== undefined) checks.push(everyAreaCheck(thresholds.minEveryArea, scores));
  return checks;
}

function everyAreaCheck(minimum: number, scores: AreaScores): Check {
  const below = SCREEN_AREA_KEYS.filter((areaKey) => !atLeast(scores[areaKey], minimum));
  if (below.length > 0) {
    const failures = below.map(
      (areaKey) => `${SCREEN_AREA_NAMES[areaKey]} ${formatComparison(scores[areaKey], minimum)}`,
    );
    return { met: false, text: `${failures.join(", ")} (every area needs ≥ ${formatScore(minimum)})` };
  }
  const lowest = SCREEN_AREA_KEYS.reduce((low, areaKey) => (scores[areaKey] < scores[low] ? areaKey : low));
  return {
    met: true,
    text: `every area ≥ ${formatScore(minimum)} (lowest: ${SCREEN_AREA_NAMES[lowest]} ${formatScore(scores[lowest])})`,
  };
}

const texts = (checks: readonly Check[]) => checks.map((check) => check.text).join(", ");

export function checkHireBar(scores: AreaScores, policy: LevelingPolicy): { met: boolean; step: ExplanationStep } {
  const checks = thresholdChecks(policy.hireBar, scores);
  const met = checks.every((check) => check.met);
  return {
    met,
    step: {
      rule: "hire_bar",
      outcome: met ? "met" : "not_met",
      message: met ? `Hire bar met: ${texts(checks)}` : `No hire — below the hire bar: ${texts(checks)}`,
    },
  };
}

/**
 * The highest level whose thresholds, and those of every level below it, are met.
 * Assumes the hire bar is met (that is IC3).
 */
export function scoreLevel(scores: AreaScores, policy: LevelingPolicy): { level: IcLevel; step: ExplanationStep } {
  let level: IcLevel = "IC3";
  let reached = " (the hire bar)";
  let blocker = "";
  for (const candidate of SCORED_LEVELS) {
    const checks = thresholdChecks(policy.scoreLevels[candidate], scores);
    const failing = checks.filter((check) => !check.met);
    if (failing.length > 0) {
      blocker = `. Not ${candidate}: ${texts(failing)}`;
      break;
    }
    level = candidate;
    reached = `: ${texts(checks)}`;
  }
  return {
    level,
    step: { rule: "score_level", outcome: "info", message: `Scores reach ${level}${reached}${blocker}` },
  };
}

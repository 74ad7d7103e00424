import type { IcLevel } from "../levels";
import { SCREEN_AREA_KEYS, SCREEN_AREA_NAMES, type ScreenAreaKey } from "../screen-areas";
import { atLeast } from "./compare";
import { formatComparison, formatScore } from "./format";
import { SCORED_LEVELS, type LevelingPolicy, type LevelThresholds } from "./policy";
import type { ExplanationStep } from "./types";

export type AreaScores = Readonly<Record<ScreenAreaKey, number>>;

/**
 * One threshold comparison. Its recruiter-facing text (e.g. "ML system design 2.90 < 3.00")
 * is built by checkText only when a message shows it: scoreLevel evaluates up to four sets
 * of checks per candidate but prints at most two, and building the discarded texts
 * (toFixed, template strings) was a large part of level()'s cost. Plain data, not a closure
 * per check: under tsx (the CLI, the bench) esbuild wraps every named closure in a helper
 * when it is created, which measured slower than building the texts eagerly.
 */
type Check =
  | { met: boolean; kind: "comparison"; label: string; value: number; threshold: number }
  | { met: boolean; kind: "every_area"; minimum: number; scores: AreaScores };

/** Same summation order as mean(SCREEN_AREA_KEYS.map(...)), so the result is bit-identical. */
function meanOfAreas(scores: AreaScores): number {
  let sum = 0;
  for (const areaKey of SCREEN_AREA_KEYS) sum += scores[areaKey];
  return sum / SCREEN_AREA_KEYS.length;
}

/** `average` is meanOfAreas(scores), computed once by the caller for every level it checks. */
function thresholdChecks(thresholds: LevelThresholds, scores: AreaScores, average: number): Check[] {
  const { minMean, minMlSystemDesign, minEveryArea } = thresholds;
  const checks: Check[] = [
    { met: atLeast(average, minMean), kind: "comparison", label: "mean", value: average, threshold: minMean },
  ];
  if (minMlSystemDesign !== undefined) {
    const value = scores.ml_system_design;
    checks.push({
      met: atLeast(value, minMlSystemDesign),
      kind: "comparison",
      label: SCREEN_AREA_NAMES.ml_system_design,
      value,
      threshold: minMlSystemDesign,
    });
  }
  if (minEveryArea !== undefined) {
    let met = true;
    for (const areaKey of SCREEN_AREA_KEYS) if (!atLeast(scores[areaKey], minEveryArea)) met = false;
    checks.push({ met, kind: "every_area", minimum: minEveryArea, scores });
  }
  return checks;
}

function checkText(check: Check): string {
  if (check.kind === "comparison") return `${check.label} ${formatComparison(check.value, check.threshold)}`;
  const { minimum, scores } = check;
  if (!check.met) {
    const below = SCREEN_AREA_KEYS.filter((areaKey) => !atLeast(scores[areaKey], minimum));
    const failures = below.map(
      (areaKey) => `${SCREEN_AREA_NAMES[areaKey]} ${formatComparison(scores[areaKey], minimum)}`,
    );
    return `${failures.join(", ")} (every area needs ≥ ${formatScore(minimum)})`;
  }
  const lowest = SCREEN_AREA_KEYS.reduce((low, areaKey) => (scores[areaKey] < scores[low] ? areaKey : low));
  return `every area ≥ ${formatScore(minimum)} (lowest: ${SCREEN_AREA_NAMES[lowest]} ${formatScore(scores[lowest])})`;
}

const texts = (checks: readonly Check[]) => checks.map(checkText).join(", ");

export function checkHireBar(scores: AreaScores, policy: LevelingPolicy): { met: boolean; step: ExplanationStep } {
  const checks = thresholdChecks(policy.hireBar, scores, meanOfAreas(scores));
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
  const average = meanOfAreas(scores);
  let level: IcLevel = "IC3";
  let reachedChecks: Check[] | undefined;
  let blocker = "";
  for (const candidate of SCORED_LEVELS) {
    const checks = thresholdChecks(policy.scoreLevels[candidate], scores, average);
    const failing = checks.filter((check) => !check.met);
    if (failing.length > 0) {
      blocker = `. Not ${candidate}: ${texts(failing)}`;
      break;
    }
    level = candidate;
    reachedChecks = checks; // only the highest level reached is described
  }
  const reached = reachedChecks ? `: ${texts(reachedChecks)}` : " (the hire bar)";
  return {
    level,
    step: { rule: "score_level", outcome: "info", message: `Scores reach ${level}${reached}${blocker}` },
  };
}

import { SCREEN_AREA_KEYS, SCREEN_AREA_NAMES, type ScreenAreaKey } from "../screen-areas";
import type { AreaScores } from "./score-rules";
import type { CandidateEvidence, ExplanationStep } from "./types";

export type Completeness =
  | { complete: true; scores: AreaScores; step: ExplanationStep }
  | { complete: false; missing: ScreenAreaKey[]; step: ExplanationStep };

/** Every screen area needs at least one submitted scorecard before any level is recommended. */
export function checkCompleteness(evidence: CandidateEvidence): Completeness {
  const scores: Partial<Record<ScreenAreaKey, number>> = {};
  const missing: ScreenAreaKey[] = [];
  for (const areaKey of SCREEN_AREA_KEYS) {
    const area = evidence.areas[areaKey];
    if (area === undefined) missing.push(areaKey);
    else scores[areaKey] = area.score;
  }

  if (missing.length > 0) {
    const names = missing.map((areaKey) => SCREEN_AREA_NAMES[areaKey]).join(", ");
    return {
      complete: false,
      missing,
      step: {
        rule: "completeness",
        outcome: "not_met",
        message: `Incomplete: no submitted scorecard yet for ${names} (${missing.length} of ${SCREEN_AREA_KEYS.length} areas) — no recommendation until every area is scored`,
      },
    };
  }
  return {
    complete: true,
    scores: scores as AreaScores,
    step: {
      rule: "completeness",
      outcome: "met",
      message: `Complete: all ${SCREEN_AREA_KEYS.length} screen areas have submitted scorecards`,
    },
  };
}

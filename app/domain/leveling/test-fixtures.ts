import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "../screen-areas";
import type { CandidateEvidence, ProductionCapability, ScorecardSummary } from "./types";

type AreaScoreInput = Partial<Record<ScreenAreaKey, number | undefined>>;

export function allAreas(score: number): Record<ScreenAreaKey, number> {
  return Object.fromEntries(SCREEN_AREA_KEYS.map((areaKey) => [areaKey, score])) as Record<ScreenAreaKey, number>;
}

export const ALL_PRODUCTION: Record<ProductionCapability, boolean> = {
  serving: true,
  monitoring: true,
  featureStore: true,
  modelCicd: true,
};

export const NO_PRODUCTION: Record<ProductionCapability, boolean> = {
  serving: false,
  monitoring: false,
  featureStore: false,
  modelCicd: false,
};

/**
 * Evidence for tests: by default an IC candidate with every area at 3.0 and every kind of
 * evidence except people management, so a test only states what it is about.
 */
export function makeEvidence(
  options: Partial<Omit<CandidateEvidence, "areas">> & {
    scores?: AreaScoreInput;
    disagreement?: Partial<Record<ScreenAreaKey, number>>;
  } = {},
): CandidateEvidence {
  const { scores = {}, disagreement = {}, ...rest } = options;
  const merged: AreaScoreInput = { ...allAreas(3), ...scores };
  const areas: CandidateEvidence["areas"] = {};
  for (const areaKey of SCREEN_AREA_KEYS) {
    const score = merged[areaKey];
    if (score !== undefined) areas[areaKey] = { score, disagreement: disagreement[areaKey] ?? 0 };
  }
  return {
    track: "IC",
    faangExperience: false,
    production: ALL_PRODUCTION,
    lifecycleOwnership: true,
    sharedInfrastructure: true,
    peopleManagement: false,
    scorecards: [],
    ...rest,
    areas,
  };
}

export function summary(overrides: Partial<ScorecardSummary> = {}): ScorecardSummary {
  return {
    scorecardId: "sc-1",
    interviewerId: "interviewer-1",
    areaKey: "ml_system_design",
    score: 3,
    overallRecommendation: "yes",
    levelSignal: null,
    ...overrides,
  };
}

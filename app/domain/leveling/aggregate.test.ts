import { describe, expect, it } from "vitest";
import type { ScreenAreaKey } from "../screen-areas";
import { aggregate, ScorecardRubricMismatchError, scoreScorecard } from "./aggregate";
import { level } from "./level";
import { DEFAULT_POLICY } from "./policy";
import type { CriterionRating, RubricVersion, SubmittedScorecard } from "./types";

const SYSTEM_DESIGN_V1: RubricVersion = {
  id: "msd-v1",
  criteria: [
    { id: "pipeline", weight: 2 },
    { id: "serving", weight: 1 },
    { id: "monitoring", weight: 1 },
  ],
};
const SYSTEM_DESIGN_V2: RubricVersion = {
  id: "msd-v2",
  criteria: [
    { id: "pipeline", weight: 1 },
    { id: "serving", weight: 1 },
    { id: "monitoring", weight: 3 },
  ],
};
const EQUAL_WEIGHTS: RubricVersion = {
  id: "generic-v1",
  criteria: [
    { id: "depth", weight: 1 },
    { id: "rigour", weight: 1 },
  ],
};
const RUBRICS = [SYSTEM_DESIGN_V1, SYSTEM_DESIGN_V2, EQUAL_WEIGHTS];

const ratings = (scores: Record<string, 1 | 2 | 3 | 4>): CriterionRating[] =>
  Object.entries(scores).map(([criterionId, score]) => ({ criterionId, score }));

function scorecard(
  overrides: Partial<SubmittedScorecard> & { id: string; areaKey: ScreenAreaKey },
): SubmittedScorecard {
  return {
    interviewerId: `interviewer-${overrides.id}`,
    rubricVersionId: EQUAL_WEIGHTS.id,
    ratings: ratings({ depth: 3, rigour: 3 }),
    overallRecommendation: "yes",
    levelSignal: null,
    production: {
      serving: "not_discussed",
      monitoring: "not_discussed",
      featureStore: "not_discussed",
      modelCicd: "not_discussed",
    },
    lifecycleOwnership: false,
    sharedInfrastructure: false,
    peopleManagement: false,
    ...overrides,
  };
}

// (2·4 + 1·2 + 1·3) / 4 = 13/4
const ON_V1 = scorecard({
  id: "a",
  areaKey: "ml_system_design",
  rubricVersionId: "msd-v1",
  ratings: ratings({ pipeline: 4, serving: 2, monitoring: 3 }),
});
// (1·4 + 1·2 + 3·1) / 5 = 9/5; with v1's weights it would be 11/4
const ON_V2 = scorecard({
  id: "b",
  areaKey: "ml_system_design",
  rubricVersionId: "msd-v2",
  ratings: ratings({ pipeline: 4, serving: 2, monitoring: 1 }),
});

const OTHER_AREAS: SubmittedScorecard[] = [
  scorecard({ id: "pf", areaKey: "problem_formulation", ratings: ratings({ depth: 3, rigour: 4 }) }),
  scorecard({ id: "fe", areaKey: "feature_engineering" }),
  scorecard({ id: "md", areaKey: "model_development", ratings: ratings({ depth: 2, rigour: 3 }) }),
  scorecard({ id: "cq", areaKey: "code_quality", ratings: ratings({ depth: 4, rigour: 4 }) }),
];

const IC = { track: "IC", faangExperience: false } as const;

describe("scoreScorecard", () => {
  it("is the ratings' mean weighted by the rubric version's weights", () => {
    expect(scoreScorecard(ON_V1.ratings, SYSTEM_DESIGN_V1)).toBe(13 / 4);
    expect(scoreScorecard(ON_V2.ratings, SYSTEM_DESIGN_V2)).toBe(9 / 5);
    expect(scoreScorecard(ON_V2.ratings, SYSTEM_DESIGN_V1)).toBe(11 / 4);
  });

  it("does not depend on the order of the ratings", () => {
    expect(scoreScorecard([...ON_V1.ratings].reverse(), SYSTEM_DESIGN_V1)).toBe(13 / 4);
  });

  it.each([
    [
      "a criterion outside the rubric",
      ratings({ pipeline: 4, serving: 2, monitoring: 3, extra: 1 }),
      /not in rubric version msd-v1/,
    ],
    ["an unrated criterion", ratings({ pipeline: 4, serving: 2 }), /monitoring of rubric version msd-v1 is not rated/],
    [
      "a criterion rated twice",
      [...ratings({ pipeline: 4, serving: 2, monitoring: 3 }), { criterionId: "serving", score: 3 as const }],
      /rated more than once/,
    ],
    [
      "a score outside 1..4",
      [{ criterionId: "pipeline", score: 5 }, ...ratings({ serving: 2, monitoring: 3 })] as CriterionRating[],
      /score 5, expected 1..4/,
    ],
  ])("rejects %s", (_name, badRatings, message) => {
    expect(() => scoreScorecard(badRatings, SYSTEM_DESIGN_V1)).toThrow(message);
    expect(() => scoreScorecard(badRatings, SYSTEM_DESIGN_V1)).toThrow(ScorecardRubricMismatchError);
  });

  it("rejects a criterion weight that is not positive", () => {
    const rubric: RubricVersion = { id: "bad", criteria: [{ id: "depth", weight: 0 }] };
    expect(() => scoreScorecard(ratings({ depth: 3 }), rubric)).toThrow(/has weight 0/);
  });
});

describe("aggregate", () => {
  it("scores each scorecard with its own rubric version, then averages the area", () => {
    const evidence = aggregate([ON_V1, ON_V2, ...OTHER_AREAS], RUBRICS, IC);
    const systemDesign = evidence.areas.ml_system_design;
    expect(systemDesign?.score).toBeCloseTo((13 / 4 + 9 / 5) / 2, 12); // 2.525
    expect(systemDesign?.disagreement).toBeCloseTo(13 / 4 - 9 / 5, 12); // 1.45
    expect(evidence.areas.problem_formulation).toEqual({ score: 3.5, disagreement: 0 });
    expect(evidence.areas.model_development).toEqual({ score: 2.5, disagreement: 0 });
    expect(evidence.areas.code_quality).toEqual({ score: 4, disagreement: 0 });
  });

  it("carries each interviewer's numbers, recommendation and level signal", () => {
    const strongNo = { ...ON_V2, overallRecommendation: "strong_no" as const, levelSignal: "IC6" as const };
    const evidence = aggregate([ON_V1, strongNo], RUBRICS, IC);
    expect(evidence.scorecards).toEqual([
      {
        scorecardId: "a",
        interviewerId: "interviewer-a",
        areaKey: "ml_system_design",
        score: 3.25,
        overallRecommendation: "yes",
        levelSignal: null,
      },
      {
        scorecardId: "b",
        interviewerId: "interviewer-b",
        areaKey: "ml_system_design",
        score: 1.8,
        overallRecommendation: "strong_no",
        levelSignal: "IC6",
      },
    ]);
  });

  it("leaves out areas without a submitted scorecard", () => {
    const evidence = aggregate([ON_V1], RUBRICS, IC);
    expect(Object.keys(evidence.areas)).toEqual(["ml_system_design"]);
  });

  it("counts a production capability when any interviewer marked it evidenced", () => {
    const evidence = aggregate(
      [
        {
          ...ON_V1,
          production: {
            serving: "evidenced",
            monitoring: "not_evidenced",
            featureStore: "not_discussed",
            modelCicd: "not_evidenced",
          },
        },
        {
          ...ON_V2,
          production: {
            serving: "not_evidenced",
            monitoring: "not_discussed",
            featureStore: "not_discussed",
            modelCicd: "evidenced",
          },
        },
      ],
      RUBRICS,
      IC,
    );
    expect(evidence.production).toEqual({ serving: true, monitoring: false, featureStore: false, modelCicd: true });
  });

  it.each(["lifecycleOwnership", "sharedInfrastructure", "peopleManagement"] as const)(
    "takes %s as evidenced when any interviewer said so",
    (question) => {
      expect(aggregate([ON_V1, ON_V2], RUBRICS, IC)[question]).toBe(false);
      expect(aggregate([ON_V1, { ...ON_V2, [question]: true }], RUBRICS, IC)[question]).toBe(true);
    },
  );

  it("passes the candidate's track and FAANG-type experience through", () => {
    const evidence = aggregate([], RUBRICS, { track: "M", faangExperience: true });
    expect(evidence).toMatchObject({ track: "M", faangExperience: true, areas: {}, scorecards: [] });
  });

  it("rejects a scorecard whose rubric version is unknown", () => {
    expect(() => aggregate([{ ...ON_V1, rubricVersionId: "msd-v9" }], RUBRICS, IC)).toThrow(
      /scorecard a uses unknown rubric version msd-v9/,
    );
  });

  it("feeds level: five areas, disagreement and strong-no flags", () => {
    const evidence = aggregate([ON_V1, { ...ON_V2, overallRecommendation: "strong_no" }, ...OTHER_AREAS], RUBRICS, IC);
    const recommendation = level(evidence, DEFAULT_POLICY);
    // mean (3.5 + 3 + 2.5 + 2.525 + 4) / 5 = 3.105 and every area ≥ 2.5; system design 2.525 < 3.0 → IC3
    expect(recommendation.status).toBe("recommended");
    expect(recommendation.level).toBe("IC3");
    expect(recommendation.flags.map((flag) => flag.kind)).toEqual(["strong_no"]); // spread 1.45 < 1.5
  });
});

/**
 * Whether a score meets a threshold is decided by exact arithmetic, never by float noise:
 * with rubric weights in hundredths (rubric-validation.ts) and policy thresholds in
 * hundredths (policy.ts), the float pipeline (scoreScorecard → area means → mean of the
 * areas → atLeast) agrees with the same sums done in integers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCREEN_AREA_KEYS } from "../screen-areas";
import { aggregate, SCORE_DECIMALS, scoreScorecard } from "./aggregate";
import { atLeast, mean } from "./compare";
import type { RubricVersion, SubmittedScorecard } from "./types";

const RUNS = { numRuns: 2000 };
const SCALE = 10 ** SCORE_DECIMALS;

/** A rated rubric: 3–6 criteria, weights 0.10–10.00 in hundredths, each rated 1–4. */
const ratedRubric = fc.array(fc.record({ hundredths: fc.integer({ min: 10, max: 1000 }), score: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4> }), {
  minLength: 3,
  maxLength: 6,
});
/** A threshold from 1.00 to 4.00 in hundredths, as the policy schema allows. */
const thresholdHundredths = fc.integer({ min: 100, max: 400 });

type Rated = { hundredths: number; score: 1 | 2 | 3 | 4 }[];

function score(rated: Rated, id = "r"): { value: number; rubric: RubricVersion } {
  const rubric = { id, criteria: rated.map((c, index) => ({ id: `${id}-c${index}`, weight: c.hundredths / 100 })) };
  const value = scoreScorecard(
    rated.map((c, index) => ({ criterionId: `${id}-c${index}`, score: c.score })),
    rubric,
  );
  return { value, rubric };
}

describe("a scorecard's score against a threshold", () => {
  it("meets it exactly when the exact weighted mean does", () => {
    fc.assert(
      fc.property(ratedRubric, thresholdHundredths, (rated, threshold) => {
        const weightSum = rated.reduce((sum, c) => sum + c.hundredths, 0);
        const weighted = rated.reduce((sum, c) => sum + c.hundredths * c.score, 0);
        const { value } = score(rated);
        // The random threshold, and the hundredths just below and above the score, where it matters.
        const below = Math.floor((100 * weighted) / weightSum);
        for (const t of [threshold, below, below + 1]) {
          // score ≥ t/100  ⇔  100 · Σ w·s ≥ t · Σ w, in integers.
          expect(atLeast(value, t / 100)).toBe(100 * weighted >= t * weightSum);
        }
      }),
      RUNS,
    );
  });

  it("is a whole number of millionths, within half a millionth of the exact weighted mean", () => {
    fc.assert(
      fc.property(ratedRubric, (rated) => {
        const { value } = score(rated);
        const weightSum = rated.reduce((sum, c) => sum + c.hundredths, 0);
        const weighted = rated.reduce((sum, c) => sum + c.hundredths * c.score, 0);
        const millionths = Math.round(value * SCALE);
        expect(millionths / SCALE).toBe(value);
        // |millionths / 1e6 − weighted / weightSum| ≤ 1/2e6, in integers.
        expect(Math.abs(2 * millionths * weightSum - 2 * SCALE * weighted)).toBeLessThanOrEqual(weightSum);
      }),
      RUNS,
    );
  });

  it("does not treat a real shortfall as float noise", () => {
    expect(atLeast(2.99999999999, 3)).toBe(false);
    expect(atLeast(3 - 4e-16, 3)).toBe(true);
    expect(atLeast(0.1 + 0.2, 0.3)).toBe(true);
  });
});

describe("area means and the mean of the areas against a threshold", () => {
  /** Five areas, each with 1–4 scorecards, each scorecard with a rubric of its own. */
  const candidate = fc.array(fc.array(ratedRubric, { minLength: 1, maxLength: 4 }), {
    minLength: SCREEN_AREA_KEYS.length,
    maxLength: SCREEN_AREA_KEYS.length,
  });

  it("meet it exactly when the same means of the scorecards' millionths do, computed in integers", () => {
    fc.assert(
      fc.property(candidate, thresholdHundredths, (areas, threshold) => {
        const rubrics: RubricVersion[] = [];
        const scorecards: SubmittedScorecard[] = [];
        const millionths: bigint[][] = areas.map((cards, areaIndex) =>
          cards.map((rated, cardIndex) => {
            const id = `a${areaIndex}s${cardIndex}`;
            const { value, rubric } = score(rated, id);
            rubrics.push(rubric);
            scorecards.push({
              id,
              interviewerId: id,
              areaKey: SCREEN_AREA_KEYS[areaIndex]!,
              rubricVersionId: id,
              ratings: rated.map((c, index) => ({ criterionId: `${id}-c${index}`, score: c.score })),
              overallRecommendation: "yes",
              levelSignal: null,
              production: { serving: "evidenced", monitoring: "not_discussed", featureStore: "not_discussed", modelCicd: "not_discussed" },
              lifecycleOwnership: true,
              sharedInfrastructure: false,
              peopleManagement: false,
            });
            return BigInt(Math.round(value * SCALE));
          }),
        );
        const evidence = aggregate(scorecards, rubrics, { track: "IC", faangExperience: false });
        const scale = BigInt(SCALE);
        // The random threshold, and the hundredths just below and above the value, where it matters.
        const thresholdsAround = (value: number) => [threshold, Math.floor(value * 100), Math.floor(value * 100) + 1];

        SCREEN_AREA_KEYS.forEach((areaKey, index) => {
          const cards = millionths[index]!;
          const sum = cards.reduce((total, m) => total + m, 0n);
          const value = evidence.areas[areaKey]!.score;
          for (const t of thresholdsAround(value)) {
            // Σm / (n · 1e6) ≥ t / 100  ⇔  100 · Σm ≥ t · n · 1e6.
            expect(atLeast(value, t / 100)).toBe(100n * sum >= BigInt(t) * BigInt(cards.length) * scale);
          }
        });

        // The mean of the area means, over a common denominator L = Π n_a.
        const common = millionths.reduce((product, cards) => product * BigInt(cards.length), 1n);
        const numerator = millionths.reduce(
          (total, cards) => total + cards.reduce((sum, m) => sum + m, 0n) * (common / BigInt(cards.length)),
          0n,
        );
        const floatMean = mean(SCREEN_AREA_KEYS.map((areaKey) => evidence.areas[areaKey]!.score));
        for (const t of thresholdsAround(floatMean)) {
          const exactMean = 100n * numerator >= BigInt(t) * BigInt(SCREEN_AREA_KEYS.length) * common * scale;
          expect(atLeast(floatMean, t / 100)).toBe(exactMean);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

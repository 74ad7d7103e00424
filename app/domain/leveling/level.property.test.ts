import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCREEN_AREA_KEYS } from "../screen-areas";
import { aggregate } from "./aggregate";
import { level } from "./level";
import { outcomeRank } from "./ordering";
import { parsePolicy, type LevelingPolicy } from "./policy";
import { anyPolicy, areaScore, evidence, validPolicy } from "./test-arbitraries";
import { NO_PRODUCTION } from "./test-fixtures";
import {
  PRODUCTION_CAPABILITIES,
  type CandidateEvidence,
  type ProductionCapability,
  type RubricScore,
  type RubricVersion,
  type SubmittedScorecard,
} from "./types";

const RUNS = { numRuns: 2000 };

const rank = (candidate: CandidateEvidence, policy: LevelingPolicy) =>
  outcomeRank(level(candidate, policy).level, policy);

const EVIDENCE_FLAGS = [
  ...PRODUCTION_CAPABILITIES,
  "lifecycleOwnership",
  "sharedInfrastructure",
  "peopleManagement",
  "faangExperience",
] as const;
type EvidenceFlag = (typeof EVIDENCE_FLAGS)[number];

/** Applies each improvement in turn and checks that no step lowers the recommendation's rank. */
function expectNeverLower<Improvement>(
  start: CandidateEvidence,
  policy: LevelingPolicy,
  improvements: readonly Improvement[],
  improve: (candidate: CandidateEvidence, improvement: Improvement) => CandidateEvidence,
): void {
  let current = start;
  let currentRank = rank(current, policy);
  for (const improvement of improvements) {
    current = improve(current, improvement);
    const nextRank = rank(current, policy);
    expect(nextRank).toBeGreaterThanOrEqual(currentRank);
    currentRank = nextRank;
  }
}

function withEvidence(candidate: CandidateEvidence, flag: EvidenceFlag): CandidateEvidence {
  return (PRODUCTION_CAPABILITIES as readonly string[]).includes(flag)
    ? { ...candidate, production: { ...candidate.production, [flag as ProductionCapability]: true } }
    : { ...candidate, [flag]: true };
}

describe("generated policies", () => {
  it("are all valid, so the invariants below are checked across the policy space", () => {
    fc.assert(
      fc.property(validPolicy, (policy) => {
        expect(parsePolicy(policy)).toMatchObject({ ok: true });
      }),
      RUNS,
    );
  });
});

describe("invariants of level", () => {
  it("without production experience, never above IC3 and never a manager level — under any valid policy", () => {
    fc.assert(
      fc.property(evidence, anyPolicy, (candidate, policy) => {
        const recommended = level({ ...candidate, production: NO_PRODUCTION }, policy).level;
        expect([null, "IC3"]).toContain(recommended);
      }),
      RUNS,
    );
  });

  // Each property walks a chain of improvements up to the best possible evidence, so it
  // crosses every level boundary the candidate can reach, not just the one next to it.
  it("raising area scores never lowers the recommendation", () => {
    const raises = fc.array(fc.tuple(fc.constantFrom(...SCREEN_AREA_KEYS), areaScore), { maxLength: 8 });
    fc.assert(
      fc.property(evidence, anyPolicy, raises, (candidate, policy, randomRaises) => {
        const toTop = SCREEN_AREA_KEYS.map((areaKey) => [areaKey, 4] as const);
        expectNeverLower(candidate, policy, [...randomRaises, ...toTop], (current, [areaKey, target]) => {
          const area = current.areas[areaKey];
          if (area === undefined) return current;
          return {
            ...current,
            areas: { ...current.areas, [areaKey]: { ...area, score: Math.max(area.score, target) } },
          };
        });
      }),
      RUNS,
    );
  });

  it("adding any evidence never lowers the recommendation", () => {
    fc.assert(
      fc.property(evidence, anyPolicy, fc.shuffledSubarray([...EVIDENCE_FLAGS]), (candidate, policy, order) => {
        const rest = EVIDENCE_FLAGS.filter((flag) => !order.includes(flag));
        expectNeverLower(candidate, policy, [...order, ...rest], withEvidence);
      }),
      RUNS,
    );
  });

  it("the same input always gives the same output", () => {
    fc.assert(
      fc.property(evidence, anyPolicy, (candidate, policy) => {
        const first = level(candidate, policy);
        expect(level(candidate, policy)).toEqual(first);
        expect(level(structuredClone(candidate), structuredClone(policy))).toEqual(first);
      }),
      RUNS,
    );
  });
});

describe("invariants of aggregate + level", () => {
  const RUBRIC: RubricVersion = {
    id: "rubric",
    criteria: [
      { id: "a", weight: 1 },
      { id: "b", weight: 2.5 },
      { id: "c", weight: 0.7 },
    ],
  };
  const ratingScore = fc.constantFrom<RubricScore>(1, 2, 3, 4);
  const scorecards = fc
    .array(fc.tuple(ratingScore, ratingScore, ratingScore), { minLength: 10, maxLength: 10 })
    .map((ratings) =>
      ratings.map(
        ([a, b, c], index): SubmittedScorecard => ({
          id: `sc-${index}`,
          interviewerId: `interviewer-${index}`,
          areaKey: SCREEN_AREA_KEYS[index % SCREEN_AREA_KEYS.length] ?? "code_quality",
          rubricVersionId: RUBRIC.id,
          ratings: [
            { criterionId: "a", score: a },
            { criterionId: "b", score: b },
            { criterionId: "c", score: c },
          ],
          overallRecommendation: "yes",
          levelSignal: null,
          production: {
            serving: "evidenced",
            monitoring: "not_discussed",
            featureStore: "not_discussed",
            modelCicd: "not_discussed",
          },
          lifecycleOwnership: true,
          sharedInfrastructure: true,
          peopleManagement: index === 0,
        }),
      ),
    );

  it("raising one rating never lowers the recommendation", () => {
    fc.assert(
      fc.property(
        scorecards,
        anyPolicy,
        fc.constantFrom("IC" as const, "M" as const),
        fc.nat(9),
        fc.nat(2),
        (cards, policy, track, cardIndex, ratingIndex) => {
          const card = cards[cardIndex];
          const rating = card?.ratings[ratingIndex];
          fc.pre(card !== undefined && rating !== undefined && rating.score < 4);
          const raisedRatings = card.ratings.map((r, i) =>
            i === ratingIndex ? { ...r, score: (r.score + 1) as RubricScore } : r,
          );
          const raised = cards.map((c, i) => (i === cardIndex ? { ...c, ratings: raisedRatings } : c));
          const candidate = { track, faangExperience: false };
          expect(rank(aggregate(raised, [RUBRIC], candidate), policy)).toBeGreaterThanOrEqual(
            rank(aggregate(cards, [RUBRIC], candidate), policy),
          );
        },
      ),
      RUNS,
    );
  });
});

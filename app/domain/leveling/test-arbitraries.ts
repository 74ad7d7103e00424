import fc from "fast-check";
import { IC_LEVELS, LEVELS } from "../levels";
import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "../screen-areas";
import { DEFAULT_POLICY, SCORED_LEVELS, type LevelingPolicy, type LevelThresholds } from "./policy";
import { PRODUCTION_CAPABILITIES, type AreaEvidence, type CandidateEvidence, type ScorecardSummary } from "./types";

const anyScore = fc.double({ min: 1, max: 4, noNaN: true });

/** Biased towards the hire bar and the default thresholds, so most cases reach a level. */
export const areaScore = fc.oneof(
  { arbitrary: fc.double({ min: 2.5, max: 4, noNaN: true }), weight: 4 },
  { arbitrary: fc.constantFrom(2.5, 2.75, 3, 3.4, 3.5, 3.75, 4), weight: 2 },
  { arbitrary: anyScore, weight: 1 },
);

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** A policy threshold: a score from `min` to 4 in hundredths, as the schema asks. */
const thresholdFrom = (min: number) => fc.integer({ min: Math.round(min * 100), max: 400 }).map((hundredths) => hundredths / 100);

/** Three optional minimums for IC4..IC6, each at least the floor and non-decreasing among those set. */
const optionalMinimums = (floor: number) =>
  fc
    .tuple(fc.array(thresholdFrom(floor), { minLength: 3, maxLength: 3 }).map(sorted), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }))
    .map(([values, present]) => values.map((value, index) => (present[index] ? value : undefined)));

type Bands = LevelingPolicy["bands"];
type ManagerEquivalents = LevelingPolicy["managerEquivalents"];

const bandPair = fc
  .uniqueArray(fc.integer({ min: 1, max: 60_000 }), { minLength: 2, maxLength: 2 })
  .map((pair) => sorted(pair))
  .map(([min = 0, max = 0]) => ({ min, max }));

/**
 * Bands the schema accepts: IC bands rising with the level (the i-th smallest minimum is
 * below the i-th smallest maximum, so sorting both keeps every min < max), and each
 * manager band at least its IC equivalent's and M2 at least M1, raised by random amounts.
 */
const bandsFor = (equivalents: ManagerEquivalents): fc.Arbitrary<Bands> =>
  fc
    .record({
      ic: fc.array(bandPair, { minLength: 4, maxLength: 4 }),
      raises: fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 4, maxLength: 4 }),
    })
    .map(({ ic, raises }) => {
      const mins = sorted(ic.map((band) => band.min));
      const maxes = sorted(ic.map((band) => band.max));
      const [IC3, IC4, IC5, IC6] = IC_LEVELS.map((_, index) => ({ min: mins[index]!, max: maxes[index]! }));
      const icBands = { IC3: IC3!, IC4: IC4!, IC5: IC5!, IC6: IC6! };
      const raise = (floor: { min: number; max: number }, [up, widen]: number[]) => {
        const min = floor.min + up!;
        return { min, max: Math.max(floor.max + widen!, min + 1) };
      };
      const M1 = raise(icBands[equivalents.M1], raises.slice(0, 2));
      const floorM2 = icBands[equivalents.M2];
      const M2 = raise({ min: Math.max(floorM2.min, M1.min), max: Math.max(floorM2.max, M1.max) }, raises.slice(2));
      return { ...icBands, M1, M2 };
    });

const scoredLevel = fc.constantFrom(...SCORED_LEVELS);

/** Any policy the schema accepts — the invariants must hold for all of them, not just the default. */
export const validPolicy: fc.Arbitrary<LevelingPolicy> = fc
  .record({
    version: fc.integer({ min: 1, max: 1000 }),
    means: fc.uniqueArray(thresholdFrom(1), { minLength: 4, maxLength: 4 }).map(sorted),
    floor: thresholdFrom(1),
    production: fc.integer({ min: 1, max: PRODUCTION_CAPABILITIES.length }),
    lifecycleOwnershipFrom: scoredLevel,
    sharedInfrastructureFrom: scoredLevel,
    managerEquivalents: fc.constantFrom(
      { M1: "IC4", M2: "IC5" } as const,
      { M1: "IC4", M2: "IC6" } as const,
      { M1: "IC5", M2: "IC6" } as const,
    ),
    premium: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 2 }).map(sorted),
    areaDisagreement: fc.integer({ min: 1, max: 300 }).map((hundredths) => hundredths / 100),
    levelSignalDistance: fc.integer({ min: 1, max: 4 }),
  })
  .chain((base) =>
    fc
      .record({ everyArea: optionalMinimums(base.floor), systemDesign: optionalMinimums(base.floor), bands: bandsFor(base.managerEquivalents) })
      .map(({ everyArea, systemDesign, bands }): LevelingPolicy => {
        const [hireBarMean = 0, ...levelMeans] = base.means;
        const thresholds = (index: number): LevelThresholds => {
          const minEveryArea = everyArea[index];
          const minMlSystemDesign = systemDesign[index];
          return {
            minMean: levelMeans[index] ?? 0,
            ...(minEveryArea === undefined ? {} : { minEveryArea }),
            ...(minMlSystemDesign === undefined ? {} : { minMlSystemDesign }),
          };
        };
        return {
          version: base.version,
          hireBar: { minEveryArea: base.floor, minMean: hireBarMean },
          scoreLevels: { IC4: thresholds(0), IC5: thresholds(1), IC6: thresholds(2) },
          production: { minCapabilities: base.production },
          gates: {
            lifecycleOwnershipFrom: base.lifecycleOwnershipFrom,
            sharedInfrastructureFrom: base.sharedInfrastructureFrom,
          },
          managerEquivalents: base.managerEquivalents,
          bands,
          faangPremiumPercent: { min: base.premium[0] ?? 0, max: base.premium[1] ?? 0 },
          flags: { areaDisagreement: base.areaDisagreement, levelSignalDistance: base.levelSignalDistance },
        };
      }),
  );

export const anyPolicy = fc.oneof(fc.constant(DEFAULT_POLICY), validPolicy);

const scorecardSummary: fc.Arbitrary<ScorecardSummary> = fc.record({
  scorecardId: fc.string({ minLength: 1, maxLength: 4 }),
  interviewerId: fc.string({ minLength: 1, maxLength: 4 }),
  areaKey: fc.constantFrom(...SCREEN_AREA_KEYS),
  score: anyScore,
  overallRecommendation: fc.constantFrom("strong_no", "no", "yes", "strong_yes"),
  levelSignal: fc.option(fc.constantFrom(...LEVELS), { nil: null }),
});

const areaEvidence: fc.Arbitrary<AreaEvidence> = fc.record({
  score: areaScore,
  disagreement: fc.double({ min: 0, max: 3, noNaN: true }),
});

/** True four times in five, so the caps and gates let most candidates through. */
const mostlyTrue = fc.integer({ min: 1, max: 5 }).map((n) => n > 1);

/** Mostly complete evidence with most kinds of evidence present, so every level is reached often. */
export const evidence: fc.Arbitrary<CandidateEvidence> = fc.record({
  track: fc.constantFrom("IC", "M"),
  faangExperience: fc.boolean(),
  areas: fc.tuple(...SCREEN_AREA_KEYS.map(() => fc.option(areaEvidence, { freq: 40, nil: undefined }))).map((areas) => {
    const present: Partial<Record<ScreenAreaKey, AreaEvidence>> = {};
    SCREEN_AREA_KEYS.forEach((areaKey, index) => {
      const area = areas[index];
      if (area !== undefined) present[areaKey] = area;
    });
    return present;
  }),
  production: fc.record({
    serving: mostlyTrue,
    monitoring: mostlyTrue,
    featureStore: mostlyTrue,
    modelCicd: mostlyTrue,
  }),
  lifecycleOwnership: mostlyTrue,
  sharedInfrastructure: mostlyTrue,
  peopleManagement: mostlyTrue,
  scorecards: fc.array(scorecardSummary, { maxLength: 6 }),
});

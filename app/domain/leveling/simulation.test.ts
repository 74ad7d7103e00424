import { describe, expect, it } from "vitest";
import { SCREEN_AREA_KEYS } from "../screen-areas";
import { level } from "./level";
import { DEFAULT_POLICY, type LevelingPolicy } from "./policy";
import { emptyCounts, outcomeKey, simulatePolicy, type SimulationRow, type StoredOutcome } from "./simulation";
import { makeEvidence, NO_PRODUCTION } from "./test-fixtures";
import type { CandidateEvidence } from "./types";

function stored(evidence: CandidateEvidence, policy: LevelingPolicy = DEFAULT_POLICY): StoredOutcome {
  const { status, level: recommended, band, premiumBand } = level(evidence, policy);
  return { status, level: recommended, band, premiumBand };
}

function row(candidateId: string, evidence: CandidateEvidence, name = candidateId): SimulationRow {
  return { candidateId, name, evidence, current: stored(evidence) };
}

/** IC4 needs a mean of 3.2 instead of 3.0 (and IC5 3.5, to stay ordered). */
const STRICTER: LevelingPolicy = {
  ...DEFAULT_POLICY,
  version: 2,
  scoreLevels: {
    ...DEFAULT_POLICY.scoreLevels,
    IC4: { minMean: 3.2, minMlSystemDesign: 3.0 },
    IC5: { minMean: 3.5, minMlSystemDesign: 3.5 },
  },
};

describe("simulatePolicy", () => {
  const ic4 = makeEvidence({ scores: { ml_system_design: 3.1 } });
  const strongIc4 = makeEvidence({ scores: { ...Object.fromEntries(SCREEN_AREA_KEYS.map((k) => [k, 3.3])) } });
  const ic3 = makeEvidence({ production: NO_PRODUCTION });
  const noHire = makeEvidence({ scores: { code_quality: 2 } });
  const incomplete = makeEvidence({ scores: { code_quality: undefined } });
  const rows = [row("a", ic4, "Zoe"), row("b", strongIc4, "Ana"), row("c", ic3), row("d", noHire), row("e", incomplete)];

  it("changes nothing under the policy the results were stored with", () => {
    const summary = simulatePolicy(rows, DEFAULT_POLICY);
    expect(summary.changes).toEqual([]);
    expect(summary.before).toEqual(summary.after);
    expect(summary.total).toBe(5);
    expect(summary.before).toMatchObject({ IC4: 2, IC3: 1, no_hire: 1, incomplete: 1 });
  });

  it("counts outcomes before and after and lists who moves, with both explanations", () => {
    const summary = simulatePolicy(rows, STRICTER, { currentPolicy: DEFAULT_POLICY });
    expect(summary.policyVersion).toBe(2);
    expect(summary.before).toEqual({ ...emptyCounts(), IC4: 2, IC3: 1, no_hire: 1, incomplete: 1 });
    expect(summary.after).toEqual({ ...emptyCounts(), IC4: 1, IC3: 2, no_hire: 1, incomplete: 1 });
    expect(summary.changes).toHaveLength(1);
    const [change] = summary.changes;
    expect(change).toMatchObject({ candidateId: "a", name: "Zoe", changed: ["level", "band"], movement: "down" });
    expect(change!.before).toMatchObject({ level: "IC4", band: DEFAULT_POLICY.bands.IC4 });
    expect(change!.after).toMatchObject({ level: "IC3", band: DEFAULT_POLICY.bands.IC3 });
    expect(change!.before.explanation?.find((step) => step.rule === "score_level")?.message).toMatch(/IC4/);
    expect(change!.after.explanation.find((step) => step.rule === "score_level")?.message).toMatch(/IC3/);
  });

  it("reports a band change at the same level as a pay change", () => {
    const richer = { ...DEFAULT_POLICY, version: 3, bands: { ...DEFAULT_POLICY.bands, IC3: { min: 4500, max: 6500 } } };
    const summary = simulatePolicy(rows, richer);
    expect(summary.changes.map((change) => [change.candidateId, change.changed, change.movement])).toEqual([["c", ["band"], "pay"]]);
    expect(summary.changes[0]!.before.explanation).toBeUndefined();
    expect(summary.before).toEqual(summary.after);
  });

  it("reports a premium change only for candidates with FAANG-type experience", () => {
    const faang = row("f", makeEvidence({ faangExperience: true, scores: { ml_system_design: 3.1 } }));
    const summary = simulatePolicy([...rows, faang], { ...DEFAULT_POLICY, faangPremiumPercent: { min: 25, max: 50 } });
    expect(summary.changes.map((change) => [change.candidateId, change.changed])).toEqual([["f", ["premium"]]]);
  });

  it("sorts changes by name", () => {
    const summary = simulatePolicy([row("x", ic4, "Zoe"), row("y", ic4, "Ana"), row("z", ic4, "Ana")], STRICTER);
    expect(summary.changes.map((change) => change.candidateId)).toEqual(["y", "z", "x"]);
  });

  it("sets aside evidence it cannot read instead of failing the whole simulation", () => {
    const broken = { candidateId: "broken", evidence: {} as CandidateEvidence, current: stored(ic4) };
    const summary = simulatePolicy([...rows, broken], STRICTER);
    expect(summary.unreadable).toEqual(["broken"]);
    expect(summary.total).toBe(5);
  });

  it("processes 10,000 synthetic candidates and agrees with leveling each one directly", () => {
    const random = mulberry32(42);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const synthetic: SimulationRow[] = Array.from({ length: 10_000 }, (_, index) => {
      const scores = Object.fromEntries(SCREEN_AREA_KEYS.map((areaKey) => [areaKey, 2 + Math.round(random() * 200) / 100]));
      if (random() < 0.05) scores.code_quality = undefined as unknown as number;
      const evidence = makeEvidence({
        scores,
        track: random() < 0.1 ? "M" : "IC",
        faangExperience: random() < 0.2,
        production: random() < 0.15 ? NO_PRODUCTION : { serving: true, monitoring: random() < 0.5, featureStore: false, modelCicd: false },
        lifecycleOwnership: random() < 0.8,
        sharedInfrastructure: random() < 0.5,
        peopleManagement: random() < 0.3,
        scorecards: SCREEN_AREA_KEYS.map((areaKey, i) => ({
          scorecardId: `s-${index}-${i}`,
          interviewerId: `i-${i}`,
          areaKey,
          score: 3,
          overallRecommendation: pick(["strong_no", "no", "yes", "strong_yes"] as const),
          levelSignal: pick([null, "IC3", "IC4", "IC5"] as const),
        })),
      });
      return { candidateId: `candidate-${index}`, name: `Candidate ${index}`, evidence, current: stored(evidence) };
    });

    const summary = simulatePolicy(synthetic, STRICTER, { currentPolicy: DEFAULT_POLICY });

    const expectedAfter = emptyCounts();
    const expectedChanged = new Set<string>();
    for (const candidate of synthetic) {
      const recommendation = level(candidate.evidence, STRICTER);
      expectedAfter[outcomeKey(recommendation)] += 1;
      if (recommendation.level !== candidate.current.level || recommendation.band?.min !== candidate.current.band?.min) {
        expectedChanged.add(candidate.candidateId);
      }
    }
    expect(summary.total).toBe(10_000);
    expect(summary.unreadable).toEqual([]);
    expect(summary.after).toEqual(expectedAfter);
    expect(Object.values(summary.before).reduce((sum, count) => sum + count, 0)).toBe(10_000);
    expect(new Set(summary.changes.map((change) => change.candidateId))).toEqual(expectedChanged);
    expect(summary.changes.length).toBeGreaterThan(100);
  });
});

/** A small seeded generator, so the synthetic population is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

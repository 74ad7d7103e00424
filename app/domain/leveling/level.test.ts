import { describe, expect, it } from "vitest";
import { level } from "./level";
import { DEFAULT_POLICY, type LevelingPolicy } from "./policy";
import { allAreas, makeEvidence, NO_PRODUCTION, summary } from "./test-fixtures";
import type { Recommendation } from "./types";

const recommend = (...args: Parameters<typeof makeEvidence>) => level(makeEvidence(...args), DEFAULT_POLICY);
const messages = (recommendation: Recommendation) => recommendation.explanation.map((step) => step.message);
const stepOf = (recommendation: Recommendation, rule: string) =>
  recommendation.explanation.find((step) => step.rule === rule);

/** Scores that reach each IC level under the default policy, with every kind of evidence present. */
const IC3_SCORES = allAreas(2.75);
const IC4_SCORES = allAreas(3);
const IC5_SCORES = { ...allAreas(3.4), ml_system_design: 3.5, code_quality: 3.3 }; // mean 3.4
const IC6_SCORES = allAreas(3.75);

function policyWith(change: (policy: LevelingPolicy) => void): LevelingPolicy {
  const policy = structuredClone(DEFAULT_POLICY);
  change(policy);
  return policy;
}

describe("completeness", () => {
  const incomplete = recommend({ scores: { feature_engineering: undefined, code_quality: undefined } });

  it("gives no recommendation while an area has no submitted scorecard", () => {
    expect(incomplete).toMatchObject({ status: "incomplete", level: null, band: null, premiumBand: null });
  });

  it("lists the missing areas in the explanation and as a flag", () => {
    expect(stepOf(incomplete, "completeness")).toEqual({
      rule: "completeness",
      outcome: "not_met",
      message:
        "Incomplete: no submitted scorecard yet for Feature engineering, Code quality (2 of 5 areas) — no recommendation until every area is scored",
    });
    expect(incomplete.flags).toContainEqual({
      kind: "missing_areas",
      areaKeys: ["feature_engineering", "code_quality"],
      message: "No submitted scorecard for Feature engineering, Code quality",
    });
  });

  it("stops before the hire bar", () => {
    expect(incomplete.explanation.map((step) => step.rule)).toEqual(["completeness", "flags"]);
  });

  it("is incomplete even when the scores present are far below the bar", () => {
    expect(recommend({ scores: { ...allAreas(1), code_quality: undefined } }).status).toBe("incomplete");
  });
});

describe("hire bar", () => {
  it.each([
    [2.5, "recommended"],
    [2.49, "no_hire"],
  ])("an area at %s with the others high → %s", (score, status) => {
    expect(recommend({ scores: { feature_engineering: score } }).status).toBe(status);
  });

  it.each([
    [2.75, "recommended"],
    [2.74, "no_hire"],
  ])("a mean of %s with every area above the floor → %s", (score, status) => {
    expect(recommend({ scores: allAreas(score) }).status).toBe(status);
  });

  it("names each failing area and the mean, with the numbers compared", () => {
    const noHire = recommend({ scores: { ...allAreas(2.6), problem_formulation: 2.49, code_quality: 2.1 } });
    expect(noHire).toMatchObject({ status: "no_hire", level: null, band: null, premiumBand: null });
    expect(stepOf(noHire, "hire_bar")).toEqual({
      rule: "hire_bar",
      outcome: "not_met",
      message:
        "No hire — below the hire bar: mean 2.48 < 2.75, Problem formulation 2.49 < 2.50, Code quality 2.10 < 2.50 (every area needs ≥ 2.50)",
    });
  });

  it("shows enough decimals that a failing score never reads as equal to the threshold", () => {
    const noHire = recommend({ scores: { model_development: 2.4999 } });
    expect(stepOf(noHire, "hire_bar")?.message).toContain("Model development 2.4999 < 2.50");
  });

  it("treats floating-point noise below a threshold as meeting it", () => {
    expect(recommend({ scores: { model_development: 2.5 - 1e-12 } }).status).toBe("recommended");
    expect(recommend({ scores: { model_development: 2.5 - 1e-6 } }).status).toBe("no_hire");
    // these five average to exactly 2.75, computed as 2.7499999999999996 in binary floating point
    const noisy = {
      problem_formulation: 2.5,
      feature_engineering: 2.51,
      model_development: 2.55,
      ml_system_design: 2.75,
      code_quality: 3.44,
    };
    expect((2.5 + 2.51 + 2.55 + 2.75 + 3.44) / 5).toBeLessThan(2.75);
    expect(recommend({ scores: noisy }).status).toBe("recommended");
  });

  it("states the lowest area and the mean when met", () => {
    expect(stepOf(recommend({ scores: { ml_system_design: 2.9 } }), "hire_bar")?.message).toBe(
      "Hire bar met: mean 2.98 ≥ 2.75, every area ≥ 2.50 (lowest: ML system design 2.90)",
    );
  });
});

describe("score level", () => {
  it.each([
    ["IC3 at the hire bar", IC3_SCORES, "IC3"],
    ["IC4 at mean 3.0 and system design 3.0", IC4_SCORES, "IC4"],
    ["IC3 with system design just below 3.0", { ...allAreas(3.1), ml_system_design: 2.99 }, "IC3"],
    ["IC3 with the mean just below 3.0", { ...allAreas(2.99), ml_system_design: 3.0 }, "IC3"],
    ["IC5 at mean 3.4 and system design 3.5", IC5_SCORES, "IC5"],
    ["IC4 with system design just below 3.5", { ...allAreas(3.5), ml_system_design: 3.49 }, "IC4"],
    ["IC4 with the mean just below 3.4", { ...allAreas(3.37), ml_system_design: 3.5 }, "IC4"], // mean 3.396
    ["IC6 at mean 3.75 and an area at 3.5", { ...allAreas(3.8125), code_quality: 3.5 }, "IC6"],
    ["IC6 at mean 3.75 exactly", IC6_SCORES, "IC6"],
    ["IC5 with one area just below 3.5", { ...allAreas(4), feature_engineering: 3.49 }, "IC5"],
    ["IC5 with the mean just below 3.75", allAreas(3.74), "IC5"],
  ])("%s", (_name, scores, expected) => {
    expect(recommend({ scores }).level).toBe(expected);
  });

  it("explains the level reached and what the next level missed", () => {
    const recommendation = recommend({ scores: { ...allAreas(3.2), ml_system_design: 3.1 } });
    expect(stepOf(recommendation, "score_level")).toEqual({
      rule: "score_level",
      outcome: "info",
      message:
        "Scores reach IC4: mean 3.18 ≥ 3.00, ML system design 3.10 ≥ 3.00. Not IC5: mean 3.18 < 3.40, ML system design 3.10 < 3.50",
    });
  });

  it("explains IC3 as the hire bar", () => {
    expect(stepOf(recommend({ scores: { ...allAreas(3.1), ml_system_design: 2.99 } }), "score_level")?.message).toBe(
      "Scores reach IC3 (the hire bar). Not IC4: ML system design 2.99 < 3.00",
    );
  });

  it("names the areas below IC6's every-area minimum", () => {
    const message = stepOf(
      recommend({ scores: { ...allAreas(4), feature_engineering: 3.49 } }),
      "score_level",
    )?.message;
    expect(message).toContain("Not IC6: Feature engineering 3.49 < 3.50 (every area needs ≥ 3.50)");
  });

  it("requires the thresholds of every level below (levels are cumulative)", () => {
    // IC5 sets no system-design minimum here, so IC4's 3.0 still applies
    const policy = policyWith((p) => {
      p.scoreLevels.IC5 = { minMean: 3.4 };
      p.scoreLevels.IC6 = { minMean: 3.9 };
    });
    expect(level(makeEvidence({ scores: { ...allAreas(3.6), ml_system_design: 2.9 } }), policy).level).toBe("IC3");
    expect(level(makeEvidence({ scores: { ...allAreas(3.6), ml_system_design: 3.0 } }), policy).level).toBe("IC5");
  });
});

describe("production cap", () => {
  it("caps a candidate without production experience at IC3 and names what was missing", () => {
    const recommendation = recommend({ scores: IC6_SCORES, production: NO_PRODUCTION });
    expect(recommendation.level).toBe("IC3");
    expect(stepOf(recommendation, "production_cap")).toEqual({
      rule: "production_cap",
      outcome: "capped",
      message:
        "Capped at IC3: no production experience — serving, monitoring, feature stores, CI/CD for models not evidenced by any interviewer (needs at least 1 of 4)",
    });
  });

  it("lets one evidenced capability through under the default minimum of 1", () => {
    const recommendation = recommend({ scores: IC6_SCORES, production: { ...NO_PRODUCTION, featureStore: true } });
    expect(recommendation.level).toBe("IC6");
    expect(stepOf(recommendation, "production_cap")).toEqual({
      rule: "production_cap",
      outcome: "met",
      message: "Production experience: feature stores evidenced (needs at least 1 of 4)",
    });
  });

  it("applies a tuned minimum", () => {
    const policy = policyWith((p) => (p.production.minCapabilities = 2));
    const evidence = makeEvidence({ scores: IC5_SCORES, production: { ...NO_PRODUCTION, serving: true } });
    const recommendation = level(evidence, policy);
    expect(recommendation.level).toBe("IC3");
    expect(stepOf(recommendation, "production_cap")?.message).toBe(
      "Capped at IC3: not enough production experience — only serving evidenced; monitoring, feature stores, CI/CD for models not evidenced by any interviewer (needs at least 2 of 4)",
    );
    expect(level({ ...evidence, production: { ...evidence.production, monitoring: true } }, policy).level).toBe("IC5");
  });

  it("reports missing production experience without effect when the scores only reach IC3", () => {
    const recommendation = recommend({ scores: IC3_SCORES, production: NO_PRODUCTION });
    expect(recommendation.level).toBe("IC3");
    expect(stepOf(recommendation, "production_cap")?.outcome).toBe("not_met");
    expect(stepOf(recommendation, "production_cap")?.message).toMatch(/^No effect at IC3: no production experience/);
  });

  it("keeps a manager-track candidate without production experience off the manager levels", () => {
    const recommendation = recommend({
      scores: IC6_SCORES,
      production: NO_PRODUCTION,
      track: "M",
      peopleManagement: true,
    });
    expect(recommendation.level).toBe("IC3");
  });
});

describe("lifecycle gate", () => {
  it("caps at IC3 without full-lifecycle ownership", () => {
    const recommendation = recommend({ scores: IC5_SCORES, lifecycleOwnership: false });
    expect(recommendation.level).toBe("IC3");
    expect(stepOf(recommendation, "lifecycle_gate")).toEqual({
      rule: "lifecycle_gate",
      outcome: "capped",
      message:
        "Capped at IC3: no interviewer evidenced full-lifecycle ownership through deployment, monitoring and iteration (needed from IC4)",
    });
  });

  it("is met with lifecycle ownership", () => {
    expect(stepOf(recommend({ scores: IC4_SCORES }), "lifecycle_gate")).toEqual({
      rule: "lifecycle_gate",
      outcome: "met",
      message:
        "Lifecycle gate met: full-lifecycle ownership through deployment, monitoring and iteration evidenced (needed from IC4)",
    });
  });

  it("starts at the policy's level", () => {
    const policy = policyWith((p) => (p.gates.lifecycleOwnershipFrom = "IC5"));
    expect(level(makeEvidence({ scores: IC5_SCORES, lifecycleOwnership: false }), policy).level).toBe("IC4");
  });
});

describe("shared-infrastructure gate", () => {
  it("caps at IC4 without shared ML infrastructure", () => {
    const recommendation = recommend({ scores: IC6_SCORES, sharedInfrastructure: false });
    expect(recommendation.level).toBe("IC4");
    expect(stepOf(recommendation, "shared_infrastructure_gate")).toEqual({
      rule: "shared_infrastructure_gate",
      outcome: "capped",
      message:
        "Capped at IC4: no interviewer evidenced shared ML infrastructure that other engineers used (needed from IC5)",
    });
  });

  it("has no effect at IC4", () => {
    const recommendation = recommend({ scores: IC4_SCORES, sharedInfrastructure: false });
    expect(recommendation.level).toBe("IC4");
    expect(stepOf(recommendation, "shared_infrastructure_gate")?.outcome).toBe("not_met");
  });

  it("starts at the policy's level", () => {
    const policy = policyWith((p) => (p.gates.sharedInfrastructureFrom = "IC6"));
    expect(level(makeEvidence({ scores: IC6_SCORES, sharedInfrastructure: false }), policy).level).toBe("IC5");
  });
});

describe("rule order", () => {
  it("applies the rules in order, each cap seeing the level left by the one before", () => {
    const recommendation = recommend({
      scores: IC6_SCORES,
      production: NO_PRODUCTION,
      lifecycleOwnership: false,
      sharedInfrastructure: false,
      track: "M",
      faangExperience: true,
    });
    expect(recommendation.explanation.map((step) => [step.rule, step.outcome])).toEqual([
      ["completeness", "met"],
      ["hire_bar", "met"],
      ["score_level", "info"],
      ["production_cap", "capped"],
      ["lifecycle_gate", "not_met"],
      ["shared_infrastructure_gate", "not_met"],
      ["manager_track", "not_met"],
      ["band", "info"],
      ["premium", "met"],
      ["flags", "info"],
    ]);
  });

  it("has no manager-track step on the IC track", () => {
    expect(stepOf(recommend(), "manager_track")).toBeUndefined();
  });
});

describe("manager track", () => {
  const manager = (scores: Record<string, number>, peopleManagement = true) =>
    recommend({ scores, track: "M", peopleManagement });

  it("recommends M1 for what IC4 needs plus people management", () => {
    const recommendation = manager(IC4_SCORES);
    expect(recommendation).toMatchObject({ level: "M1", band: { min: 7000, max: 10000 } });
    expect(stepOf(recommendation, "manager_track")).toEqual({
      rule: "manager_track",
      outcome: "met",
      message: "Manager track: M1 — reaches IC4, which M1 needs, and people management evidenced",
    });
  });

  it("recommends M2 for what IC5 needs plus people management", () => {
    expect(manager(IC5_SCORES)).toMatchObject({ level: "M2", band: { min: 10000, max: 15000 } });
  });

  it("falls back to the IC level without people management", () => {
    const recommendation = manager(IC5_SCORES, false);
    expect(recommendation.level).toBe("IC5");
    expect(stepOf(recommendation, "manager_track")?.message).toBe(
      "Manager track: falls back to IC5 on the IC track — no interviewer evidenced people management",
    );
  });

  it("falls back to IC3 when the IC result is below what M1 needs", () => {
    const recommendation = manager(IC3_SCORES);
    expect(recommendation.level).toBe("IC3");
    expect(stepOf(recommendation, "manager_track")?.message).toBe(
      "Manager track: falls back to IC3 on the IC track — M1 needs what IC4 needs, the candidate reaches IC3",
    );
  });

  it("falls back when a gate caps the IC result below what M2 needs", () => {
    expect(
      recommend({ scores: IC5_SCORES, track: "M", peopleManagement: true, sharedInfrastructure: false }).level,
    ).toBe("M1");
  });

  it("keeps IC6 rather than recommending M2, which ranks lower", () => {
    const recommendation = manager(IC6_SCORES);
    expect(recommendation.level).toBe("IC6");
    expect(stepOf(recommendation, "manager_track")?.message).toBe(
      "Manager track: falls back to IC6 on the IC track — IC6 outranks M2 (≈ IC5), so a manager level would lower the recommendation",
    );
  });

  it("follows the policy's equivalents", () => {
    const policy = policyWith((p) => (p.managerEquivalents = { M1: "IC5", M2: "IC6" }));
    const evidence = (scores: Record<string, number>) => makeEvidence({ scores, track: "M", peopleManagement: true });
    expect(level(evidence(IC4_SCORES), policy).level).toBe("IC4");
    expect(level(evidence(IC5_SCORES), policy).level).toBe("M1");
    expect(level(evidence(IC6_SCORES), policy).level).toBe("M2");
  });
});

describe("band and premium", () => {
  it.each([
    ["IC3", IC3_SCORES, "IC", { min: 4000, max: 6000 }],
    ["IC4", IC4_SCORES, "IC", { min: 7000, max: 10000 }],
    ["IC5", IC5_SCORES, "IC", { min: 10000, max: 15000 }],
    ["IC6", IC6_SCORES, "IC", { min: 15000, max: 20000 }],
    ["M1", IC4_SCORES, "M", { min: 7000, max: 10000 }],
    ["M2", IC5_SCORES, "M", { min: 10000, max: 15000 }],
  ] as const)("gives %s its band", (expected, scores, track, band) => {
    const recommendation = recommend({ scores, track, peopleManagement: true });
    expect(recommendation).toMatchObject({ level: expected, band, premiumBand: null });
  });

  it("adds the FAANG-type premium: min × 1.2, max × 1.5", () => {
    const recommendation = recommend({ scores: IC4_SCORES, faangExperience: true });
    expect(recommendation.band).toEqual({ min: 7000, max: 10000 });
    expect(recommendation.premiumBand).toEqual({ min: 8400, max: 15000 });
    expect(messages(recommendation)).toContain("Band for IC4 (Senior ML Engineer): 7,000–10,000 USD/month");
    expect(messages(recommendation)).toContain(
      "FAANG-type experience: premium +20% to +50% gives 8,400–15,000 USD/month",
    );
  });

  it("says when there is no premium", () => {
    expect(stepOf(recommend(), "premium")).toEqual({
      rule: "premium",
      outcome: "not_met",
      message: "No FAANG-type experience: no premium",
    });
  });

  it("rounds the premium band to whole dollars", () => {
    const policy = policyWith((p) => {
      p.bands.IC4 = { min: 7001, max: 10003 };
      p.faangPremiumPercent = { min: 33, max: 33.3 };
    });
    // 7001 × 1.33 = 9311.33; 10003 × 1.333 = 13333.999
    expect(level(makeEvidence({ scores: IC4_SCORES, faangExperience: true }), policy).premiumBand).toEqual({
      min: 9311,
      max: 13334,
    });
  });

  it("gives no band or premium without a level", () => {
    expect(recommend({ scores: allAreas(2), faangExperience: true })).toMatchObject({ band: null, premiumBand: null });
    expect(recommend({ scores: { code_quality: undefined }, faangExperience: true })).toMatchObject({
      band: null,
      premiumBand: null,
    });
  });

  it("returns bands the caller can change without changing the policy", () => {
    const { band } = recommend({ scores: IC4_SCORES });
    if (band === null) throw new Error("expected a band");
    band.min = 1;
    expect(DEFAULT_POLICY.bands.IC4.min).toBe(7000);
  });
});

describe("flags", () => {
  it("flags each strong no", () => {
    const recommendation = recommend({
      scorecards: [
        summary({
          scorecardId: "s1",
          interviewerId: "ana",
          areaKey: "code_quality",
          overallRecommendation: "strong_no",
        }),
      ],
    });
    expect(recommendation.flags).toEqual([
      {
        kind: "strong_no",
        scorecardId: "s1",
        interviewerId: "ana",
        areaKey: "code_quality",
        message: "Strong no from interviewer ana in Code quality",
      },
    ]);
    expect(stepOf(recommendation, "flags")?.message).toBe("1 flag calls for a debrief: strong no ×1");
  });

  it.each([
    [1.5, true],
    [1.49, false],
  ])("flags an area whose interviewers differ by %s: %s", (spread, flagged) => {
    const flags = recommend({ disagreement: { ml_system_design: spread } }).flags;
    expect(flags.some((flag) => flag.kind === "area_disagreement")).toBe(flagged);
  });

  it("explains an area disagreement with its numbers", () => {
    expect(recommend({ disagreement: { feature_engineering: 1.75 } }).flags).toEqual([
      {
        kind: "area_disagreement",
        areaKey: "feature_engineering",
        spread: 1.75,
        message: "Feature engineering: interviewers' scores differ by 1.75 points (flagged at 1.50 or more)",
      },
    ]);
  });

  it("flags a level signal two or more levels from the final recommendation", () => {
    const recommendation = recommend({
      scores: IC4_SCORES,
      scorecards: [
        summary({ scorecardId: "s1", interviewerId: "ana", levelSignal: "IC6" }),
        summary({ scorecardId: "s2", interviewerId: "ben", levelSignal: "IC5" }),
        summary({ scorecardId: "s3", interviewerId: "eva", levelSignal: "IC3" }),
      ],
    });
    expect(recommendation.flags).toEqual([
      {
        kind: "level_signal_mismatch",
        scorecardId: "s1",
        interviewerId: "ana",
        areaKey: "ml_system_design",
        levelSignal: "IC6",
        distance: 2,
        message: "Interviewer ana (ML system design) saw IC6, 2 levels from the recommendation (IC4)",
      },
    ]);
  });

  it("measures against the final level, after caps", () => {
    const recommendation = recommend({
      scores: IC5_SCORES,
      lifecycleOwnership: false,
      scorecards: [summary({ levelSignal: "IC5" })],
    });
    expect(recommendation.level).toBe("IC3");
    expect(recommendation.flags.map((flag) => flag.kind)).toEqual(["level_signal_mismatch"]);
  });

  it("ranks manager levels with their IC equivalents (M1 ≈ IC4, M2 ≈ IC5)", () => {
    const m2Signal = recommend({ scores: IC3_SCORES, scorecards: [summary({ levelSignal: "M2" })] });
    expect(m2Signal.flags[0]?.message).toBe(
      "Interviewer interviewer-1 (ML system design) saw M2 (≈ IC5), 2 levels from the recommendation (IC3)",
    );
    const m1Recommended = recommend({
      scores: IC4_SCORES,
      track: "M",
      peopleManagement: true,
      scorecards: [summary({ levelSignal: "IC6" }), summary({ levelSignal: "IC5" })],
    });
    expect(m1Recommended.level).toBe("M1");
    expect(m1Recommended.flags.map((flag) => flag.kind === "level_signal_mismatch" && flag.levelSignal)).toEqual([
      "IC6",
    ]);
  });

  it("counts no hire as one level below IC3", () => {
    const noHire = recommend({
      scores: allAreas(2),
      scorecards: [summary({ levelSignal: "IC4" }), summary({ levelSignal: "IC3" })],
    });
    expect(noHire.status).toBe("no_hire");
    expect(noHire.flags.map((flag) => flag.message)).toEqual([
      "Interviewer interviewer-1 (ML system design) saw IC4, 2 levels from the recommendation (no hire)",
    ]);
  });

  it("raises strong-no and disagreement flags while incomplete, but no level-signal mismatch", () => {
    const recommendation = recommend({
      scores: { code_quality: undefined },
      disagreement: { ml_system_design: 2 },
      scorecards: [summary({ overallRecommendation: "strong_no", levelSignal: "IC6" })],
    });
    expect(recommendation.flags.map((flag) => flag.kind)).toEqual(["strong_no", "area_disagreement", "missing_areas"]);
    expect(stepOf(recommendation, "flags")?.message).toBe(
      "3 flags call for a debrief: strong no ×1, area disagreement ×1, missing areas ×1",
    );
  });

  it("says when there are no flags", () => {
    const recommendation = recommend();
    expect(recommendation.flags).toEqual([]);
    expect(stepOf(recommendation, "flags")?.message).toBe("No flags");
  });

  it("uses the policy's thresholds", () => {
    const policy = policyWith((p) => {
      p.flags = { areaDisagreement: 1, levelSignalDistance: 1 };
    });
    const evidence = makeEvidence({
      scores: IC4_SCORES,
      disagreement: { code_quality: 1 },
      scorecards: [summary({ levelSignal: "IC5" })],
    });
    expect(level(evidence, policy).flags.map((flag) => flag.kind)).toEqual([
      "area_disagreement",
      "level_signal_mismatch",
    ]);
  });
});

describe("recommendation", () => {
  it("carries the policy version", () => {
    expect(
      level(
        makeEvidence(),
        policyWith((p) => (p.version = 7)),
      ).policyVersion,
    ).toBe(7);
  });

  it("explains the worked example from the brief", () => {
    const recommendation = recommend({
      scores: {
        problem_formulation: 3.2,
        feature_engineering: 3.0,
        model_development: 3.8,
        ml_system_design: 2.9,
        code_quality: 3.1,
      },
      production: { ...NO_PRODUCTION, serving: true },
      sharedInfrastructure: false,
    });
    expect(recommendation).toMatchObject({
      status: "recommended",
      level: "IC3",
      band: { min: 4000, max: 6000 },
      premiumBand: null,
    });
    expect(messages(recommendation)).toEqual([
      "Complete: all 5 screen areas have submitted scorecards",
      "Hire bar met: mean 3.20 ≥ 2.75, every area ≥ 2.50 (lowest: ML system design 2.90)",
      "Scores reach IC3 (the hire bar). Not IC4: ML system design 2.90 < 3.00",
      "Production experience: serving evidenced (needs at least 1 of 4)",
      "Lifecycle gate met: full-lifecycle ownership through deployment, monitoring and iteration evidenced (needed from IC4)",
      "No effect at IC3: no interviewer evidenced shared ML infrastructure that other engineers used (needed from IC5)",
      "Band for IC3 (Semi Senior ML Engineer): 4,000–6,000 USD/month",
      "No FAANG-type experience: no premium",
      "No flags",
    ]);
  });
});

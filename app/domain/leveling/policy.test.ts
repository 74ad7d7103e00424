import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, parsePolicy, type LevelingPolicy } from "./policy";

/** A deep copy of the default policy with one change applied. */
function policyWith(change: (policy: LevelingPolicy) => void): unknown {
  const policy = structuredClone(DEFAULT_POLICY);
  change(policy);
  return policy;
}

function issuesOf(json: unknown) {
  const result = parsePolicy(json);
  if (result.ok) throw new Error("expected the policy to be rejected");
  return result.issues;
}

describe("DEFAULT_POLICY", () => {
  it("is valid", () => {
    expect(parsePolicy(DEFAULT_POLICY)).toEqual({ ok: true, value: DEFAULT_POLICY });
  });

  it("holds DOMAIN.md's defaults", () => {
    expect(DEFAULT_POLICY.version).toBe(1);
    expect(DEFAULT_POLICY.hireBar).toEqual({ minEveryArea: 2.5, minMean: 2.75 });
    expect(DEFAULT_POLICY.scoreLevels).toEqual({
      IC4: { minMean: 3.0, minMlSystemDesign: 3.0 },
      IC5: { minMean: 3.4, minMlSystemDesign: 3.5 },
      IC6: { minMean: 3.75, minEveryArea: 3.5 },
    });
    expect(DEFAULT_POLICY.production.minCapabilities).toBe(1);
    expect(DEFAULT_POLICY.gates).toEqual({ lifecycleOwnershipFrom: "IC4", sharedInfrastructureFrom: "IC5" });
    expect(DEFAULT_POLICY.managerEquivalents).toEqual({ M1: "IC4", M2: "IC5" });
    expect(DEFAULT_POLICY.bands).toEqual({
      IC3: { min: 4000, max: 6000 },
      IC4: { min: 7000, max: 10000 },
      IC5: { min: 10000, max: 15000 },
      IC6: { min: 15000, max: 20000 },
      M1: { min: 7000, max: 10000 },
      M2: { min: 10000, max: 15000 },
    });
    expect(DEFAULT_POLICY.faangPremiumPercent).toEqual({ min: 20, max: 50 });
    expect(DEFAULT_POLICY.flags).toEqual({ areaDisagreement: 1.5, levelSignalDistance: 2 });
  });
});

describe("parsePolicy rejects", () => {
  it.each([
    [
      "IC4 mean not above the hire bar mean",
      (p: LevelingPolicy) => (p.scoreLevels.IC4.minMean = 2.75),
      "scoreLevels.IC4.minMean",
      "must be greater than hireBar.minMean (2.75)",
    ],
    [
      "IC5 mean not above IC4",
      (p: LevelingPolicy) => (p.scoreLevels.IC5.minMean = 3.0),
      "scoreLevels.IC5.minMean",
      "must be greater than scoreLevels.IC4.minMean (3)",
    ],
    [
      "IC6 mean below IC5",
      (p: LevelingPolicy) => (p.scoreLevels.IC6.minMean = 3.3),
      "scoreLevels.IC6.minMean",
      "must be greater than scoreLevels.IC5.minMean (3.4)",
    ],
    [
      "a lower ML system design minimum at IC5 than at IC4",
      (p: LevelingPolicy) => (p.scoreLevels.IC5.minMlSystemDesign = 2.9),
      "scoreLevels.IC5.minMlSystemDesign",
      "must be at least scoreLevels.IC4.minMlSystemDesign (3)",
    ],
    [
      "an ML system design minimum below the hire bar's floor",
      (p: LevelingPolicy) => (p.scoreLevels.IC4.minMlSystemDesign = 2.4),
      "scoreLevels.IC4.minMlSystemDesign",
      "must be at least hireBar.minEveryArea (2.5)",
    ],
    [
      "an every-area minimum below the hire bar's floor",
      (p: LevelingPolicy) => (p.scoreLevels.IC6.minEveryArea = 2.4),
      "scoreLevels.IC6.minEveryArea",
      "must be at least hireBar.minEveryArea (2.5)",
    ],
    [
      "a decreasing every-area minimum",
      (p: LevelingPolicy) => {
        p.scoreLevels.IC5.minEveryArea = 3.6;
      },
      "scoreLevels.IC6.minEveryArea",
      "must be at least scoreLevels.IC5.minEveryArea (3.6)",
    ],
    [
      "a score above 4",
      (p: LevelingPolicy) => (p.scoreLevels.IC6.minMean = 4.2),
      "scoreLevels.IC6.minMean",
      "must be a score between 1 and 4",
    ],
    [
      "a score below 1",
      (p: LevelingPolicy) => (p.hireBar.minEveryArea = 0.5),
      "hireBar.minEveryArea",
      "must be a score between 1 and 4",
    ],
    [
      "a band whose min is not below its max",
      (p: LevelingPolicy) => (p.bands.IC5 = { min: 15000, max: 15000 }),
      "bands.IC5.max",
      "must be greater than min",
    ],
    [
      "a band that is not whole dollars",
      (p: LevelingPolicy) => (p.bands.M1.min = 7000.5),
      "bands.M1.min",
      "must be a positive whole number of USD a month",
    ],
    [
      "a band that is not positive",
      (p: LevelingPolicy) => (p.bands.IC3.min = 0),
      "bands.IC3.min",
      "must be a positive whole number of USD a month",
    ],
    [
      "a premium whose min exceeds its max",
      (p: LevelingPolicy) => (p.faangPremiumPercent = { min: 60, max: 50 }),
      "faangPremiumPercent.max",
      "must be at least min",
    ],
    [
      "a negative premium",
      (p: LevelingPolicy) => (p.faangPremiumPercent.min = -5),
      "faangPremiumPercent.min",
      "must be a percentage ≥ 0",
    ],
    [
      "a production minimum of 0",
      (p: LevelingPolicy) => (p.production.minCapabilities = 0),
      "production.minCapabilities",
      "must be a whole number from 1 to 4",
    ],
    [
      "a production minimum of 5",
      (p: LevelingPolicy) => (p.production.minCapabilities = 5),
      "production.minCapabilities",
      "must be a whole number from 1 to 4",
    ],
    [
      "a fractional production minimum",
      (p: LevelingPolicy) => (p.production.minCapabilities = 1.5),
      "production.minCapabilities",
      "must be a whole number from 1 to 4",
    ],
    [
      "a gate at IC3",
      (p: LevelingPolicy) => ((p.gates as Record<string, string>).lifecycleOwnershipFrom = "IC3"),
      "gates.lifecycleOwnershipFrom",
      "must be one of IC4, IC5, IC6",
    ],
    [
      "M1 equivalent to IC3 (reachable without production experience)",
      (p: LevelingPolicy) => ((p.managerEquivalents as Record<string, string>).M1 = "IC3"),
      "managerEquivalents.M1",
      "must be one of IC4, IC5, IC6",
    ],
    [
      "M2 not above M1",
      (p: LevelingPolicy) => (p.managerEquivalents.M2 = "IC4"),
      "managerEquivalents.M2",
      "must be a higher IC level than managerEquivalents.M1 (IC4)",
    ],
    [
      "a disagreement threshold of 0",
      (p: LevelingPolicy) => (p.flags.areaDisagreement = 0),
      "flags.areaDisagreement",
      "must be a number above 0 and at most 3",
    ],
    [
      "a level-signal distance of 0",
      (p: LevelingPolicy) => (p.flags.levelSignalDistance = 0),
      "flags.levelSignalDistance",
      "must be a whole number ≥ 1",
    ],
    ["a version of 0", (p: LevelingPolicy) => (p.version = 0), "version", "must be a positive whole number"],
    [
      "an unknown field",
      (p: LevelingPolicy) => Object.assign(p.hireBar, { minMedian: 3 }),
      "hireBar.minMedian",
      "unknown field",
    ],
  ])("%s", (_name, change, path, message) => {
    expect(issuesOf(policyWith(change))).toContainEqual({ path, message });
  });

  it("a missing section, naming it", () => {
    const { bands: _bands, ...withoutBands } = DEFAULT_POLICY;
    expect(issuesOf(withoutBands).map((issue) => issue.path)).toEqual(["bands"]);
  });

  it("a value that is not an object", () => {
    expect(issuesOf("policy")).toEqual([{ path: "", message: "must be a JSON object" }]);
  });
});

describe("parsePolicy accepts", () => {
  it("optional minimums left out at any level, since levels are cumulative", () => {
    const result = parsePolicy(
      policyWith((p) => {
        p.scoreLevels = { IC4: { minMean: 3 }, IC5: { minMean: 3.2, minEveryArea: 3 }, IC6: { minMean: 3.5 } };
      }),
    );
    expect(result.ok).toBe(true);
  });

  it("a zero premium and equal premium bounds", () => {
    expect(parsePolicy(policyWith((p) => (p.faangPremiumPercent = { min: 0, max: 0 }))).ok).toBe(true);
  });
});

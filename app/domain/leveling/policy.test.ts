import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IC_LEVELS, LEVELS, MANAGER_LEVELS } from "../levels";
import { DEFAULT_POLICY, parsePolicy, storedPolicySchema, type LevelingPolicy } from "./policy";
import { MAX_BAND_USD } from "./policy-limits";
import { validPolicy } from "./test-arbitraries";

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

describe("parsePolicy refuses numbers that cannot be stored or make no sense (property)", () => {
  const RUNS = { numRuns: 300 };
  const ends = fc.constantFrom("min" as const, "max" as const);
  const issuesWith = (policy: LevelingPolicy, change: (copy: LevelingPolicy) => void) => {
    const copy = structuredClone(policy);
    change(copy);
    return issuesOf(copy);
  };

  it("any band figure above 1,000,000 USD a month, up to and beyond PostgreSQL's integer limit", () => {
    fc.assert(
      fc.property(validPolicy, fc.constantFrom(...LEVELS), ends, fc.integer({ min: MAX_BAND_USD + 1, max: Number.MAX_SAFE_INTEGER }), (policy, level, end, value) => {
        const issues = issuesWith(policy, (p) => {
          p.bands[level][end] = value;
          if (end === "min") p.bands[level].max = value + 1;
        });
        expect(issues).toContainEqual({ path: `bands.${level}.${end}`, message: "must be at most 1,000,000 USD a month" });
      }),
      RUNS,
    );
  });

  it("any IC band whose minimum or maximum is below the level under it", () => {
    fc.assert(
      fc.property(validPolicy, fc.constantFrom(1, 2, 3), ends, fc.integer({ min: 1, max: 1000 }), (policy, index, end, drop) => {
        const level = IC_LEVELS[index]!;
        const below = IC_LEVELS[index - 1]!;
        const floor = policy.bands[below][end];
        fc.pre(floor - drop >= 1);
        const issues = issuesWith(policy, (p) => {
          p.bands[level][end] = floor - drop;
          if (end === "max") p.bands[level].min = Math.min(p.bands[level].min, floor - drop - 1);
        });
        expect(issues.map((issue) => issue.path)).toContain(`bands.${level}.${end}`);
        expect(issues).toContainEqual({
          path: `bands.${level}.${end}`,
          message: `must be at least ${below}'s ${end === "min" ? "minimum" : "maximum"} (${floor.toLocaleString("en-US")})`,
        });
      }),
      RUNS,
    );
  });

  it("any manager band below the band of the IC level it is held to", () => {
    fc.assert(
      fc.property(validPolicy, fc.constantFrom(...MANAGER_LEVELS), ends, fc.integer({ min: 1, max: 1000 }), (policy, manager, end, drop) => {
        const equivalent = policy.managerEquivalents[manager];
        const floor = policy.bands[equivalent][end];
        fc.pre(floor - drop >= 1);
        const issues = issuesWith(policy, (p) => {
          p.bands[manager][end] = floor - drop;
          if (end === "max") p.bands[manager].min = Math.min(p.bands[manager].min, floor - drop - 1);
        });
        expect(issues.map((issue) => issue.path)).toContain(`bands.${manager}.${end}`);
        expect(issues.some((issue) => issue.path === `bands.${manager}.${end}` && issue.message.includes(`${equivalent}'s`))).toBe(true);
      }),
      RUNS,
    );
  });

  it("any premium percentage above 100 or below 0", () => {
    const outOfRange = fc.oneof(fc.double({ min: 100, max: 1e12, noNaN: true, minExcluded: true }), fc.double({ min: -1e12, max: -1e-9, noNaN: true }));
    fc.assert(
      fc.property(validPolicy, ends, outOfRange, (policy, end, value) => {
        const issues = issuesWith(policy, (p) => {
          p.faangPremiumPercent = { min: Math.min(value, 0), max: Math.max(value, 0), [end]: value };
        });
        expect(issues.map((issue) => issue.path)).toContain(`faangPremiumPercent.${end}`);
      }),
      RUNS,
    );
  });

  it("any score threshold with more than 2 decimals", () => {
    const paths = ["hireBar.minEveryArea", "hireBar.minMean", "scoreLevels.IC4.minMean", "scoreLevels.IC6.minMean", "flags.areaDisagreement"];
    fc.assert(
      fc.property(validPolicy, fc.constantFrom(...paths), fc.integer({ min: 1, max: 999_999 }), (policy, path, noise) => {
        const keys = path.split(".");
        const issues = issuesWith(policy, (p) => {
          const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, p as never);
          const value = parent[keys.at(-1)!] as number;
          // Nudged by 1e-9 .. 1e-3 points: still within range, no longer in hundredths.
          parent[keys.at(-1)!] = value - noise * 1e-9;
        });
        expect(issues).toContainEqual({ path, message: "must have at most 2 decimals" });
      }),
      RUNS,
    );
  });
});

describe("level-signal distance", () => {
  it("refuses a distance no level signal can reach", () => {
    expect(issuesOf(policyWith((p) => (p.flags.levelSignalDistance = 5)))).toContainEqual({
      path: "flags.levelSignalDistance",
      message: "must be at most 4: no level signal is further from a recommendation",
    });
    expect(parsePolicy(policyWith((p) => (p.flags.levelSignalDistance = 4))).ok).toBe(true);
  });
});

describe("storedPolicySchema", () => {
  it("still reads a version stored before these rules, so leveling and the editor keep working", () => {
    const legacy = policyWith((p) => {
      p.bands.IC4 = { min: 3000, max: 3_000_000_000 };
      p.faangPremiumPercent = { min: 20, max: 10_000_000 };
      p.hireBar.minMean = 2.755;
    });
    expect(storedPolicySchema.safeParse(legacy).success).toBe(true);
    expect(issuesOf(legacy).map((issue) => issue.path).sort()).toEqual(
      ["bands.IC4.max", "bands.IC4.min", "bands.IC5.max", "bands.M1.max", "faangPremiumPercent.max", "hireBar.minMean"].sort(),
    );
  });
});

describe("limits", () => {
  it("keep the highest band with the highest premium inside an Int column", async () => {
    const { MAX_BAND_USD, MAX_PREMIUM_PERCENT } = await import("./policy-limits");
    const { INT_COLUMN_MAX } = await import("../int-columns");
    expect(Math.ceil(MAX_BAND_USD * (1 + MAX_PREMIUM_PERCENT / 100))).toBeLessThanOrEqual(INT_COLUMN_MAX);
  });
});

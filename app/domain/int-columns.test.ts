import { describe, expect, it } from "vitest";
import { INT_COLUMN_MAX, parseFormVersion } from "./int-columns";
import { withPremium } from "./leveling/pay";
import { DEFAULT_POLICY, levelingPolicySchema } from "./leveling/policy";
import { MAX_BAND_USD, MAX_PREMIUM_PERCENT } from "./leveling/policy-limits";

describe("parseFormVersion", () => {
  it("reads whole numbers from min to the Int column's maximum", () => {
    expect(parseFormVersion("0", 0)).toBe(0);
    expect(parseFormVersion("7", 1)).toBe(7);
    expect(parseFormVersion(String(INT_COLUMN_MAX), 1)).toBe(INT_COLUMN_MAX);
  });

  it.each(["2147483648", "4294967296", "1e308", "1e3", "-1", "1.5", "0x10", " 1", "", "١٢", "9007199254740993", "99999999999999999999"])(
    "refuses %j",
    (value) => expect(parseFormVersion(value, 0)).toBeNull(),
  );

  it("refuses below min, and anything that is not a string", () => {
    expect(parseFormVersion("0", 1)).toBeNull();
    expect(parseFormVersion(null, 0)).toBeNull();
    expect(parseFormVersion(5, 0)).toBeNull();
  });
});

describe("the leveling policy's integers fit the recommendation's Int columns", () => {
  it("refuses a band edge above the column's maximum", () => {
    const policy = { ...DEFAULT_POLICY, bands: { ...DEFAULT_POLICY.bands, M2: { min: 10_000, max: INT_COLUMN_MAX + 1 } } };
    expect(levelingPolicySchema.safeParse(policy).success).toBe(false);
  });

  it.each([1e308, 2e7])("refuses a premium of %d%% that lifts the highest band over it", (percent) => {
    const policy = { ...DEFAULT_POLICY, faangPremiumPercent: { min: 0, max: percent } };
    const result = levelingPolicySchema.safeParse(policy);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain("faangPremiumPercent.max");
  });

  it("accepts the widest band and premium an admin may set, whose premium band still fits", () => {
    const policy = {
      ...DEFAULT_POLICY,
      bands: { ...DEFAULT_POLICY.bands, M2: { min: 10_000, max: MAX_BAND_USD } },
      faangPremiumPercent: { min: 20, max: MAX_PREMIUM_PERCENT },
    };
    expect(levelingPolicySchema.safeParse(policy).success).toBe(true);
    expect(withPremium(policy.bands.M2, policy.faangPremiumPercent).max).toBeLessThanOrEqual(INT_COLUMN_MAX);
  });
});

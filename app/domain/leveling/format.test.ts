import { describe, expect, it } from "vitest";
import { formatBand, formatComparison } from "./format";

describe("formatComparison", () => {
  it.each([
    [3.1, 3, "3.10 ≥ 3.00"],
    [2.49, 2.5, "2.49 < 2.50"],
    [2.5, 2.5, "2.50 ≥ 2.50"],
    [2.4999, 2.5, "2.4999 < 2.50"],
    [2.5 - 1e-12, 2.5, "2.50 ≥ 2.50"],
    [3.3999999, 3.4, "3.3999999 < 3.40"],
  ])("%s against %s reads %s", (value, threshold, text) => {
    expect(formatComparison(value, threshold)).toBe(text);
  });
});

describe("formatBand", () => {
  it("groups thousands and names the unit", () => {
    expect(formatBand({ min: 10000, max: 15000 })).toBe("10,000–15,000 USD/month");
  });
});

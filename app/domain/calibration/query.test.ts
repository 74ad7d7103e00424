import { describe, expect, it } from "vitest";
import { calibrationHref } from "./options";
import { parseCalibrationQuery } from "./query";

const parse = (query: string) => parseCalibrationQuery(new URLSearchParams(query));

describe("parseCalibrationQuery", () => {
  it("reads days and an area", () => {
    expect(parse("from=2026-01-01&to=2026-01-31&area=code_quality")).toEqual({ from: "2026-01-01", to: "2026-01-31", areaKey: "code_quality" });
  });

  it("ignores anything malformed instead of failing", () => {
    for (const query of ["from=yesterday&to=2026-13-45&area=nope", "from=2026-02-30", "area=", "from=&to=", "from[]=1", "to=99999-01-01", `area=${"x".repeat(5000)}`]) {
      const parsed = parse(query);
      expect(parsed.areaKey, query).toBeNull();
      expect(parsed.from, query).toBeNull();
      expect(parsed.to, query).toBeNull();
    }
  });

  it("swaps a range given backwards, and lets the last repeated value win", () => {
    expect(parse("from=2026-03-01&to=2026-01-01")).toMatchObject({ from: "2026-01-01", to: "2026-03-01" });
    expect(parse("area=code_quality&area=ml_system_design").areaKey).toBe("ml_system_design");
  });

  it("round-trips through the page's links", () => {
    const filter = parse("from=2026-01-01&area=model_development");
    expect(calibrationHref("/calibration.csv", filter)).toBe("/calibration.csv?from=2026-01-01&area=model_development");
    expect(parse(calibrationHref("/calibration", filter).split("?")[1]!)).toEqual(filter);
    expect(calibrationHref("/calibration", { from: null, to: null, areaKey: null })).toBe("/calibration");
  });
});

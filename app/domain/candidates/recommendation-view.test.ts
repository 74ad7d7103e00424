import { describe, expect, it } from "vitest";
import { buildRecommendationView, describeOutcome, formatUsdBand, type StoredRecommendation } from "./recommendation-view";

const stored: StoredRecommendation = {
  status: "recommended",
  level: "IC4",
  bandMin: 7000,
  bandMax: 10000,
  premiumMin: 8400,
  premiumMax: 15000,
  flags: [{ kind: "strong_no", interviewerId: "u-1", message: "Strong no from interviewer u-1 in Code quality" }],
  explanation: [
    { rule: "production_cap", outcome: "capped", message: "Capped at IC3" },
    { rule: "flags", outcome: "info", message: "1 flag calls for a debrief: strong no ×1" },
  ],
  evidence: {
    areas: { code_quality: { score: 2.5, disagreement: 0 }, ml_system_design: { score: 3.25, disagreement: 0.5 } },
    production: { serving: true, monitoring: false },
    lifecycleOwnership: true,
    sharedInfrastructure: false,
    peopleManagement: false,
  },
  policyVersion: 3,
  computedAt: new Date("2026-01-02T03:04:05.678Z"),
};

describe("buildRecommendationView", () => {
  it("turns the stored row into what the page shows, naming interviewers", () => {
    const view = buildRecommendationView(stored, [
      { scorecardId: "s-1", areaKey: "code_quality", interviewerId: "u-1", interviewerName: "Ana", score: 2.5 },
      { scorecardId: "s-2", areaKey: "ml_system_design", interviewerId: "u-2", interviewerName: "Bruno", score: 3 },
      { scorecardId: "s-3", areaKey: "ml_system_design", interviewerId: "u-3", interviewerName: "Carla", score: 3.5 },
    ]);
    expect(view).toMatchObject({
      status: "recommended",
      statusLabel: "Recommended",
      level: "IC4",
      levelTitle: "Senior ML Engineer",
      band: { min: 7000, max: 10000 },
      premiumBand: { min: 8400, max: 15000 },
      policyVersion: 3,
      computedAt: "2026-01-02T03:04:05.678Z",
      lifecycleOwnership: true,
      sharedInfrastructure: false,
    });
    expect(view.flags).toEqual([{ kind: "strong_no", message: "Strong no from interviewer Ana in Code quality" }]);
    expect(view.explanation.map((step) => step.outcome)).toEqual(["capped", "info"]);
    expect(view.areas.map((area) => [area.key, area.mean, area.scores.map((score) => score.interviewerName)])).toEqual([
      ["problem_formulation", null, []],
      ["feature_engineering", null, []],
      ["model_development", null, []],
      ["ml_system_design", 3.25, ["Bruno", "Carla"]],
      ["code_quality", 2.5, ["Ana"]],
    ]);
    expect(view.production.map((item) => [item.capability, item.evidenced])).toEqual([
      ["serving", true],
      ["monitoring", false],
      ["featureStore", false],
      ["modelCicd", false],
    ]);
  });

  it("survives malformed JSON columns without inventing anything", () => {
    const view = buildRecommendationView(
      { ...stored, flags: "nonsense", explanation: [null, { outcome: "weird" }], evidence: null, bandMin: null },
      [],
    );
    expect(view.flags).toEqual([]);
    expect(view.explanation).toEqual([{ rule: "unknown", outcome: "info", message: "" }]);
    expect(view.band).toBeNull();
    expect(view.areas.every((area) => area.mean === null)).toBe(true);
    expect(view.production.every((item) => !item.evidenced)).toBe(true);
  });
});

describe("formatting", () => {
  it("writes bands as USD a month", () => {
    expect(formatUsdBand({ min: 7000, max: 10000 })).toBe("USD 7,000–10,000 / month");
  });

  it("describes an outcome", () => {
    expect(describeOutcome("recommended", "M1")).toBe("M1 · Engineering Manager");
    expect(describeOutcome("no_hire", null)).toBe("No hire");
    expect(describeOutcome("incomplete", null)).toBe("Incomplete");
  });
});

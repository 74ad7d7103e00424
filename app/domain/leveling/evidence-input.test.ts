import { describe, expect, it } from "vitest";
import { parseEvidenceInput } from "./evidence-input";
import { level } from "./level";
import { describeIssue } from "./parse-result";
import { DEFAULT_POLICY } from "./policy";

const EXAMPLE = {
  track: "IC",
  faangExperience: false,
  areas: {
    problem_formulation: 3.2,
    feature_engineering: 3.0,
    model_development: 3.8,
    ml_system_design: 2.9,
    code_quality: 3.1,
  },
  production: { serving: true, monitoring: false, featureStore: false, modelCicd: false },
  lifecycleOwnership: true,
  sharedInfrastructure: false,
  peopleManagement: false,
};

function firstIssue(json: unknown): string {
  const result = parseEvidenceInput(json);
  if (result.ok) throw new Error("expected the input to be rejected");
  return describeIssue(result.issues[0] ?? { path: "", message: "" });
}

describe("parseEvidenceInput", () => {
  it("maps area means to candidate evidence without per-interviewer detail", () => {
    expect(parseEvidenceInput(EXAMPLE)).toEqual({
      ok: true,
      value: {
        track: "IC",
        faangExperience: false,
        areas: {
          problem_formulation: { score: 3.2, disagreement: 0 },
          feature_engineering: { score: 3.0, disagreement: 0 },
          model_development: { score: 3.8, disagreement: 0 },
          ml_system_design: { score: 2.9, disagreement: 0 },
          code_quality: { score: 3.1, disagreement: 0 },
        },
        production: { serving: true, monitoring: false, featureStore: false, modelCicd: false },
        lifecycleOwnership: true,
        sharedInfrastructure: false,
        peopleManagement: false,
        scorecards: [],
      },
    });
  });

  it("treats a null or missing area as not yet scored", () => {
    const { code_quality: _omitted, ...fourAreas } = EXAMPLE.areas;
    const result = parseEvidenceInput({ ...EXAMPLE, areas: { ...fourAreas, ml_system_design: null } });
    if (!result.ok) throw new Error("expected valid input");
    expect(Object.keys(result.value.areas)).toEqual([
      "problem_formulation",
      "feature_engineering",
      "model_development",
    ]);
    expect(level(result.value, DEFAULT_POLICY).flags).toContainEqual(
      expect.objectContaining({ kind: "missing_areas", areaKeys: ["ml_system_design", "code_quality"] }),
    );
  });

  it.each([
    [
      "a string score",
      { areas: { ...EXAMPLE.areas, code_quality: "3.1" } },
      "areas.code_quality: must be a number between 1 and 4",
    ],
    [
      "a score above 4",
      { areas: { ...EXAMPLE.areas, code_quality: 4.5 } },
      "areas.code_quality: must be a number between 1 and 4",
    ],
    [
      "a score below 1",
      { areas: { ...EXAMPLE.areas, problem_formulation: 0.9 } },
      "areas.problem_formulation: must be a number between 1 and 4",
    ],
    ["a misspelt area", { areas: { ...EXAMPLE.areas, code_qualty: 3 } }, "areas.code_qualty: unknown field"],
    ["an unknown track", { track: "manager" }, 'track: must be "IC" or "M"'],
    [
      "a non-boolean capability",
      { production: { ...EXAMPLE.production, serving: "yes" } },
      "production.serving: must be true or false",
    ],
    [
      "a missing capability",
      { production: { serving: true, monitoring: false, featureStore: false } },
      "production.modelCicd: must be true or false",
    ],
    [
      "a missing section",
      { production: undefined },
      "production: must be an object with serving, monitoring, featureStore and modelCicd",
    ],
    ["a non-boolean flag", { lifecycleOwnership: 1 }, "lifecycleOwnership: must be true or false"],
    ["an unknown top-level field", { level: "IC5" }, "level: unknown field"],
  ])("rejects %s, naming the field", (_name, change, message) => {
    expect(firstIssue({ ...EXAMPLE, ...change })).toBe(message);
  });

  it("rejects a value that is not an object", () => {
    expect(firstIssue([1, 2])).toBe("must be a JSON object");
  });
});

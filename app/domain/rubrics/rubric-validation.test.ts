import { parseWithZod } from "@conform-to/zod/v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RUBRICS } from "./default-rubrics";
import { rubricDraftSchema, validateRubricDraft } from "./rubric-validation";
import type { RubricCriterionDraft, RubricDraft } from "./types";

function criterion(key: string): RubricCriterionDraft {
  return {
    key,
    title: `Title ${key}`,
    lookFor: `What to look for in ${key}`,
    weight: 2,
    anchors: { 1: "Below the bar.", 2: "Approaching.", 3: "Meets.", 4: "Exceeds." },
  };
}

function validRubric(): RubricDraft {
  return { areaKey: "code_quality", criteria: [criterion("alpha"), criterion("beta"), criterion("gamma")] };
}

/** A valid rubric with one change made to a plain-object copy, as an admin form might send it. */
function rubricWith(change: (rubric: Record<string, any>) => void): unknown {
  const rubric = structuredClone(validRubric()) as Record<string, any>;
  change(rubric);
  return rubric;
}

function fieldErrorsOf(input: unknown) {
  const result = validateRubricDraft(input);
  if (result.success) throw new Error("expected the rubric to be rejected");
  return result.fieldErrors;
}

describe("validateRubricDraft", () => {
  it("accepts a valid rubric and returns it trimmed, with form strings coerced", () => {
    const input = rubricWith((rubric) => {
      rubric.criteria[0].title = "  Tests  ";
      rubric.criteria[0].weight = "2.5";
    });
    const result = validateRubricDraft(input);
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.rubric.criteria[0]?.title).toBe("Tests");
      expect(result.rubric.criteria[0]?.weight).toBe(2.5);
    }
  });

  it("accepts every default rubric", () => {
    for (const rubric of Object.values(DEFAULT_RUBRICS)) {
      expect(validateRubricDraft(rubric).success).toBe(true);
    }
  });

  it.each<[string, (rubric: Record<string, any>) => void, string, string]>([
    ["an unknown area", (r) => (r.areaKey = "vibes"), "areaKey", "Choose one of the five screen areas"],
    ["no criteria at all", (r) => delete r.criteria, "criteria", "A rubric needs at least 3 criteria"],
    ["fewer than 3 criteria", (r) => r.criteria.pop(), "criteria", "A rubric needs at least 3 criteria"],
    [
      "more than 6 criteria",
      (r) => r.criteria.push(criterion("d"), criterion("e"), criterion("f"), criterion("g")),
      "criteria",
      "A rubric can have at most 6 criteria",
    ],
    ["a blank title", (r) => (r.criteria[1].title = "   "), "criteria[1].title", "Criterion 2: title is required"],
    [
      "a title over 120 characters",
      (r) => (r.criteria[0].title = "x".repeat(121)),
      "criteria[0].title",
      "Criterion 1: title must be at most 120 characters",
    ],
    ["a missing lookFor", (r) => delete r.criteria[2].lookFor, "criteria[2].lookFor", "Criterion 3: what to look for is required"],
    [
      "a lookFor over 1000 characters",
      (r) => (r.criteria[2].lookFor = "x".repeat(1001)),
      "criteria[2].lookFor",
      "Criterion 3: what to look for must be at most 1000 characters",
    ],
    ["a blank weight", (r) => (r.criteria[0].weight = ""), "criteria[0].weight", "Criterion 1: weight is required"],
    ["a non-numeric weight", (r) => (r.criteria[0].weight = "heavy"), "criteria[0].weight", "Criterion 1: weight must be a number"],
    ["a zero weight", (r) => (r.criteria[0].weight = 0), "criteria[0].weight", "Criterion 1: weight must be at least 0.1"],
    ["a negative weight", (r) => (r.criteria[0].weight = "-1"), "criteria[0].weight", "Criterion 1: weight must be at least 0.1"],
    ["a weight of 1e-10", (r) => (r.criteria[1].weight = "1e-10"), "criteria[1].weight", "Criterion 2: weight must be at least 0.1"],
    ["a weight in thousandths", (r) => (r.criteria[2].weight = "2.125"), "criteria[2].weight", "Criterion 3: weight must have at most 2 decimals"],
    ["a weight over 10", (r) => (r.criteria[0].weight = 10.5), "criteria[0].weight", "Criterion 1: weight must be at most 10"],
    ["a blank anchor", (r) => (r.criteria[1].anchors[3] = " "), "criteria[1].anchors.3", "Criterion 2: anchor 3 (meets) is required"],
    [
      "a missing anchor",
      (r) => delete r.criteria[0].anchors[1],
      "criteria[0].anchors.1",
      "Criterion 1: anchor 1 (below the bar) is required",
    ],
    [
      "an anchor over 1000 characters",
      (r) => (r.criteria[2].anchors[4] = "x".repeat(1001)),
      "criteria[2].anchors.4",
      "Criterion 3: anchor 4 (exceeds) must be at most 1000 characters",
    ],
    ["a missing key", (r) => (r.criteria[0].key = ""), "criteria[0].key", "Criterion 1: key is required"],
    [
      "a key that is not a slug",
      (r) => (r.criteria[0].key = "Prediction Target"),
      "criteria[0].key",
      "Criterion 1: key must be lowercase letters and digits separated by single hyphens",
    ],
    ["a reserved key", (r) => (r.criteria[0].key = "constructor"), "criteria[0].key", 'Criterion 1: key "constructor" is reserved'],
    [
      "a duplicate key",
      (r) => (r.criteria[2].key = "alpha"),
      "criteria[2].key",
      'Criterion 3: key "alpha" is already used by criterion 1',
    ],
  ])("rejects %s", (_case, change, field, message) => {
    expect(fieldErrorsOf(rubricWith(change))).toEqual({ [field]: [message] });
  });

  it("reports each of the four anchors when the anchors are missing altogether", () => {
    const fieldErrors = fieldErrorsOf(rubricWith((r) => delete r.criteria[1].anchors));
    expect(fieldErrors).toEqual({
      "criteria[1].anchors.1": ["Criterion 2: anchor 1 (below the bar) is required"],
      "criteria[1].anchors.2": ["Criterion 2: anchor 2 (approaching) is required"],
      "criteria[1].anchors.3": ["Criterion 2: anchor 3 (meets) is required"],
      "criteria[1].anchors.4": ["Criterion 2: anchor 4 (exceeds) is required"],
    });
  });

  it("reports every problem at once", () => {
    const fieldErrors = fieldErrorsOf(
      rubricWith((r) => {
        r.criteria[0].title = "";
        r.criteria[1].weight = 11;
      }),
    );
    expect(Object.keys(fieldErrors)).toEqual(["criteria[0].title", "criteria[1].weight"]);
  });

  it("gives Conform the same field names and messages from an admin's FormData", () => {
    const formData = new FormData();
    formData.set("areaKey", "code_quality");
    validRubric().criteria.forEach((c, index) => {
      formData.set(`criteria[${index}].key`, c.key);
      formData.set(`criteria[${index}].title`, c.title);
      formData.set(`criteria[${index}].lookFor`, c.lookFor);
      formData.set(`criteria[${index}].weight`, String(c.weight));
      for (const [score, anchor] of Object.entries(c.anchors)) formData.set(`criteria[${index}].anchors.${score}`, anchor);
    });
    expect(parseWithZod(formData, { schema: rubricDraftSchema }).status).toBe("success");

    formData.set("criteria[1].anchors.3", "");
    formData.set("criteria[0].weight", "");
    expect(parseWithZod(formData, { schema: rubricDraftSchema }).reply().error).toEqual({
      "criteria[0].weight": ["Criterion 1: weight is required"],
      "criteria[1].anchors.3": ["Criterion 2: anchor 3 (meets) is required"],
    });
  });

  describe("suggested questions (interview kit)", () => {
    it("turns the editor's one-question-per-line text into a trimmed list, dropping blank lines", () => {
      const result = validateRubricDraft(rubricWith((r) => (r.criteria[0].questions = "  Walk me through it.  \r\n\n What broke first?\n")));
      expect(result.success && result.rubric.criteria[0]?.questions).toEqual(["Walk me through it.", "What broke first?"]);
      expect(result.success && result.rubric.criteria[1]?.questions).toEqual([]);
    });

    it("accepts a stored list as it is", () => {
      const result = validateRubricDraft(rubricWith((r) => (r.criteria[2].questions = ["One?", "Two?"])));
      expect(result.success && result.rubric.criteria[2]?.questions).toEqual(["One?", "Two?"]);
    });

    it("refuses more than 10 questions and a question over 300 characters, on the textarea's field", () => {
      expect(fieldErrorsOf(rubricWith((r) => (r.criteria[1].questions = Array.from({ length: 11 }, (_, i) => `Question ${i}?`).join("\n"))))).toEqual({
        "criteria[1].questions": ["Criterion 2: at most 10 suggested questions (one per line)"],
      });
      expect(fieldErrorsOf(rubricWith((r) => (r.criteria[0].questions = ["Fine?", "x".repeat(301)])))).toEqual({
        "criteria[0].questions": ["Criterion 1: suggested question 2 must be at most 300 characters"],
      });
      const atLimits = validateRubricDraft(rubricWith((r) => (r.criteria[0].questions = Array.from({ length: 10 }, () => "y".repeat(300)))));
      expect(atLimits.success).toBe(true);
    });

    it("parses the textarea through Conform too", () => {
      const formData = new FormData();
      formData.set("areaKey", "code_quality");
      validRubric().criteria.forEach((c, index) => {
        formData.set(`criteria[${index}].key`, c.key);
        formData.set(`criteria[${index}].title`, c.title);
        formData.set(`criteria[${index}].lookFor`, c.lookFor);
        formData.set(`criteria[${index}].weight`, String(c.weight));
        for (const [score, anchor] of Object.entries(c.anchors)) formData.set(`criteria[${index}].anchors.${score}`, anchor);
      });
      formData.set("criteria[0].questions", "First?\nSecond?");
      formData.set("criteria[1].questions", "");
      const submission = parseWithZod(formData, { schema: rubricDraftSchema });
      expect(submission.status).toBe("success");
      if (submission.status !== "success") return;
      expect(submission.value.criteria.map((c) => c.questions)).toEqual([["First?", "Second?"], [], []]);

      formData.set("criteria[2].questions", "z".repeat(301));
      expect(parseWithZod(formData, { schema: rubricDraftSchema }).reply().error).toEqual({
        "criteria[2].questions": ["Criterion 3: suggested question 1 must be at most 300 characters"],
      });
    });
  });
});

describe("criterion weights (property)", () => {
  const weightErrors = (weight: number) => {
    const result = validateRubricDraft(rubricWith((r) => (r.criteria[0].weight = weight)));
    return result.success ? [] : (result.fieldErrors["criteria[0].weight"] ?? []);
  };

  it("refuses any weight below 0.1: tiny, zero or negative", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 0.1, maxExcluded: true, noNaN: true }), (weight) => {
        expect(weightErrors(weight)).toContain("Criterion 1: weight must be at least 0.1");
      }),
      { numRuns: 500 },
    );
  });

  it("refuses any weight in range with more than 2 decimals", () => {
    const thousandths = fc.integer({ min: 100, max: 10_000 }).filter((n) => n % 10 !== 0);
    const anyFraction = fc.double({ min: 0.1, max: 10, noNaN: true }).filter((w) => Math.round(w * 100) / 100 !== w);
    fc.assert(
      fc.property(fc.oneof(thousandths.map((n) => n / 1000), anyFraction), (weight) => {
        expect(weightErrors(weight)).toEqual(["Criterion 1: weight must have at most 2 decimals"]);
      }),
      { numRuns: 500 },
    );
  });

  it("accepts every weight from 0.1 to 10 in hundredths, typed as an admin types it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 1000 }), (hundredths) => {
        const typed = (hundredths / 100).toString();
        const result = validateRubricDraft(rubricWith((r) => (r.criteria[0].weight = typed)));
        expect(result.success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

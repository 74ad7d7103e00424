import { describe, expect, it } from "vitest";
import { diffRubrics } from "./rubric-diff";
import type { RubricCriterionDraft, RubricDraft } from "./types";

function criterion(key: string): RubricCriterionDraft {
  return {
    key,
    title: `Title ${key}`,
    lookFor: `Look for ${key}`,
    weight: 2,
    anchors: { 1: `${key} one`, 2: `${key} two`, 3: `${key} three`, 4: `${key} four` },
  };
}

function rubricOf(...criteria: RubricCriterionDraft[]): RubricDraft {
  return { areaKey: "feature_engineering", criteria };
}

const [a, b, c, d] = ["a", "b", "c", "d"].map(criterion) as [
  RubricCriterionDraft,
  RubricCriterionDraft,
  RubricCriterionDraft,
  RubricCriterionDraft,
];
const published = rubricOf(a, b, c);

describe("diffRubrics", () => {
  it("finds nothing between identical versions", () => {
    expect(diffRubrics(published, structuredClone(published))).toEqual([]);
  });

  it("reports an added criterion", () => {
    expect(diffRubrics(published, rubricOf(a, b, c, d))).toEqual([{ kind: "criterion_added", key: "d", after: d }]);
  });

  it("reports a removed criterion without calling the rest reordered", () => {
    expect(diffRubrics(published, rubricOf(a, c))).toEqual([{ kind: "criterion_removed", key: "b", before: b }]);
  });

  it("does not call criteria reordered when one is inserted before them", () => {
    expect(diffRubrics(published, rubricOf(d, a, b, c))).toEqual([{ kind: "criterion_added", key: "d", after: d }]);
  });

  it("reports only the criterion that moved, with 1-based positions", () => {
    expect(diffRubrics(published, rubricOf(c, a, b))).toEqual([
      { kind: "criterion_reordered", key: "c", before: 3, after: 1 },
    ]);
  });

  it("reports one side of a swap", () => {
    const changes = diffRubrics(published, rubricOf(b, a, c));
    expect(changes).toHaveLength(1);
    expect(changes[0]?.kind).toBe("criterion_reordered");
  });

  it("reports title, lookFor and weight changes with before and after", () => {
    const edited = { ...b, title: "New title", lookFor: "New look for", weight: 3 };
    expect(diffRubrics(published, rubricOf(a, edited, c))).toEqual([
      { kind: "title_changed", key: "b", before: "Title b", after: "New title" },
      { kind: "look_for_changed", key: "b", before: "Look for b", after: "New look for" },
      { kind: "weight_changed", key: "b", before: 2, after: 3 },
    ]);
  });

  it("reports each changed anchor with its score", () => {
    const edited = { ...a, anchors: { ...a.anchors, 2: "new two", 4: "new four" } };
    expect(diffRubrics(published, rubricOf(edited, b, c))).toEqual([
      { kind: "anchor_changed", key: "a", score: 2, before: "a two", after: "new two" },
      { kind: "anchor_changed", key: "a", score: 4, before: "a four", after: "new four" },
    ]);
  });

  it("reports changed suggested questions as one change with both lists, treating absent as none", () => {
    const withQuestions = { ...a, questions: ["Why?", "How?"] };
    expect(diffRubrics(published, rubricOf(withQuestions, b, c))).toEqual([
      { kind: "questions_changed", key: "a", before: [], after: ["Why?", "How?"] },
    ]);
    const reordered = { ...a, questions: ["How?", "Why?"] };
    expect(diffRubrics(rubricOf(withQuestions, b, c), rubricOf(reordered, b, c))).toEqual([
      { kind: "questions_changed", key: "a", before: ["Why?", "How?"], after: ["How?", "Why?"] },
    ]);
    expect(diffRubrics(rubricOf({ ...a, questions: [] }, b, c), published)).toEqual([]);
  });

  it("lists draft criteria in draft order, then removed ones", () => {
    const e = criterion("e");
    const edited = { ...c, weight: 1 };
    const changes = diffRubrics(rubricOf(a, b, c, e), rubricOf(edited, a, b, d));
    expect(changes.map((change) => [change.kind, change.key])).toEqual([
      ["criterion_reordered", "c"],
      ["weight_changed", "c"],
      ["criterion_added", "d"],
      ["criterion_removed", "e"],
    ]);
  });

  it("refuses to compare rubrics of different areas", () => {
    expect(() => diffRubrics(published, { ...published, areaKey: "code_quality" })).toThrow(/different areas/);
  });
});

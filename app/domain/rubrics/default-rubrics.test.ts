import { describe, expect, it } from "vitest";
import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "../screen-areas";
import { DEFAULT_RUBRICS } from "./default-rubrics";
import { rubricDraftSchema } from "./rubric-validation";
import { RATING_SCORES } from "./types";

const rubrics = SCREEN_AREA_KEYS.map((areaKey) => [areaKey, DEFAULT_RUBRICS[areaKey]] as const);

describe("DEFAULT_RUBRICS", () => {
  it("has a rubric for every screen area and nothing else", () => {
    expect(Object.keys(DEFAULT_RUBRICS).sort()).toEqual([...SCREEN_AREA_KEYS].sort());
  });

  it.each(rubrics)("%s passes the admin validation unchanged", (areaKey, rubric) => {
    expect(rubric.areaKey).toBe(areaKey);
    // Equality also proves there is no stray whitespace for the schema to trim.
    expect(rubricDraftSchema.parse(rubric)).toEqual(rubric);
  });

  it.each(rubrics)("%s has 3–6 criteria with unique keys and weights from 1 to 3", (_areaKey, rubric) => {
    expect(rubric.criteria.length).toBeGreaterThanOrEqual(3);
    expect(rubric.criteria.length).toBeLessThanOrEqual(6);
    const keys = rubric.criteria.map((criterion) => criterion.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const criterion of rubric.criteria) {
      expect([1, 2, 3]).toContain(criterion.weight);
    }
  });

  it.each(rubrics)("%s gives every criterion four distinct, crisp anchors", (_areaKey, rubric) => {
    for (const criterion of rubric.criteria) {
      const anchors = RATING_SCORES.map((score) => criterion.anchors[score]);
      expect(new Set(anchors).size).toBe(4);
      for (const anchor of anchors) expect(anchor.length).toBeLessThanOrEqual(250);
    }
  });

  it.each(rubrics)("%s gives every criterion 2–4 distinct interview-kit questions within the editor's limits", (_areaKey, rubric) => {
    for (const criterion of rubric.criteria) {
      const questions = criterion.questions ?? [];
      expect(questions.length, criterion.key).toBeGreaterThanOrEqual(2);
      expect(questions.length, criterion.key).toBeLessThanOrEqual(4);
      expect(new Set(questions).size).toBe(questions.length);
      for (const question of questions) {
        expect(question.length).toBeLessThanOrEqual(300);
        expect(question).not.toMatch(/\n/);
      }
    }
  });

  const requiredTopics: Record<ScreenAreaKey, RegExp[]> = {
    problem_formulation: [/target/i, /decision/i, /business (KPI|metric)/i, /baseline/i, /latency/i, /labels?/i, /feedback loop/i],
    feature_engineering: [/as-of join/i, /leakage/i, /skew/i, /feature store/i, /freshness/i, /backfill/i, /validation|checks/i],
    model_development: [/baseline/i, /split/i, /slices?/i, /calibration/i, /A\/B/i, /shadow/i, /guardrail/i, /latency/i, /reproduc/i],
    ml_system_design: [/ingestion/i, /feature store/i, /training/i, /batch or online/i, /monitor/i, /drift/i, /alert/i, /retrain/i, /roll ?back/i],
    code_quality: [/unit/i, /data tests/i, /model tests/i, /type hints|typed/i, /lockfile|locked/i, /notebook/i, /exceptions/i, /logs?/i],
  };

  it.each(rubrics)("%s covers the topics the firm screens for", (areaKey, rubric) => {
    const text = rubric.criteria
      .flatMap((criterion) => [criterion.title, criterion.lookFor, ...Object.values(criterion.anchors)])
      .join("\n");
    for (const topic of requiredTopics[areaKey]) expect(text).toMatch(topic);
  });
});

import type { ScreenAreaKey } from "../screen-areas";

/** The 4-point rating scale; there is deliberately no neutral midpoint. */
export const RATING_SCORES = [1, 2, 3, 4] as const;

export type RatingScore = (typeof RATING_SCORES)[number];

export const RATING_SCALE_LABELS: Record<RatingScore, string> = {
  1: "below the bar",
  2: "approaching",
  3: "meets",
  4: "exceeds",
};

export type RubricAnchors = Record<RatingScore, string>;

export interface RubricCriterionDraft {
  /** Stable slug: it names the criterion's form fields and matches criteria across versions. */
  key: string;
  title: string;
  /** What the interviewer should look for. */
  lookFor: string;
  /** Relative weight (> 0) in the area's weighted mean. */
  weight: number;
  /** What a candidate at each point of the scale does. */
  anchors: RubricAnchors;
  /**
   * Interview kit: suggested questions and follow-ups, one per entry, versioned with the
   * rubric. Absent means none (drafts written before the kit existed).
   */
  questions?: string[];
}

export interface RubricDraft {
  areaKey: ScreenAreaKey;
  criteria: RubricCriterionDraft[];
}

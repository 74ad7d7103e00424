/**
 * The recruiter's decision form without Zod: choices, labels, limits and the messages
 * both the model and the page use. The schema is in decision-form.ts (server only).
 */
import { LEVEL_TITLES, LEVELS, type Level } from "../levels";

export const NO_HIRE = "no_hire" as const;

/** What an override may decide: a level, or no hire. */
export const OVERRIDE_CHOICES = [...LEVELS, NO_HIRE] as const;
export type OverrideChoice = (typeof OVERRIDE_CHOICES)[number];

export const OVERRIDE_CHOICE_LABELS: Record<OverrideChoice, string> = {
  ...(Object.fromEntries(LEVELS.map((level) => [level, `${level} · ${LEVEL_TITLES[level]}`])) as Record<Level, string>),
  no_hire: "No hire",
};

export const REASON_MIN = 10;
export const REASON_MAX = 2000;

export const DECISION_KIND_LABELS = { accept: "Accepted the recommendation", override: "Overrode the recommendation" } as const;

export const DECISION_MESSAGES = {
  stale: "The recommendation changed since you loaded the page; review it again.",
  taken: "Another recruiter recorded a decision a moment ago.",
  reopened: "This decision was already reopened or replaced; review the page again.",
  nothingToAccept:
    "There is no recommendation to accept yet: every screen area needs a submitted scorecard. Override with a written reason instead.",
  sameAsRecommendation: "That is what the leveling service recommends: accept the recommendation instead.",
} as const;

/** "IC4 · Senior ML Engineer" for a level, "No hire" for null. */
export function describeDecidedLevel(level: Level | null): string {
  return OVERRIDE_CHOICE_LABELS[level ?? NO_HIRE];
}

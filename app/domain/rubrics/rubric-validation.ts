import { z } from "zod";
import { hasAtMostDecimals } from "../decimals";
import { SCREEN_AREA_KEYS } from "../screen-areas";
import { blankToUndefined, linesToList, numberUnlessBlank, undefinedAsEmptyObject } from "./form-values";
import { RATING_SCALE_LABELS, type RatingScore, type RubricDraft } from "./types";

export const RUBRIC_LIMITS = {
  minCriteria: 3,
  maxCriteria: 6,
  keyMaxLength: 60,
  titleMaxLength: 120,
  lookForMaxLength: 1000,
  anchorMaxLength: 1000,
  /**
   * Weights run from 0.1 to 10 in hundredths. Below a hundredth of the heaviest weight a
   * criterion has no practical effect (remove it instead), and a tiny weight such as 1e-10
   * produced scores a hair below a threshold (2.9999999999 against 3.0). In hundredths,
   * a scorecard's score is a fraction whose denominator is at most 6 × 1000, so it is
   * either exactly on a threshold in hundredths or at least 1/600,000 away from it.
   */
  minWeight: 0.1,
  maxWeight: 10,
  weightDecimals: 2,
  maxQuestions: 10,
  questionMaxLength: 300,
} as const;

/** Keys become form field names (`ratings.<key>.score`), so they must stay path-safe. */
const CRITERION_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Conform refuses this path segment, so a form using it could not be parsed. */
const RESERVED_CRITERION_KEY = "constructor";

/**
 * Zod computes messages after the issue's full path is known, so a criterion's
 * fields can name their criterion ("Criterion 2: …") wherever the schema is used,
 * including inside Conform's parseWithZod.
 */
function aboutCriterion(text: string) {
  return (issue: { path?: PropertyKey[] }) => {
    const index = issue.path?.find((segment) => typeof segment === "number");
    return index === undefined ? text : `Criterion ${index + 1}: ${text}`;
  };
}

function requiredText(name: string, maxLength: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: aboutCriterion(`${name} is required`) })
      .max(maxLength, { error: aboutCriterion(`${name} must be at most ${maxLength} characters`) }),
  );
}

function anchorText(score: RatingScore) {
  return requiredText(`anchor ${score} (${RATING_SCALE_LABELS[score]})`, RUBRIC_LIMITS.anchorMaxLength);
}

export const criterionKeySchema = requiredText("key", RUBRIC_LIMITS.keyMaxLength).pipe(
  z
    .string()
    .regex(CRITERION_KEY_PATTERN, {
      error: aboutCriterion("key must be lowercase letters and digits separated by single hyphens"),
    })
    .refine((key) => key !== RESERVED_CRITERION_KEY, {
      error: aboutCriterion(`key "${RESERVED_CRITERION_KEY}" is reserved`),
    }),
);

const weightSchema = z.preprocess(
  numberUnlessBlank,
  z
    .number({
      error: (issue) =>
        aboutCriterion(issue.input === undefined ? "weight is required" : "weight must be a number")(issue),
    })
    .min(RUBRIC_LIMITS.minWeight, { error: aboutCriterion(`weight must be at least ${RUBRIC_LIMITS.minWeight}`) })
    .max(RUBRIC_LIMITS.maxWeight, { error: aboutCriterion(`weight must be at most ${RUBRIC_LIMITS.maxWeight}`) })
    // One message per weight: one below the minimum is told only that.
    .refine((weight) => weight < RUBRIC_LIMITS.minWeight || hasAtMostDecimals(weight, RUBRIC_LIMITS.weightDecimals), {
      error: aboutCriterion(`weight must have at most ${RUBRIC_LIMITS.weightDecimals} decimals`),
    }),
);

/** Interview-kit questions: one per line in the editor, a list once parsed. */
const questionsSchema = z.preprocess(
  linesToList,
  z
    .array(z.string({ error: aboutCriterion("suggested questions must be text") }), {
      error: aboutCriterion("suggested questions must be a list"),
    })
    .max(RUBRIC_LIMITS.maxQuestions, {
      error: aboutCriterion(`at most ${RUBRIC_LIMITS.maxQuestions} suggested questions (one per line)`),
    })
    .refine((questions) => questions.every((question) => question.length <= RUBRIC_LIMITS.questionMaxLength), {
      error: (issue) => {
        const questions = Array.isArray(issue.input) ? (issue.input as string[]) : [];
        const tooLong = questions.findIndex((question) => question.length > RUBRIC_LIMITS.questionMaxLength);
        return aboutCriterion(`suggested question ${tooLong + 1} must be at most ${RUBRIC_LIMITS.questionMaxLength} characters`)(issue);
      },
    }),
);

const criterionSchema = z.object({
  key: criterionKeySchema,
  title: requiredText("title", RUBRIC_LIMITS.titleMaxLength),
  lookFor: requiredText("what to look for", RUBRIC_LIMITS.lookForMaxLength),
  weight: weightSchema,
  anchors: z.preprocess(
    undefinedAsEmptyObject,
    z.object({ 1: anchorText(1), 2: anchorText(2), 3: anchorText(3), 4: anchorText(4) }),
  ),
  questions: questionsSchema,
});

const tooFewCriteria = `A rubric needs at least ${RUBRIC_LIMITS.minCriteria} criteria`;

export const rubricDraftSchema = z.object({
  areaKey: z.enum(SCREEN_AREA_KEYS, { error: "Choose one of the five screen areas" }),
  criteria: z
    .array(criterionSchema, {
      error: (issue) => (issue.input === undefined ? tooFewCriteria : "Criteria must be a list"),
    })
    .min(RUBRIC_LIMITS.minCriteria, tooFewCriteria)
    .max(RUBRIC_LIMITS.maxCriteria, `A rubric can have at most ${RUBRIC_LIMITS.maxCriteria} criteria`)
    .superRefine((criteria, ctx) => {
      const firstIndexByKey = new Map<string, number>();
      criteria.forEach((criterion, index) => {
        const firstIndex = firstIndexByKey.get(criterion.key);
        if (firstIndex === undefined) {
          firstIndexByKey.set(criterion.key, index);
          return;
        }
        ctx.addIssue({
          code: "custom",
          path: [index, "key"],
          message: `Criterion ${index + 1}: key "${criterion.key}" is already used by criterion ${firstIndex + 1}`,
        });
      });
    }),
});

/** Field path (Conform's notation, e.g. `criteria[1].anchors.3`) → messages; "" is the whole form. */
export type FieldErrors = Record<string, string[]>;

export type RubricValidationResult =
  | { success: true; rubric: RubricDraft }
  | { success: false; fieldErrors: FieldErrors };

export function validateRubricDraft(input: unknown): RubricValidationResult {
  const result = rubricDraftSchema.safeParse(input);
  if (result.success) return { success: true, rubric: result.data };
  return { success: false, fieldErrors: toFieldErrors(result.error.issues) };
}

function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) {
    const field = formatFieldPath(issue.path);
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return fieldErrors;
}

function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, segment) => {
    if (typeof segment === "number") return `${field}[${segment}]`;
    return field === "" ? String(segment) : `${field}.${String(segment)}`;
  }, "");
}

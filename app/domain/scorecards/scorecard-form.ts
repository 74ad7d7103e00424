/**
 * The scorecard an interviewer fills against one rubric version: its content, the
 * bounds a saved draft must respect, and what a submission must contain.
 *
 * Field names — the same string is the FormData name, the Conform field name and
 * the key of the field's errors:
 *
 *   ratings.<criterionKey>.score      1 | 2 | 3 | 4
 *   ratings.<criterionKey>.evidence   text
 *   recommendation                    strong_no | no | yes | strong_yes
 *   levelSignal                       IC3 | IC4 | IC5 | IC6 | M1 | M2
 *   production.<capability>.status    evidenced | not_evidenced | not_discussed
 *   production.<capability>.note      text
 *       where <capability> is serving | monitoring | featureStore | modelCicd
 *   lifecycleOwnership                yes | no
 *   sharedInfrastructure              yes | no
 *   peopleManagement                  yes | no
 *   noteForLaterInterviewers          text
 *
 * Values may arrive as FormData strings, as Conform's parseWithZod output, or typed
 * from a saved draft; a blank or whitespace-only value always means "not answered".
 *
 * For Conform's getZodConstraint use draftSchemaFor: what a submission requires is
 * checked by a refinement that constraints cannot express, and getZodConstraint
 * rejects the submission schema's typed output step.
 */
import { z } from "zod";
import { LEVELS, type Level } from "../levels";
import { blankToUndefined, numberUnlessBlank, undefinedAsEmptyObject } from "../rubrics/form-values";
import { RATING_SCORES, type RatingScore, type RubricCriterionDraft } from "../rubrics/types";
import {
  EVIDENCE_STATUSES,
  EXPERIENCE_QUESTION_LABELS,
  PRODUCTION_CAPABILITIES,
  PRODUCTION_CAPABILITY_LABELS,
  RECOMMENDATIONS,
  SCORECARD_LIMITS,
  YES_NO,
  type EvidenceStatus,
  type ExperienceQuestion,
  type ProductionCapability,
  type Recommendation,
  type YesNo,
} from "./scorecard-fields";

export * from "./scorecard-fields";

/** People management only matters on the manager track, which the scorecard does not know about. */
const REQUIRED_EXPERIENCE_QUESTIONS = ["lifecycleOwnership", "sharedInfrastructure"] as const satisfies readonly ExperienceQuestion[];

/** All a scorecard needs to know about a rubric criterion. */
export type ScorecardCriterion = Pick<RubricCriterionDraft, "key" | "title">;

function optionalText(label: string, maxLength: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${label} must be text` })
      .max(maxLength, `${label} must be at most ${maxLength} characters`)
      .optional(),
  );
}

function optionalChoice<const Values extends readonly [string, ...string[]]>(label: string, values: Values) {
  return z.preprocess(
    blankToUndefined,
    z.enum(values, { error: `${label} must be one of ${values.join(", ")}` }).optional(),
  );
}

function optionalScore(title: string) {
  return z.preprocess(
    numberUnlessBlank,
    z.literal(RATING_SCORES, { error: `${title}: score must be a whole number from 1 to 4` }).optional(),
  );
}

/** Not `.prefault({})`: Conform's getZodConstraint cannot see through it to the fields inside. */
function group<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess(undefinedAsEmptyObject, z.object(shape));
}

/**
 * A schema depends only on the criteria's keys and titles, and zod schemas are immutable.
 * Building one (about 40 schemas for a rubric) and zod compiling it on its first parse cost
 * ~2 ms of CPU, against ~0.04 ms to parse with a schema already used: so each distinct
 * rubric content gets its schemas once. Keyed by content, not by rubric version id, so
 * an edited draft rubric can never be checked against a stale schema. Bounded, although
 * rubric versions are few.
 */
const SCHEMA_CACHE_MAX = 200;
const draftSchemas = new Map<string, ReturnType<typeof buildDraftSchema>>();
const submissionSchemas = new Map<string, ReturnType<typeof buildSubmissionSchema>>();

function schemaKey(criteria: readonly ScorecardCriterion[]): string {
  return JSON.stringify(criteria.map(({ key, title }) => [key, title]));
}

function cached<Schema>(cache: Map<string, Schema>, key: string, build: () => Schema): Schema {
  let schema = cache.get(key);
  if (schema === undefined) {
    schema = build();
    if (cache.size >= SCHEMA_CACHE_MAX) cache.clear();
    cache.set(key, schema);
  }
  return schema;
}

export function draftSchemaFor(criteria: readonly ScorecardCriterion[]) {
  return cached(draftSchemas, schemaKey(criteria), () => buildDraftSchema(criteria));
}

function buildDraftSchema(criteria: readonly ScorecardCriterion[]) {
  const ratingSchema = (title: string) =>
    group({
      score: optionalScore(title),
      evidence: optionalText(`${title}: evidence`, SCORECARD_LIMITS.evidenceMaxLength),
    });
  const productionEvidenceSchema = (capability: ProductionCapability) => {
    const label = PRODUCTION_CAPABILITY_LABELS[capability];
    return group({
      status: optionalChoice(`${label}: status`, EVIDENCE_STATUSES),
      note: optionalText(`${label}: note`, SCORECARD_LIMITS.noteMaxLength),
    });
  };
  const experienceQuestion = (question: ExperienceQuestion) =>
    optionalChoice(EXPERIENCE_QUESTION_LABELS[question], YES_NO);

  return z.object({
    ratings: group(Object.fromEntries(criteria.map(({ key, title }) => [key, ratingSchema(title)]))),
    recommendation: optionalChoice("Overall recommendation", RECOMMENDATIONS),
    levelSignal: optionalChoice("Level signal", LEVELS),
    production: group({
      serving: productionEvidenceSchema("serving"),
      monitoring: productionEvidenceSchema("monitoring"),
      featureStore: productionEvidenceSchema("featureStore"),
      modelCicd: productionEvidenceSchema("modelCicd"),
    }),
    lifecycleOwnership: experienceQuestion("lifecycleOwnership"),
    sharedInfrastructure: experienceQuestion("sharedInfrastructure"),
    peopleManagement: experienceQuestion("peopleManagement"),
    noteForLaterInterviewers: optionalText("Note for later interviewers", SCORECARD_LIMITS.noteMaxLength),
  });
}

export type ScorecardDraft = z.output<ReturnType<typeof buildDraftSchema>>;

export type ScorecardSubmission = Omit<
  ScorecardDraft,
  "ratings" | "recommendation" | "levelSignal" | "production" | (typeof REQUIRED_EXPERIENCE_QUESTIONS)[number]
> & {
  ratings: Record<string, { score: RatingScore; evidence: string }>;
  recommendation: Recommendation;
  levelSignal: Level;
  production: Record<ProductionCapability, { status: EvidenceStatus; note?: string }>;
  lifecycleOwnership: YesNo;
  sharedInfrastructure: YesNo;
};

/** A submission is a draft in which nothing required is missing. */
export function submissionSchemaFor(criteria: readonly ScorecardCriterion[]) {
  return cached(submissionSchemas, schemaKey(criteria), () => buildSubmissionSchema(criteria));
}

function buildSubmissionSchema(criteria: readonly ScorecardCriterion[]) {
  // findGaps reads only the keys and titles, which are the cache key.
  const ownCriteria = criteria.map(({ key, title }) => ({ key, title }));
  return draftSchemaFor(ownCriteria)
    .superRefine((draft, ctx) => {
      for (const gap of findGaps(draft, ownCriteria)) {
        ctx.addIssue({ code: "custom", path: gap.path, message: gap.message });
      }
    })
    .transform((draft) => draft as ScorecardSubmission); // findGaps has just proved every required field present
}

export function checkCompleteness(
  draft: ScorecardDraft,
  criteria: readonly ScorecardCriterion[],
): { complete: boolean; missing: string[] } {
  const missing = findGaps(draft, criteria).map((gap) => gap.message);
  return { complete: missing.length === 0, missing };
}

interface Gap {
  path: string[];
  message: string;
}

/** What still stops the draft from being submitted, in form order. */
function findGaps(draft: ScorecardDraft, criteria: readonly ScorecardCriterion[]): Gap[] {
  const gaps: Gap[] = [];
  for (const { key, title } of criteria) {
    const rating = draft.ratings[key];
    if (rating?.score === undefined) {
      gaps.push({ path: ["ratings", key, "score"], message: `${title}: score is required` });
    }
    if (rating?.evidence === undefined) {
      gaps.push({ path: ["ratings", key, "evidence"], message: `${title}: evidence is required` });
    } else if (countNonBlankCharacters(rating.evidence) < SCORECARD_LIMITS.evidenceMinNonBlankCharacters) {
      gaps.push({
        path: ["ratings", key, "evidence"],
        message: `${title}: evidence needs at least ${SCORECARD_LIMITS.evidenceMinNonBlankCharacters} characters, not counting spaces`,
      });
    }
  }
  if (draft.recommendation === undefined) {
    gaps.push({ path: ["recommendation"], message: "Overall recommendation is required" });
  }
  if (draft.levelSignal === undefined) {
    gaps.push({ path: ["levelSignal"], message: "Level signal is required" });
  }
  for (const capability of PRODUCTION_CAPABILITIES) {
    const { status, note } = draft.production[capability];
    const label = PRODUCTION_CAPABILITY_LABELS[capability];
    if (status === undefined) {
      gaps.push({ path: ["production", capability, "status"], message: `${label}: status is required` });
    } else if (status === "evidenced" && note === undefined) {
      gaps.push({ path: ["production", capability, "note"], message: `${label}: a note is required when evidenced` });
    }
  }
  for (const question of REQUIRED_EXPERIENCE_QUESTIONS) {
    if (draft[question] === undefined) {
      gaps.push({ path: [question], message: `${EXPERIENCE_QUESTION_LABELS[question]}: answer yes or no` });
    }
  }
  return gaps;
}

function countNonBlankCharacters(text: string): number {
  return text.replace(/\s/g, "").length;
}

/**
 * The candidate form a recruiter fills to create or edit a candidate, validated on the
 * server (the route components do not import this module, so Zod stays out of the
 * client bundle).
 *
 * Field names — the same string is the FormData name, the Conform field name, the key
 * of the field's errors and the Candidate column:
 *
 *   name              1–120 characters
 *   email             an email address, stored lower-case
 *   country           one of CANDIDATE_COUNTRIES
 *   currentTitle      1–120 characters
 *   yearsExperience   whole years, 0–60
 *   track             IC | M
 *   faangExperience   a checkbox: "on" when ticked, absent when not
 *   notes             up to 5,000 characters, may be blank
 *   recruiterId       the owning recruiter's user id, blank for nobody
 *   version           (edit form only) the version the edit is based on
 *
 * Values may arrive as raw FormData strings or already coerced by Conform's
 * parseWithZod; both give the same result. A blank or whitespace-only value means
 * "not answered".
 */
import { z } from "zod";
import { INT_COLUMN_MAX } from "../int-columns";
import { blankToUndefined, numberUnlessBlank } from "../rubrics/form-values";
import {
  CANDIDATE_COUNTRIES,
  CANDIDATE_TRACKS,
  EMAIL_MAX,
  NAME_MAX,
  NOTES_MAX,
  TITLE_MAX,
  YEARS_MAX,
  type CandidateFieldName,
} from "./candidate-fields";

export {
  CANDIDATE_COUNTRIES,
  CANDIDATE_FORM_FIELDS,
  CANDIDATE_TRACK_LABELS,
  CANDIDATE_TRACKS,
  EMAIL_MAX,
  NAME_MAX,
  NOTES_MAX,
  TITLE_MAX,
  YEARS_MAX,
  type CandidateCountry,
  type CandidateFieldName,
  type CandidateTrack,
} from "./candidate-fields";

const missing = (input: unknown) => input === undefined || input === null;

/** A single-line text field: trimmed, required, at most `max` characters. */
function requiredText(label: string, max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: (issue) => (missing(issue.input) ? `${label} is required` : `${label} must be text`) })
      .max(max, `${label} must be at most ${max} characters`),
  );
}

/** A checkbox posts "on" when ticked and nothing at all when not. */
function checkbox(value: unknown): unknown {
  if (value === undefined || value === null || value === "" || value === false || value === "false" || value === "off") return false;
  if (value === true || value === "on" || value === "true") return true;
  return value;
}

/** Notes may be left blank; a blank field is stored as "". */
function optionalLongText(value: unknown): unknown {
  if (missing(value)) return "";
  return typeof value === "string" ? value.trim() : value;
}

export const candidateFormSchema = z.object({
  name: requiredText("Name", NAME_MAX),
  email: z.preprocess(
    blankToUndefined,
    z
      .string({ error: (issue) => (missing(issue.input) ? "Email is required" : "Enter a valid email address") })
      .max(EMAIL_MAX, `Email must be at most ${EMAIL_MAX} characters`)
      .toLowerCase()
      .pipe(z.email("Enter a valid email address, like name@example.com")),
  ),
  country: z.preprocess(blankToUndefined, z.enum(CANDIDATE_COUNTRIES, { error: "Choose a country from the list" })),
  currentTitle: requiredText("Current title", TITLE_MAX),
  yearsExperience: z.preprocess(
    numberUnlessBlank,
    z
      .number({ error: (issue) => (missing(issue.input) ? "Years of experience is required" : "Enter a number of years, like 7") })
      .int("Enter whole years, like 7")
      .min(0, "Years of experience cannot be negative")
      .max(YEARS_MAX, `Years of experience must be at most ${YEARS_MAX}`),
  ),
  track: z.preprocess(
    blankToUndefined,
    z.enum(CANDIDATE_TRACKS, { error: "Choose a track: individual contributor or manager" }),
  ),
  faangExperience: z.preprocess(checkbox, z.boolean({ error: "Tick the box or leave it empty" })),
  notes: z.preprocess(
    optionalLongText,
    // Conform turns "" into undefined before this point; both mean "no notes".
    z
      .string({ error: "Notes must be text" })
      .max(NOTES_MAX, `Notes must be at most ${NOTES_MAX.toLocaleString("en-US")} characters`)
      .optional()
      .transform((value) => value ?? ""),
  ),
  recruiterId: z.preprocess(blankToUndefined, z.guid({ error: "Choose a recruiter from the list" }).optional()),
});

export type CandidateInput = z.output<typeof candidateFormSchema>;

/** Editing carries the version the form was loaded with (optimistic concurrency). */
const VERSION_MISSING = "This form is missing its version. Reload the page and try again.";
export const candidateEditSchema = candidateFormSchema.extend({
  version: z.preprocess(numberUnlessBlank, z.number({ error: VERSION_MISSING }).int(VERSION_MISSING).min(1, VERSION_MISSING).max(INT_COLUMN_MAX, VERSION_MISSING)),
});

export type CandidateEditInput = z.output<typeof candidateEditSchema>;

// The field list lives in candidate-fields.ts; it must name exactly the schema's keys.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _fieldsMatchSchema: SameKeys<CandidateFieldName, keyof CandidateInput> = true;

/**
 * The candidate form's vocabulary without Zod: choices, labels and limits. Components
 * import these directly; the schema in candidate-form.ts builds on them (and stays out of
 * the client bundle).
 */

/** Where the firm recruits (Latin America), plus "Other" for everyone else. */
export const CANDIDATE_COUNTRIES = [
  "Argentina",
  "Bolivia",
  "Brazil",
  "Chile",
  "Colombia",
  "Costa Rica",
  "Cuba",
  "Dominican Republic",
  "Ecuador",
  "El Salvador",
  "Guatemala",
  "Honduras",
  "Mexico",
  "Nicaragua",
  "Panama",
  "Paraguay",
  "Peru",
  "Puerto Rico",
  "Uruguay",
  "Venezuela",
  "Other",
] as const;
export type CandidateCountry = (typeof CANDIDATE_COUNTRIES)[number];

export function isCandidateCountry(value: string): value is CandidateCountry {
  return (CANDIDATE_COUNTRIES as readonly string[]).includes(value);
}

export const CANDIDATE_TRACKS = ["IC", "M"] as const;
export type CandidateTrack = (typeof CANDIDATE_TRACKS)[number];
export const CANDIDATE_TRACK_LABELS: Record<CandidateTrack, string> = {
  IC: "Individual contributor",
  M: "Manager",
};

export const NAME_MAX = 120;
export const EMAIL_MAX = 254;
export const TITLE_MAX = 120;
export const YEARS_MAX = 60;
export const NOTES_MAX = 5000;

/** The form's field names; each is also the Candidate column it edits. */
export const CANDIDATE_FORM_FIELDS = [
  "name",
  "email",
  "country",
  "currentTitle",
  "yearsExperience",
  "track",
  "faangExperience",
  "notes",
  "recruiterId",
] as const;
export type CandidateFieldName = (typeof CANDIDATE_FORM_FIELDS)[number];

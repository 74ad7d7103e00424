/**
 * Importing candidates from a CSV export of the firm's ATS: which column feeds which field
 * (presets for Greenhouse's and Lever's candidate exports and for this app's own layout),
 * and each row validated by the same schema as the candidate form. Pure: the CSV is parsed
 * by the caller into rows of cells.
 */
import { candidateFormSchema, type CandidateInput } from "./candidate-form";
import { CANDIDATE_COUNTRIES, type CandidateCountry } from "./candidate-fields";

export const IMPORT_FIELDS = [
  "name",
  "firstName",
  "lastName",
  "email",
  "country",
  "currentTitle",
  "yearsExperience",
  "track",
  "faangExperience",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: "Full name",
  firstName: "First name (joined with the last name when there is no full name)",
  lastName: "Last name",
  email: "Email",
  country: "Country (a country named anywhere in the cell, e.g. “São Paulo, Brazil”)",
  currentTitle: "Current title",
  yearsExperience: "Years of experience",
  track: "Track (IC or M; “manager” reads as M)",
  faangExperience: "FAANG-type experience (yes/no)",
  notes: "Notes",
};

/** Fields that may have a value for every row instead of a column (ATS exports lack them). */
export const DEFAULTABLE_FIELDS = ["country", "currentTitle", "yearsExperience", "track", "faangExperience"] as const satisfies readonly ImportField[];
export type DefaultableField = (typeof DEFAULTABLE_FIELDS)[number];

export const IMPORT_PRESETS = ["greenhouse", "lever", "ml-leveling"] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

export const IMPORT_PRESET_LABELS: Record<ImportPreset, string> = {
  greenhouse: "Greenhouse candidate export",
  lever: "Lever candidate export",
  "ml-leveling": "This app's column names",
};

/** Header names each preset looks for, compared without case, accents or punctuation. */
const PRESET_HEADERS: Record<ImportPreset, Partial<Record<ImportField, string[]>>> = {
  greenhouse: {
    firstName: ["First Name"],
    lastName: ["Last Name"],
    email: ["Email", "Email Address", "Personal Email", "Emails"],
    currentTitle: ["Current Title", "Title"],
    country: ["Country", "Location", "Address"],
    notes: ["Notes", "Tags", "Source"],
  },
  lever: {
    name: ["Name", "Full Name", "Contact Name"],
    email: ["Email", "Emails", "Email Address"],
    currentTitle: ["Current Title", "Headline", "Title"],
    country: ["Country", "Location"],
    notes: ["Notes", "Tags", "Sources", "Origin"],
  },
  "ml-leveling": {
    name: ["name"],
    email: ["email"],
    country: ["country"],
    currentTitle: ["currentTitle", "current title"],
    yearsExperience: ["yearsExperience", "years of experience", "years"],
    track: ["track"],
    faangExperience: ["faangExperience", "faang experience", "faang"],
    notes: ["notes"],
  },
};

/** Column index per field (null: not mapped). */
export type ImportMapping = Record<ImportField, number | null>;
export type ImportDefaults = Partial<Record<DefaultableField, string>>;

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

export function presetMapping(headers: readonly string[], preset: ImportPreset): ImportMapping {
  const folded = headers.map(fold);
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, null])) as ImportMapping;
  for (const field of IMPORT_FIELDS) {
    for (const name of PRESET_HEADERS[preset][field] ?? []) {
      const index = folded.indexOf(fold(name));
      if (index >= 0) {
        mapping[field] = index;
        break;
      }
    }
  }
  return mapping;
}

/** The preset whose headers the file matches best (most mapped fields), for the first preview. */
export function guessPreset(headers: readonly string[]): ImportPreset {
  const mapped = (preset: ImportPreset) => Object.values(presetMapping(headers, preset)).filter((index) => index !== null).length;
  return [...IMPORT_PRESETS].sort((a, b) => mapped(b) - mapped(a))[0]!;
}

// Spellings the country list does not fold to (accents are folded already: México, Perú).
const COUNTRY_ALIASES: Record<string, CandidateCountry> = { brasil: "Brazil", republicadominicana: "Dominican Republic" };

/** "São Paulo, Brazil" → Brazil; the last country named wins ("Lima, Peru"). Null when none is. */
export function countryIn(cell: string): CandidateCountry | null {
  const words = fold(cell.replace(/[,;/|()-]+/g, " "));
  let found: { country: CandidateCountry; at: number } | null = null;
  for (const country of CANDIDATE_COUNTRIES) {
    if (country === "Other") continue;
    const at = words.lastIndexOf(fold(country));
    if (at >= 0 && (!found || at > found.at)) found = { country, at };
  }
  for (const [alias, country] of Object.entries(COUNTRY_ALIASES)) {
    const at = words.lastIndexOf(alias);
    if (at >= 0 && (!found || at > found.at)) found = { country, at };
  }
  return found?.country ?? null;
}

function yesNo(cell: string): string {
  const value = fold(cell);
  if (["yes", "y", "true", "1", "si", "sim", "x"].includes(value)) return "true";
  if (["no", "n", "false", "0", ""].includes(value)) return "false";
  return cell;
}

function trackOf(cell: string): string {
  const value = fold(cell);
  if (["m", "manager", "management", "engineeringmanager"].includes(value)) return "M";
  if (["ic", "individualcontributor", "engineer"].includes(value)) return "IC";
  return cell;
}

export type ImportRow =
  | { line: number; ok: true; input: CandidateInput }
  | { line: number; ok: false; errors: string[]; email: string | null };

export type ImportPreview = { rows: ImportRow[]; valid: number; invalid: number };

/** At most this many rows per file: an import is one transaction. */
export const IMPORT_MAX_ROWS = 20_000;

/**
 * Validates every data row (rows[0] is the header) with the candidate form's schema, after
 * reading the mapped cells; a repeated email within the file is an error on the later row.
 * `line` is the row's line in the spreadsheet (the header is line 1).
 */
export function previewImport(rows: readonly (readonly string[])[], mapping: ImportMapping, defaults: ImportDefaults = {}): ImportPreview {
  const cell = (row: readonly string[], field: ImportField) => {
    const index = mapping[field];
    return index === null ? "" : (row[index] ?? "").trim();
  };
  const seen = new Map<string, number>();
  const result: ImportRow[] = [];
  for (const [offset, row] of rows.slice(1).entries()) {
    const line = offset + 2;
    const withDefault = (field: DefaultableField) => cell(row, field) || (defaults[field] ?? "").trim();
    const name = cell(row, "name") || [cell(row, "firstName"), cell(row, "lastName")].filter(Boolean).join(" ");
    const countryCell = withDefault("country");
    const parsed = candidateFormSchema.safeParse({
      name,
      email: cell(row, "email"),
      country: countryCell === "" ? "" : (countryIn(countryCell) ?? countryCell),
      currentTitle: withDefault("currentTitle"),
      yearsExperience: withDefault("yearsExperience"),
      track: trackOf(withDefault("track")),
      faangExperience: yesNo(withDefault("faangExperience")),
      notes: cell(row, "notes"),
    });
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => issue.message);
      result.push({ line, ok: false, errors, email: cell(row, "email").toLowerCase() || null });
      continue;
    }
    const earlier = seen.get(parsed.data.email);
    if (earlier !== undefined) {
      result.push({ line, ok: false, errors: [`The same email as line ${earlier}`], email: parsed.data.email });
      continue;
    }
    seen.set(parsed.data.email, line);
    result.push({ line, ok: true, input: parsed.data });
  }
  const valid = result.filter((row) => row.ok).length;
  return { rows: result, valid, invalid: result.length - valid };
}

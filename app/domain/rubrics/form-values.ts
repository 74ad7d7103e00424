/**
 * Form fields arrive as strings from FormData, or already coerced by Conform's
 * parseWithZod, or typed from a saved JSON draft. These normalisers let a schema
 * accept all three, with a blank field meaning "not answered" rather than "" or 0.
 */

export function blankToUndefined(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** A non-numeric string becomes NaN so the number schema reports it as invalid, not missing. */
export function numberUnlessBlank(value: unknown): unknown {
  const normalised = blankToUndefined(value);
  return typeof normalised === "string" ? Number(normalised) : normalised;
}

/** A group none of whose fields were posted arrives as undefined; as {} each of its fields reports itself. */
export function undefinedAsEmptyObject(value: unknown): unknown {
  return value === undefined ? {} : value;
}

/**
 * A list of short texts from a textarea holding one per line (blank lines dropped), or
 * from a stored list; each entry trimmed. Missing means an empty list.
 */
export function linesToList(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  const entries = typeof value === "string" ? value.split(/\r?\n/) : value;
  if (!Array.isArray(entries)) return value;
  return entries.map((entry: unknown) => (typeof entry === "string" ? entry.trim() : entry)).filter((entry: unknown) => entry !== "");
}

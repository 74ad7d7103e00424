/**
 * The import page's query and forms: the mapping travels in the URL (map.<field>=column,
 * default.<field>=value, preset) so a preview is a plain GET that works without JavaScript,
 * and the commit form posts the same fields.
 */
import { z } from "zod";
import { DEFAULTABLE_FIELDS, IMPORT_FIELDS, IMPORT_PRESETS, presetMapping, type ImportDefaults, type ImportMapping, type ImportPreset } from "./import";

const DEFAULT_MAX = 200;

/** Reads the mapping from `fields` (URL or form); a column outside the file is an error, not a guess. */
export function readImportMapping(
  fields: URLSearchParams | FormData,
  headers: readonly string[],
  fallbackPreset: ImportPreset,
): { ok: true; preset: ImportPreset; mapping: ImportMapping; defaults: ImportDefaults; customised: boolean } | { ok: false; message: string } {
  const preset = z.enum(IMPORT_PRESETS).catch(fallbackPreset).parse(fields.get("preset") ?? undefined);
  const mapping = presetMapping(headers, preset);
  let customised = false;
  for (const field of IMPORT_FIELDS) {
    const value = fields.get(`map.${field}`);
    if (value === null) continue;
    customised = true;
    if (value === "") {
      mapping[field] = null;
      continue;
    }
    const column = z.coerce.number().int().min(0).max(headers.length - 1).safeParse(value);
    if (!column.success) return { ok: false, message: "A mapped column is not in the file. Choose the columns again." };
    mapping[field] = column.data;
  }
  const defaults: ImportDefaults = {};
  for (const field of DEFAULTABLE_FIELDS) {
    const value = fields.get(`default.${field}`);
    if (typeof value !== "string" || value.trim() === "") continue;
    if (value.length > DEFAULT_MAX) return { ok: false, message: `A default value is longer than ${DEFAULT_MAX} characters.` };
    defaults[field] = value;
  }
  return { ok: true, preset, mapping, defaults, customised };
}

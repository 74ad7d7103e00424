/**
 * The calibration filter from the URL, parsed on the server. Every field falls back to
 * "no filter" (`.catch`), so a hand-edited or stale URL shows numbers instead of failing.
 */
import { z } from "zod";
import { SCREEN_AREA_KEYS } from "../screen-areas";
import type { CalibrationFilter } from "./types";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day (2026-02-30 is refused), between years 2000 and 2999. */
function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value && value >= "2000-01-01" && value < "3000-01-01";
}

const day = z.string().trim().refine(isDay).nullable().catch(null);

const querySchema = z.object({
  from: day,
  to: day,
  area: z.enum(SCREEN_AREA_KEYS).nullable().catch(null),
});

export function parseCalibrationQuery(searchParams: URLSearchParams): CalibrationFilter {
  // The last value wins when a parameter repeats, as the form sends each once.
  const { from, to, area } = querySchema.parse(Object.fromEntries(searchParams));
  // A range given backwards means the same days.
  const [first, last] = from && to && from > to ? [to, from] : [from, to];
  return { from: first, to: last, areaKey: area };
}

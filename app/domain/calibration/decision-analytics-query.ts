/**
 * The decision analytics URL (override list filters and page), parsed on the server; a
 * bad value falls back to "any" or page 1 (`.catch`), never an error.
 */
import { z } from "zod";
import { DECIDED_OUTCOMES, MAX_OVERRIDE_PAGE, RECOMMENDED_OUTCOMES, type OverrideFilter } from "./decision-analytics";

const querySchema = z.object({
  recommended: z.enum(RECOMMENDED_OUTCOMES).nullable().catch(null),
  decided: z.enum(DECIDED_OUTCOMES).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(MAX_OVERRIDE_PAGE).catch(1),
});

export function parseOverrideFilter(searchParams: URLSearchParams): OverrideFilter {
  return querySchema.parse(Object.fromEntries(searchParams));
}

/**
 * The candidate list's URL query, parsed on the server. Every field falls back to its
 * default (`.catch`), so a hand-edited or stale URL lists candidates instead of failing.
 */
import { z } from "zod";
import { CANDIDATE_COUNTRIES } from "./candidate-fields";
import {
  DECISION_STATES,
  DEFAULT_DIRECTION,
  LEVEL_FILTERS,
  MAX_PAGE,
  RECOMMENDATION_STATUSES,
  SEARCH_MAX,
  SORT_DIRECTIONS,
  SORT_KEYS,
  type CandidateListQuery,
} from "./list-options";

const querySchema = z.object({
  q: z
    .string()
    .transform((value) => value.trim().slice(0, SEARCH_MAX))
    .catch(""),
  status: z.enum(RECOMMENDATION_STATUSES).nullable().catch(null),
  level: z.enum(LEVEL_FILTERS).nullable().catch(null),
  decision: z.enum(DECISION_STATES).nullable().catch(null),
  country: z.enum(CANDIDATE_COUNTRIES).nullable().catch(null),
  sort: z.enum(SORT_KEYS).catch("created"),
  dir: z.enum(SORT_DIRECTIONS).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
});

export function parseCandidateListQuery(searchParams: URLSearchParams): CandidateListQuery {
  // The last value wins when a parameter repeats, as the form would send it once.
  const parsed = querySchema.parse(Object.fromEntries(searchParams));
  return { ...parsed, dir: parsed.dir ?? DEFAULT_DIRECTION[parsed.sort] };
}

/**
 * The candidate list's filters and sorts without Zod: the page renders its GET form from
 * these, and list-query.ts parses the URL against them on the server.
 */
import { LEVELS } from "../levels";
import type { RecommendationStatus } from "../leveling/types";

export const CANDIDATES_PER_PAGE = 25;
/** Deeper pages would only be reached by editing the URL; refusing them bounds the OFFSET. */
export const MAX_PAGE = 10_000;
export const SEARCH_MAX = 100;

export const RECOMMENDATION_STATUSES = ["incomplete", "no_hire", "recommended"] as const satisfies readonly RecommendationStatus[];
export const RECOMMENDATION_STATUS_FILTER_LABELS: Record<RecommendationStatus, string> = {
  incomplete: "Incomplete",
  no_hire: "No hire",
  recommended: "Recommended",
};

export const LEVEL_FILTERS = LEVELS;

export const DECISION_STATES = ["undecided", "decided"] as const;
export type DecisionState = (typeof DECISION_STATES)[number];
export const DECISION_STATE_LABELS: Record<DecisionState, string> = { undecided: "Undecided", decided: "Decided" };

export const SORT_KEYS = ["created", "name", "level", "updated"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_LABELS: Record<SortKey, string> = {
  created: "Created",
  name: "Name",
  level: "Recommended level",
  updated: "Last updated",
};

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const SORT_DIRECTION_LABELS: Record<SortDirection, string> = { asc: "Ascending", desc: "Descending" };
/** Newest, most senior and most recently updated first; names A to Z. */
export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = { created: "desc", name: "asc", level: "desc", updated: "desc" };

/** The parsed query; every field has a value, so a bad URL still lists something. */
export type CandidateListQuery = {
  q: string;
  status: RecommendationStatus | null;
  level: (typeof LEVELS)[number] | null;
  decision: DecisionState | null;
  country: string | null;
  sort: SortKey;
  dir: SortDirection;
  page: number;
};

/** The URL of a list page: only what differs from the defaults, so links stay short. */
export function candidateListHref(query: CandidateListQuery, changes: Partial<CandidateListQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.status) params.set("status", next.status);
  if (next.level) params.set("level", next.level);
  if (next.decision) params.set("decision", next.decision);
  if (next.country) params.set("country", next.country);
  if (next.sort !== "created") params.set("sort", next.sort);
  if (next.dir !== DEFAULT_DIRECTION[next.sort]) params.set("dir", next.dir);
  if (next.page !== 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/candidates?${search}` : "/candidates";
}

/** Page numbers to link to: the first, the last and a window around the current one; null marks a gap. */
export function pageWindow(current: number, pages: number, radius = 2): (number | null)[] {
  const numbers = new Set<number>([1, pages]);
  for (let page = current - radius; page <= current + radius; page += 1) if (page >= 1 && page <= pages) numbers.add(page);
  const sorted = [...numbers].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const [index, page] of sorted.entries()) {
    if (index > 0 && page - sorted[index - 1]! > 1) result.push(null);
    result.push(page);
  }
  return result;
}

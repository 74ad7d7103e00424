/**
 * The audit log's filter as it travels in the query string, shared by the page, its
 * pagination links and the CSV export. Anything malformed is ignored, never an error:
 * a filter is a view, and a bad one should show everything rather than fail.
 */
import { isUuid } from "~/utils/params";

export type AuditFilterParams = {
  actorId?: string;
  /** Matches actions starting with it, e.g. "rubric." or "decision.override". */
  action?: string;
  entityType?: string;
  /** YYYY-MM-DD, UTC, inclusive. */
  from?: string;
  to?: string;
  page: number;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 100;

/** Actions and entities the app records, offered as suggestions in the filter. */
export const KNOWN_ACTIONS = [
  "auth.",
  "candidate.",
  "decision.",
  "decision.accept",
  "decision.override",
  "interview.",
  "policy.",
  "policy.publish",
  "rubric.",
  "rubric.publish",
  "scorecard.submit",
  "user.",
  "user.roles_change",
  "user.deactivate",
  "user.password_reset",
];
export const KNOWN_ENTITY_TYPES = ["Candidate", "Interview", "LevelingPolicyVersion", "RubricVersion", "Scorecard", "User"];

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= MAX_TEXT ? trimmed : undefined;
}

/** A real day in a plausible year: `to=0000-01-01` reached PostgreSQL as a date it cannot store (500). */
function day(value: string | null): string | undefined {
  if (!value || !DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return undefined;
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2999 ? value : undefined;
}

export function readAuditFilter(params: URLSearchParams): AuditFilterParams {
  const actorId = params.get("actorId");
  const page = Math.floor(Number(params.get("page")));
  return {
    actorId: isUuid(actorId) ? actorId : undefined,
    action: text(params.get("action")),
    entityType: text(params.get("entityType")),
    from: day(params.get("from")),
    to: day(params.get("to")),
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The query string for a filter (without `page` unless given). */
export function auditFilterQuery(filter: Omit<AuditFilterParams, "page">, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ["actorId", "action", "entityType", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (page) params.set("page", String(page));
  return params.toString();
}

/** The filter as the audit model takes it: `to` includes the whole day it names. */
export function toAuditQuery(filter: AuditFilterParams) {
  return {
    actorId: filter.actorId,
    action: filter.action,
    entityType: filter.entityType,
    from: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
    to: filter.to ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) : undefined,
  };
}

/**
 * What a service token may do. A token holds a subset; every API endpoint names the one
 * scope it needs. Reading scores is deliberately absent: a service reads scorecard status,
 * never a scorecard's ratings or evidence.
 */
export const API_SCOPES = [
  "candidates:read",
  "candidates:write",
  "interviews:read",
  "interviews:write",
  "recommendations:read",
  "decisions:read",
  "decisions:write",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  "candidates:read": "Read candidates",
  "candidates:write": "Create and update candidates",
  "interviews:read": "Read interview assignments and scorecard status",
  "interviews:write": "Assign interviewers",
  "recommendations:read": "Read recommendations (level, band, flags, explanation)",
  "decisions:read": "Read decisions",
  "decisions:write": "Record decisions",
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/**
 * RFC 9457 problem details, the body of every API error. `type` is a stable URI per kind of
 * problem (relative to the API), so clients branch on it rather than on the wording.
 */
export type ProblemKind =
  | "unauthorized"
  | "forbidden"
  | "not-found"
  | "method-not-allowed"
  | "invalid-request"
  | "conflict"
  | "rate-limited"
  | "unavailable";

const TITLES: Record<ProblemKind, { status: number; title: string }> = {
  unauthorized: { status: 401, title: "Missing or invalid API token" },
  forbidden: { status: 403, title: "The token lacks the scope this endpoint needs" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "invalid-request": { status: 400, title: "The request is invalid" },
  conflict: { status: 409, title: "Conflict with the current state" },
  "rate-limited": { status: 429, title: "Too many requests" },
  unavailable: { status: 503, title: "Temporarily unavailable" },
};

/** One field's error: a JSON Pointer (RFC 6901) into the request body or query, and why. */
export type FieldError = { pointer: string; detail: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
};

export const PROBLEM_TYPE_BASE = "/api/v1/problems/";

export function problem(kind: ProblemKind, detail?: string, errors?: FieldError[]): Problem {
  const { status, title } = TITLES[kind];
  return {
    type: `${PROBLEM_TYPE_BASE}${kind}`,
    title,
    status,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined ? {} : { errors }),
  };
}

/** Zod-style issue paths as JSON Pointers ("/ratings/0/score"), escaped per RFC 6901. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => "/" + String(segment).replaceAll("~", "~0").replaceAll("/", "~1")).join("");
}

export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((issue) => ({ pointer: toPointer(issue.path), detail: issue.message }));
}

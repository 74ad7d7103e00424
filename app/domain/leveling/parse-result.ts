import type { z } from "zod";

export interface InputIssue {
  /** Dotted path of the offending field, e.g. "areas.code_quality"; "" for the whole value. */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

export function toParseResult<T>(result: z.ZodSafeParseResult<T>): ParseResult<T> {
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.map(toInputIssue) };
}

/** "areas.code_quality: must be a number between 1 and 4" */
export function describeIssue(issue: InputIssue): string {
  return issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`;
}

function toInputIssue(issue: z.core.$ZodIssue): InputIssue {
  // Name the unknown field itself, so a typo like "code_qualty" is pointed at directly.
  if (issue.code === "unrecognized_keys") {
    return { path: joinPath([...issue.path, issue.keys[0] ?? ""]), message: "unknown field" };
  }
  if (issue.code === "invalid_type" && issue.path.length === 0) {
    return { path: "", message: `must be a JSON ${issue.expected}` };
  }
  return { path: joinPath(issue.path), message: issue.message };
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

import type { CandidateRecord } from "~/models/candidate-list.server";
import type { CandidateWriteResult } from "~/models/candidate.server";
import { apiProblem, type ApiProblem } from "./endpoint.server";

/** A candidate as the API shows it: the stored row with ISO times. */
export function toApiCandidate(row: CandidateRecord) {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** A refused candidate write as a problem: a taken email or a stale version is a conflict. */
export function candidateWriteFailure(result: Extract<CandidateWriteResult, { ok: false }>): ApiProblem {
  switch (result.reason) {
    case "not_found":
      return apiProblem("not-found", "No candidate with this id.");
    case "conflict":
      return apiProblem("conflict", result.message, [{ pointer: "/version", detail: result.message }]);
    case "invalid":
      return apiProblem(result.field === "email" ? "conflict" : "invalid-request", result.message, [
        { pointer: `/${result.field}`, detail: result.message },
      ]);
  }
}

import { apiAction, apiLoader, apiMethod, apiProblem } from "~/api/endpoint.server";
import { toApiCandidate, candidateWriteFailure } from "~/api/candidates.server";
import { decodeCursor, encodeCursor } from "~/domain/api/cursor";
import { createCandidate } from "~/models/candidate.server";
import { getCandidateRecord, listCandidatesAfter } from "~/models/candidate-list.server";

export const loader = apiLoader("listCandidates", async ({ query }) => {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after) {
    throw apiProblem("invalid-request", "The cursor is not one this API returned.", [{ pointer: "/query/cursor", detail: "Unknown cursor" }]);
  }
  const { rows, hasMore } = await listCandidatesAfter(
    { q: query.q ?? "", status: query.status ?? null, level: query.level ?? null, decision: query.decision ?? null, country: query.country ?? null },
    after,
    query.limit,
  );
  const last = rows.at(-1);
  return { data: rows.map(toApiCandidate), nextCursor: hasMore && last ? encodeCursor(last) : null };
});

export const action = apiAction({
  post: apiMethod("createCandidate", async ({ body, caller, ipAddress }) => {
    const result = await createCandidate(body, { id: caller.ownerId, ipAddress });
    if (!result.ok) throw candidateWriteFailure(result);
    return toApiCandidate((await getCandidateRecord(result.id))!);
  }),
});

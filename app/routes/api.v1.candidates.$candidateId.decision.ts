import { apiAction, apiLoader, apiMethod, apiProblem, requireScoresVisible } from "~/api/endpoint.server";
import type { ApiCaller } from "~/models/api-token.server";
import { getDecision, recordDecision } from "~/models/decision.server";

async function decisionOf(caller: ApiCaller, candidateId: string) {
  await requireScoresVisible(caller, candidateId);
  const decision = await getDecision(candidateId);
  if (!decision) throw apiProblem("not-found", "No decision recorded for this candidate (or no such candidate).");
  return { ...decision, candidateId };
}

export const loader = apiLoader("getDecision", ({ params, caller }) => decisionOf(caller, params.candidateId!));

export const action = apiAction({
  post: apiMethod("recordDecision", async ({ params, body, caller, ipAddress }) => {
    const candidateId = params.candidateId!;
    await requireScoresVisible(caller, candidateId);
    const result = await recordDecision({
      candidateId,
      basedOn: new Date(body.basedOn),
      decision: body.kind === "accept" ? { kind: "accept" } : { kind: "override", choice: body.level, reason: body.reason },
      actor: { id: caller.ownerId, ipAddress },
    });
    if (!result.ok) {
      if (result.reason === "not_found") throw apiProblem("not-found", "No candidate with this id.");
      if (result.reason === "invalid") {
        throw apiProblem("invalid-request", result.message, result.field ? [{ pointer: `/${result.field}`, detail: result.message }] : undefined);
      }
      throw apiProblem("conflict", result.message, result.reason === "stale" ? [{ pointer: "/basedOn", detail: result.message }] : undefined);
    }
    return decisionOf(caller, candidateId);
  }),
});

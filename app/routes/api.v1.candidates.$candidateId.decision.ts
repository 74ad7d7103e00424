import { apiAction, apiLoader, apiMethod, apiProblem } from "~/api/endpoint.server";
import { getDecision, recordDecision } from "~/models/decision.server";

async function decisionOf(candidateId: string) {
  const decision = await getDecision(candidateId);
  if (!decision) throw apiProblem("not-found", "No decision recorded for this candidate (or no such candidate).");
  return { ...decision, candidateId };
}

export const loader = apiLoader("getDecision", ({ params }) => decisionOf(params.candidateId!));

export const action = apiAction({
  post: apiMethod("recordDecision", async ({ params, body, caller, ipAddress }) => {
    const candidateId = params.candidateId!;
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
    return decisionOf(candidateId);
  }),
});

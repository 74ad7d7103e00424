import { apiAction, apiLoader, apiMethod, apiProblem } from "~/api/endpoint.server";
import { candidateWriteFailure, toApiCandidate } from "~/api/candidates.server";
import { updateCandidate } from "~/models/candidate.server";
import { getCandidateRecord } from "~/models/candidate-list.server";

const notFound = () => apiProblem("not-found", "No candidate with this id.");

export const loader = apiLoader("getCandidate", async ({ params }) => {
  const candidate = await getCandidateRecord(params.candidateId!);
  if (!candidate) throw notFound();
  return toApiCandidate(candidate);
});

export const action = apiAction({
  patch: apiMethod("updateCandidate", async ({ params, body, caller, ipAddress }) => {
    const { version, ...fields } = body;
    const result = await updateCandidate(params.candidateId!, version, fields, { id: caller.ownerId, ipAddress });
    if (!result.ok) throw candidateWriteFailure(result);
    return toApiCandidate((await getCandidateRecord(result.id))!);
  }),
});

import { apiAction, apiLoader, apiMethod, apiProblem } from "~/api/endpoint.server";
import { getCandidateOverview } from "~/models/candidate.server";
import { assignInterviewer } from "~/models/interview-assignment.server";

/** Every scheduled interview of the candidate with its scorecard's status; never a score. */
async function interviewsOf(candidateId: string) {
  const overview = await getCandidateOverview(candidateId);
  if (!overview) throw apiProblem("not-found", "No candidate with this id.");
  return overview.areas.flatMap((area) =>
    area.interviews.map((interview) => ({
      id: interview.id,
      areaKey: area.key,
      interviewerId: interview.interviewerId,
      interviewerName: interview.interviewerName,
      scheduledAt: interview.scheduledAt.toISOString(),
      durationMinutes: interview.durationMinutes,
      scorecardStatus: interview.scorecardStatus,
    })),
  );
}

export const loader = apiLoader("listInterviews", async ({ params }) => ({ data: await interviewsOf(params.candidateId!) }));

export const action = apiAction({
  post: apiMethod("assignInterview", async ({ params, body, caller, ipAddress }) => {
    const candidateId = params.candidateId!;
    const result = await assignInterviewer(
      { candidateId, areaKey: body.areaKey, interviewerId: body.interviewerId, scheduledAt: new Date(body.scheduledAt), durationMinutes: body.durationMinutes },
      { id: caller.ownerId, ipAddress },
    );
    if (!result.ok) {
      const errors = result.field ? [{ pointer: `/${result.field}`, detail: result.message }] : undefined;
      if (result.reason === "not_found") throw apiProblem("not-found", result.message);
      throw apiProblem(result.reason === "duplicate" ? "conflict" : "invalid-request", result.message, errors);
    }
    return (await interviewsOf(candidateId)).find((interview) => interview.id === result.interviewId)!;
  }),
});

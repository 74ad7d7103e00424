import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { forbidden, requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getOwnInterview } from "~/models/interview.server";
import { listSubmittedScorecards } from "~/models/scorecard.server";
import { candidateScoresOf } from "~/models/visibility.server";
import { SUBMIT_FIRST_MESSAGE } from "~/domain/scorecards/visibility";
import { formatDateTimeUtc } from "~/utils/format";
import { requireUuidParam } from "~/utils/params";

export const meta: MetaFunction = () => [{ title: "Colleagues' feedback · ML Leveling" }];

/**
 * Other interviewers' submitted scorecards on the same candidate, open only once the
 * viewer has submitted every scorecard they owe for it (independent scoring, enforced here,
 * not in the UI; the same rule as /scorecards/:id).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INTERVIEWER");
  const interview = await getOwnInterview(requireUuidParam(params.interviewId, "Interview"), user.id);
  if (!interview) throw new Response("Interview not found", { status: 404 });
  if ((await candidateScoresOf(user, interview.candidateId)) !== "visible") throw forbidden(SUBMIT_FIRST_MESSAGE);
  const scorecards = await listSubmittedScorecards(interview.candidateId);
  return {
    interviewId: interview.id,
    candidateName: interview.candidate.name,
    scorecards: scorecards
      .filter((scorecard) => scorecard.interview.interviewerId !== user.id)
      .map((scorecard) => ({
        id: scorecard.id,
        areaName: scorecard.interview.area.name,
        interviewerName: scorecard.interview.interviewer.name,
        weightedScore: scorecard.weightedScore,
        recommendation: scorecard.overallRecommendation,
        levelSignal: scorecard.levelSignal,
        submittedAt: scorecard.submittedAt!.toISOString(),
      })),
  };
}

export default function FeedbackPage() {
  const { interviewId, candidateName, scorecards } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-5xl p-6">
      <p className="text-sm">
        <Link to={`/interviews/${interviewId}`} className="underline">
          Your scorecard
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Colleagues&apos; feedback on {candidateName}</h1>
      {scorecards.length === 0 ? (
        <p className="mt-4 text-slate-600">No other interviewer has submitted a scorecard for this candidate yet.</p>
      ) : (
        <table className="mt-4 w-full text-left text-sm">
          <thead className="border-b text-slate-500">
            <tr>
              <th className="py-2">Screen area</th>
              <th>Interviewer</th>
              <th>Weighted score</th>
              <th>Recommendation</th>
              <th>Level seen</th>
              <th>Submitted</th>
            </tr>
          </thead>
          <tbody>
            {scorecards.map((scorecard) => (
              <tr key={scorecard.id} className="border-b">
                <td className="py-2">
                  <Link to={`/scorecards/${scorecard.id}`} className="text-indigo-700 underline">
                    {scorecard.areaName}
                  </Link>
                </td>
                <td>{scorecard.interviewerName}</td>
                <td>{scorecard.weightedScore?.toFixed(2)}</td>
                <td>{scorecard.recommendation?.replace("_", " ")}</td>
                <td>{scorecard.levelSignal}</td>
                <td>{formatDateTimeUtc(scorecard.submittedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { forbidden, requireUser } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScorecardFields, type ScorecardDefaultValues } from "~/components/scorecard/scorecard-form";
import { SUBMIT_FIRST_MESSAGE, scorecardAccess } from "~/domain/scorecards/visibility";
import { getRubricVersion } from "~/models/rubric.server";
import { getScorecardForReading } from "~/models/scorecard.server";
import { candidateScoresOf } from "~/models/visibility.server";
import { formatDateTimeUtc } from "~/utils/format";
import { requireUuidParam } from "~/utils/params";

export const meta: MetaFunction = () => [{ title: "Scorecard · ML Leveling" }];

const notFound = () => new Response("Scorecard not found", { status: 404 });

/** One scorecard, read-only, shown against the rubric version it was filled with. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scorecard = await getScorecardForReading(requireUuidParam(params.scorecardId, "Scorecard"));
  if (!scorecard) throw notFound();
  const access = scorecardAccess({
    viewerId: user.id,
    authorId: scorecard.interview.interviewerId,
    submitted: scorecard.submittedAt !== null,
    scores: await candidateScoresOf(user, scorecard.interview.candidateId),
  });
  if (access === "not_found") throw notFound();
  if (access === "blind_until_own_submission") throw forbidden(SUBMIT_FIRST_MESSAGE);
  if (!scorecard.submittedAt) throw redirect(`/interviews/${scorecard.interview.id}`);
  const rubric = (await getRubricVersion(scorecard.rubricVersionId))!;
  return {
    scorecard: {
      candidateName: scorecard.interview.candidate.name,
      areaName: scorecard.interview.area.name,
      interviewerName: scorecard.interview.interviewer.name,
      submittedAt: scorecard.submittedAt.toISOString(),
      weightedScore: scorecard.weightedScore,
      values: scorecard.draft as ScorecardDefaultValues,
    },
    rubric: { number: rubric.number, criteria: rubric.criteria },
    backTo: user.roles.includes("RECRUITER")
      ? { href: `/candidates/${scorecard.interview.candidateId}`, label: "Candidate" }
      : { href: "/interviews", label: "My interviews" },
  };
}

export default function ScorecardReadPage() {
  const { scorecard, rubric, backTo } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-5xl p-6">
      <p className="no-print text-sm">
        <Link to={backTo.href} className="underline">
          {backTo.label}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">
        {scorecard.areaName} · {scorecard.candidateName}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        {scorecard.interviewerName} · submitted {formatDateTimeUtc(scorecard.submittedAt)} · rubric version {rubric.number} ·
        weighted score {scorecard.weightedScore?.toFixed(2)}
      </p>
      <div className="mt-6">
        <ScorecardFields criteria={rubric.criteria} defaultValues={scorecard.values} readOnly />
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

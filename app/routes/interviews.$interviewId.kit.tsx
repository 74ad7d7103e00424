import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CriterionAnchors, CriterionCard } from "~/components/rubric-criterion";
import { SuggestedQuestions } from "~/components/suggested-questions";
import { CANDIDATE_TRACK_LABELS } from "~/domain/candidates/candidate-fields";
import { getInterviewKit } from "~/models/interview-kit.server";
import { formatDateTimeUtc } from "~/utils/format";
import { requireUuidParam } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Interview kit: ${data.interview.areaName}, ${data.candidate.name} · ML Leveling` : "Interview kit · ML Leveling" },
];

/**
 * The interview kit, for the assigned interviewer only (404 for anyone else, 403 without
 * the interviewer role): the rubric with suggested questions, the candidate's profile and
 * earlier interviewers' notes. Nothing numeric from colleagues' scorecards is loaded.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INTERVIEWER");
  const kit = await getInterviewKit(requireUuidParam(params.interviewId, "Interview"), user.id);
  if (!kit) throw new Response("Interview not found", { status: 404 });
  const { interview, rubric, notes } = kit;
  return {
    interview: {
      id: interview.id,
      areaName: interview.area.name,
      areaDescription: interview.area.description,
      scheduledAt: interview.scheduledAt.toISOString(),
      durationMinutes: interview.durationMinutes,
      submitted: interview.scorecard?.submittedAt != null,
    },
    candidate: {
      name: interview.candidate.name,
      country: interview.candidate.country,
      currentTitle: interview.candidate.currentTitle,
      yearsExperience: interview.candidate.yearsExperience,
      track: CANDIDATE_TRACK_LABELS[interview.candidate.track],
    },
    rubric: {
      number: rubric.number,
      criteria: rubric.criteria.map(({ key, title, lookFor, weight, anchors, questions }) => ({ key, title, lookFor, weight, anchors, questions })),
    },
    notes,
  };
}

export default function InterviewKitPage() {
  const { interview, candidate, rubric, notes } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-5xl p-6">
      <p className="no-print text-sm text-slate-500">
        <Link to="/interviews" className="underline">
          My interviews
        </Link>{" "}
        /{" "}
        <Link to={`/interviews/${interview.id}`} className="underline">
          Scorecard
        </Link>{" "}
        / Interview kit
      </p>
      <h1 className="mt-1 text-2xl font-bold">
        Interview kit · {interview.areaName} · {candidate.name}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        {formatDateTimeUtc(interview.scheduledAt)} · {interview.durationMinutes} min · rubric version {rubric.number}
      </p>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">{interview.areaDescription}</p>
      <p className="no-print mt-3">
        <Link
          to={`/interviews/${interview.id}`}
          className="inline-block rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white"
        >
          {interview.submitted ? "Read your submitted scorecard" : "Open the scorecard"}
        </Link>
      </p>

      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="profile-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="profile-heading" className="text-lg font-semibold">
            Candidate
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Name</dt>
            <dd>{candidate.name}</dd>
            <dt className="text-slate-500">Country</dt>
            <dd>{candidate.country}</dd>
            <dt className="text-slate-500">Current title</dt>
            <dd>{candidate.currentTitle}</dd>
            <dt className="text-slate-500">Experience</dt>
            <dd>{`${candidate.yearsExperience} year${candidate.yearsExperience === 1 ? "" : "s"}`}</dd>
            <dt className="text-slate-500">Track</dt>
            <dd>{candidate.track}</dd>
          </dl>
        </section>

        <section aria-labelledby="notes-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="notes-heading" className="text-lg font-semibold">
            Notes from earlier interviewers
          </h2>
          <p className="text-xs text-slate-500">What to probe, in their words. Their scores stay hidden until you submit yours.</p>
          {notes.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No notes from earlier interviewers yet.</p>
          ) : (
            <ul className="mt-2 space-y-3 text-sm">
              {notes.map((note, index) => (
                <li key={index} className="border-l-4 border-indigo-200 pl-3">
                  <p className="whitespace-pre-line text-slate-800">{note.note}</p>
                  <p className="mt-1 text-xs text-slate-500">
                    {note.authorName} · {note.areaName}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="rubric-heading" className="mt-8">
        <h2 id="rubric-heading" className="text-lg font-semibold">
          What to probe, criterion by criterion
        </h2>
        <ol className="mt-3 space-y-4">
          {rubric.criteria.map((criterion, index) => (
            <CriterionCard key={criterion.key} index={index} criterion={criterion}>
              <h4 className="mt-3 text-sm font-medium text-slate-600">Suggested questions and follow-ups</h4>
              <SuggestedQuestions questions={criterion.questions} />
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer text-slate-600">The four anchors</summary>
                <CriterionAnchors anchors={criterion.anchors} />
              </details>
            </CriterionCard>
          ))}
        </ol>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireRole } from "~/auth/permissions.server";
import { CandidateProfileFields } from "~/components/candidate-profile";
import { DecisionDetails } from "~/components/decision-details";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecommendationPanel } from "~/components/recommendation-panel";
import { describeDecidedLevel } from "~/domain/candidates/decision-fields";
import { formatMeanScore } from "~/domain/candidates/recommendation-view";
import { EVIDENCE_STATUS_LABELS, PRODUCTION_CAPABILITY_LABELS, RECOMMENDATION_LABELS } from "~/domain/scorecards/scorecard-fields";
import { getCandidatePacket, type PacketScorecard } from "~/models/candidate.server";
import { getDecision, type DecisionView } from "~/models/decision.server";
import { WithheldNotice } from "~/components/withheld-notice";
import { candidateScoresOf } from "~/models/visibility.server";
import { formatDateTimeUtc } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.candidate.name ? `Packet: ${data.candidate.name}` : "Candidate packet"} · ML Leveling` },
];

/** Withheld scores (the recruiter still owes a scorecard for this candidate): their own scorecards and a notice. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "RECRUITER");
  const candidateId = params.candidateId ?? "";
  const withheld = (await candidateScoresOf(user, candidateId)) === "withheld";
  const [packet, decision] = await Promise.all([
    getCandidatePacket(candidateId, { withheldFrom: withheld ? user.id : null }),
    withheld ? null : getDecision(candidateId),
  ]);
  if (!packet) throw new Response("Candidate not found", { status: 404 });
  return { ...packet, decision, withheld, printedAt: formatDateTimeUtc(new Date()) };
}

/** Shown once JavaScript runs; without it, the hint next to it says how to print. */
function PrintButton() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-800"
    >
      Print
    </button>
  );
}

function yesNo(value: boolean | null): string {
  return value === null ? "—" : value ? "Yes" : "No";
}

function ScorecardDetail({ scorecard }: { scorecard: PacketScorecard }) {
  return (
    <article id={`scorecard-${scorecard.id}`} className="mt-6 break-inside-avoid-page rounded-md border border-slate-200 bg-white p-4">
      <h3 className="font-semibold">
        {scorecard.areaName} · {scorecard.interviewerName}
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        Weighted score <span className="font-mono font-semibold">{formatMeanScore(scorecard.score)}</span> · rubric version{" "}
        {scorecard.rubricVersion} · overall: {scorecard.overallRecommendation ? RECOMMENDATION_LABELS[scorecard.overallRecommendation] : "—"}{" "}
        · level seen: {scorecard.levelSignal ?? "—"}
        {scorecard.submittedAt ? ` · submitted ${formatDateTimeUtc(scorecard.submittedAt)}` : ""}
      </p>
      <table className="mt-3 w-full text-left text-sm">
        <thead className="border-b text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3">
              Criterion
            </th>
            <th scope="col" className="pr-3 text-right">
              Weight
            </th>
            <th scope="col" className="pr-3 text-right">
              Score
            </th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {scorecard.ratings.map((rating) => (
            <tr key={rating.criterion} className="border-b align-top">
              <td className="py-1 pr-3 font-medium">{rating.criterion}</td>
              <td className="pr-3 text-right font-mono">{rating.weight}</td>
              <td className="pr-3 text-right font-mono font-semibold">{rating.score}</td>
              <td className="whitespace-pre-wrap py-1">{rating.evidence}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 className="mt-3 text-sm font-semibold">Production experience</h4>
      <ul className="mt-1 space-y-0.5 text-sm">
        {scorecard.production.map((item) => (
          <li key={item.capability}>
            {PRODUCTION_CAPABILITY_LABELS[item.capability]}: {EVIDENCE_STATUS_LABELS[item.status].toLowerCase()}
            {item.note ? <span className="text-slate-700"> — {item.note}</span> : null}
          </li>
        ))}
        <li>Full-lifecycle ownership: {yesNo(scorecard.lifecycleOwnership)}</li>
        <li>Shared ML infrastructure others used: {yesNo(scorecard.sharedInfrastructure)}</li>
        <li>People management: {yesNo(scorecard.peopleManagement)}</li>
      </ul>
    </article>
  );
}

function DecisionSummary({ decision }: { decision: DecisionView | null }) {
  return (
    <section aria-labelledby="decision-heading" className="mt-10 break-inside-avoid-page">
      <h2 id="decision-heading" className="text-lg font-semibold">
        Decision
      </h2>
      {decision ? (
        <div className="mt-2 text-sm">
          <p className="text-base font-semibold">{describeDecidedLevel(decision.level)}</p>
          <DecisionDetails decision={decision} />
        </div>
      ) : (
        <p className="mt-1 text-sm text-slate-600">No decision recorded yet.</p>
      )}
    </section>
  );
}

export default function CandidatePacketPage() {
  const { candidate, scorecards, recommendation, decision, withheld, printedAt } = useLoaderData<typeof loader>();
  const page = `/candidates/${candidate.id}`;
  return (
    <main className="mx-auto max-w-4xl p-6 print:max-w-none print:p-0">
      <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-4 text-sm">
        <p>
          <Link to="/candidates" className="text-indigo-700 underline">
            Candidates
          </Link>
          {" / "}
          <Link to={page} className="text-indigo-700 underline">
            {candidate.name}
          </Link>
        </p>
        <div className="flex items-center gap-4">
          <span className="text-slate-600">Use your browser&apos;s Print (Ctrl+P, or ⌘P on a Mac) for a paper copy or PDF.</span>
          <PrintButton />
          {/* A download, not a page: the router must not try to render it. */}
          <Link to={`${page}/packet.csv`} reloadDocument className="text-indigo-700 underline">
            Download CSV
          </Link>
        </div>
      </div>

      <h1 className="text-2xl font-bold">Candidate packet: {candidate.name}</h1>
      <p className="mt-1 text-xs text-slate-500">Prepared {printedAt}. Confidential: for the hiring decision only.</p>

      <section aria-labelledby="profile-heading" className="mt-6">
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-x-8 gap-y-2 text-sm">
          <CandidateProfileFields profile={candidate} />
        </dl>
      </section>

      {withheld ? (
        <WithheldNotice />
      ) : (
        <>
          <RecommendationPanel recommendation={recommendation} linkScorecards={false} />
          <DecisionSummary decision={decision} />
        </>
      )}

      <section aria-labelledby="scorecards-heading" className="mt-10">
        <h2 id="scorecards-heading" className="text-lg font-semibold">
          {withheld ? "Your scorecards" : "Scorecards"}
        </h2>
        {scorecards.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No scorecard has been submitted yet.</p>
        ) : (
          scorecards.map((scorecard) => <ScorecardDetail key={scorecard.id} scorecard={scorecard} />)
        )}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

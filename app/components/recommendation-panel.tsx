import { Link } from "@remix-run/react";
import {
  formatMeanScore,
  formatUsdBand,
  type AreaScoresView,
  type RecommendationView,
} from "~/domain/candidates/recommendation-view";
import type { RecommendationStatus, StepOutcome } from "~/domain/leveling/types";
import { formatDateTimeUtc } from "~/utils/format";

const STATUS_STYLES: Record<RecommendationStatus, string> = {
  recommended: "bg-green-100 text-green-800",
  no_hire: "bg-red-100 text-red-800",
  incomplete: "bg-slate-100 text-slate-700",
};

/** Each outcome has a word and a symbol, not only a colour (and the colour survives printing in grey). */
const OUTCOMES: Record<StepOutcome, { label: string; symbol: string; className: string }> = {
  met: { label: "Met", symbol: "✓", className: "border-green-300 bg-green-50 text-green-800" },
  not_met: { label: "Not met", symbol: "✗", className: "border-red-300 bg-red-50 text-red-800" },
  capped: { label: "Capped", symbol: "▼", className: "border-amber-300 bg-amber-50 text-amber-900" },
  info: { label: "Info", symbol: "•", className: "border-slate-200 bg-slate-50 text-slate-700" },
};

function AreaScoresTable({ areas, linkScorecards }: { areas: AreaScoresView[]; linkScorecards: boolean }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Scores per screen area</caption>
      <thead className="border-b text-slate-500">
        <tr>
          <th scope="col" className="py-2 pr-3">
            Area
          </th>
          <th scope="col" className="pr-3">
            Interviewers (weighted score)
          </th>
          <th scope="col" className="text-right">
            Area mean
          </th>
        </tr>
      </thead>
      <tbody>
        {areas.map((area) => (
          <tr key={area.key} className="border-b align-top" data-area={area.key}>
            <th scope="row" className="py-2 pr-3 font-medium">
              {area.name}
            </th>
            <td className="py-2 pr-3">
              {area.scores.length === 0 ? (
                <span className="text-slate-500">No submitted scorecard</span>
              ) : (
                <ul className="space-y-0.5">
                  {area.scores.map((score) => (
                    <li key={score.scorecardId}>
                      {linkScorecards ? (
                        <Link to={`/scorecards/${score.scorecardId}`} className="text-indigo-700 underline">
                          {score.interviewerName}
                        </Link>
                      ) : (
                        score.interviewerName
                      )}
                      {": "}
                      <span className="font-mono">{formatMeanScore(score.score)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className="py-2 text-right font-mono font-semibold">{formatMeanScore(area.mean)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProductionEvidence({ recommendation }: { recommendation: RecommendationView }) {
  const other = [
    { label: "Full-lifecycle ownership", value: recommendation.lifecycleOwnership },
    { label: "Shared ML infrastructure others used", value: recommendation.sharedInfrastructure },
    { label: "People management", value: recommendation.peopleManagement },
  ];
  return (
    <div>
      <h3 className="text-sm font-semibold">Production evidence</h3>
      <p className="text-xs text-slate-500">Evidenced by at least one interviewer.</p>
      <ul className="mt-2 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
        {recommendation.production.map((item) => (
          <li key={item.capability} data-capability={item.capability}>
            <span aria-hidden="true" className={item.evidenced ? "text-green-700" : "text-slate-400"}>
              {item.evidenced ? "✓ " : "✗ "}
            </span>
            {item.label}: {item.evidenced ? "evidenced" : "not evidenced"}
          </li>
        ))}
        {other.map((item) => (
          <li key={item.label}>
            <span aria-hidden="true" className={item.value ? "text-green-700" : "text-slate-400"}>
              {item.value ? "✓ " : "✗ "}
            </span>
            {item.label}: {item.value ? "yes" : "no"}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The stored leveling recommendation as a recruiter or hiring manager reads it: the
 * outcome and pay, the flags that call for a debrief, every area's scores, the production
 * evidence and the rules applied, in order. Presentational only.
 */
export function RecommendationPanel({
  recommendation,
  linkScorecards = true,
}: {
  recommendation: RecommendationView | null;
  linkScorecards?: boolean;
}) {
  return (
    <section id="recommendation" aria-labelledby="recommendation-heading" className="mt-10 break-inside-avoid-page">
      <h2 id="recommendation-heading" className="text-lg font-semibold">
        Leveling recommendation
      </h2>
      {recommendation === null ? (
        <p className="mt-1 text-sm text-slate-600">
          No recommendation is stored for this candidate yet; it is computed when one of their scorecards is submitted.
        </p>
      ) : (
        <RecommendationBody recommendation={recommendation} linkScorecards={linkScorecards} />
      )}
    </section>
  );
}

function RecommendationBody({ recommendation, linkScorecards }: { recommendation: RecommendationView; linkScorecards: boolean }) {
  const { status, level, levelTitle, band, premiumBand, flags, explanation } = recommendation;
  return (
    <div className="mt-3 space-y-6">
      <div className="rounded-md border border-slate-200 bg-white p-4">
        <p className="flex flex-wrap items-baseline gap-3">
          <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_STYLES[status]}`} data-testid="recommendation-status">
            {recommendation.statusLabel}
          </span>
          {level ? (
            <span className="text-xl font-bold" data-testid="recommendation-level">
              {level} · {levelTitle}
            </span>
          ) : null}
        </p>
        {band ? (
          <dl className="mt-3 grid grid-cols-1 gap-x-8 gap-y-1 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">Salary band</dt>
              <dd className="font-medium">{formatUsdBand(band)}</dd>
            </div>
            {premiumBand ? (
              <div>
                <dt className="text-slate-500">With the FAANG-type premium</dt>
                <dd className="font-medium">{formatUsdBand(premiumBand)}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        {status === "incomplete" ? (
          <p className="mt-2 text-sm text-slate-600">No level until every screen area has a submitted scorecard.</p>
        ) : null}
        <p className="mt-3 text-xs text-slate-500">
          Leveling policy version {recommendation.policyVersion} · computed {formatDateTimeUtc(recommendation.computedAt)}
        </p>
      </div>

      {flags.length > 0 ? (
        <div role="note" aria-labelledby="flags-heading" className="rounded-md border border-amber-300 bg-amber-50 p-4">
          <h3 id="flags-heading" className="text-sm font-semibold text-amber-900">
            Flags ({flags.length})
          </h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-900">
            {flags.map((flag, index) => (
              <li key={index} data-flag={flag.kind}>
                {flag.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div>
        <h3 className="text-sm font-semibold">Scores</h3>
        <AreaScoresTable areas={recommendation.areas} linkScorecards={linkScorecards} />
      </div>

      <ProductionEvidence recommendation={recommendation} />

      <div>
        <h3 className="text-sm font-semibold">How the recommendation was reached</h3>
        <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm">
          {explanation.map((step, index) => {
            const outcome = OUTCOMES[step.outcome];
            return (
              <li key={index} data-outcome={step.outcome} data-rule={step.rule}>
                <span className={`mr-2 inline-block rounded border px-1.5 text-xs font-semibold ${outcome.className}`}>
                  <span aria-hidden="true">{outcome.symbol} </span>
                  {outcome.label}
                </span>
                {step.message}
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}

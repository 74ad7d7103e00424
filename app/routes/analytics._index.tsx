import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasRole, requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  DECIDED_OUTCOMES,
  OUTCOME_LABELS,
  OVERRIDES_PER_PAGE,
  RECOMMENDED_OUTCOMES,
  decisionMatrix,
  overrideListHref,
  overridesPerLevel,
  type DecidedOutcome,
  type OverrideFilter,
} from "~/domain/calibration/decision-analytics";
import { parseOverrideFilter } from "~/domain/calibration/decision-analytics-query";
import { formatPercent } from "~/domain/calibration/format";
import { outcomeRank } from "~/domain/leveling";
import { PRODUCTION_CAPABILITIES, PRODUCTION_CAPABILITY_LABELS } from "~/domain/scorecards/scorecard-fields";
import { countCapsAndGates, countDecisions, listOverrides } from "~/models/decision-analytics.server";
import { withheldFrom } from "~/models/visibility.server";
import { WithheldCandidatesNote } from "~/components/withheld-notice";
import { getCurrentPolicy } from "~/models/policy.server";
import { formatDateTimeUtc } from "~/utils/format";
import { FilterForm, FilterSelect } from "~/components/filter-controls";

export const meta: MetaFunction = () => [{ title: "Decision analytics · ML Leveling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "RECRUITER", "ADMIN");
  const filter = parseOverrideFilter(new URL(request.url).searchParams);
  // Candidates the viewer still owes a scorecard for are left out (independent scoring).
  const { candidateIds: withheld } = await withheldFrom(user.id);
  const [counts, overrides, caps, policy] = await Promise.all([
    countDecisions(withheld),
    listOverrides(filter, withheld),
    countCapsAndGates(withheld),
    getCurrentPolicy(),
  ]);
  const rank = (outcome: DecidedOutcome) => outcomeRank(outcome === "no_hire" ? null : outcome, policy);
  return {
    filter,
    matrix: decisionMatrix(counts),
    perLevel: overridesPerLevel(counts, rank),
    overrides: {
      ...overrides,
      rows: overrides.rows.map((row) => ({ ...row, decidedAt: row.decidedAt.toISOString() })),
    },
    caps,
    policy: {
      minCapabilities: policy.production.minCapabilities,
      gates: policy.gates,
      managerEquivalents: policy.managerEquivalents,
    },
    // Candidate pages are the recruiters'; an admin without the role sees names without links.
    linkCandidates: hasRole(user, "RECRUITER"),
    withheldCandidates: withheld.size,
  };
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function Matrix({ matrix, filter }: { matrix: LoaderData["matrix"]; filter: OverrideFilter }) {
  return (
    <div className="overflow-x-auto">
      <table className="mt-2 text-sm" aria-labelledby="matrix-heading">
        <thead>
          <tr>
            <th scope="col" className="py-2 pr-3 text-left text-slate-500">
              Recommended ↓ / decided →
            </th>
            {DECIDED_OUTCOMES.map((decided) => (
              <th key={decided} scope="col" className="px-3 text-right">
                {OUTCOME_LABELS[decided]}
              </th>
            ))}
            <th scope="col" className="px-3 text-right text-slate-500">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.recommended} className="border-t" data-recommended={row.recommended}>
              <th scope="row" className="py-1.5 pr-3 text-left">
                {OUTCOME_LABELS[row.recommended]}
              </th>
              {row.cells.map((cell) => {
                const agreed = cell.decided === row.recommended;
                // Shading by count; a style attribute is what the CSP allows for inline styles.
                const alpha = cell.count === 0 ? 0 : 0.08 + 0.5 * (cell.count / Math.max(1, matrix.largest));
                return (
                  <td
                    key={cell.decided}
                    className={`px-3 text-right tabular-nums ${agreed ? "font-semibold ring-1 ring-inset ring-slate-400" : ""}`}
                    style={{ backgroundColor: agreed ? `rgba(22, 163, 74, ${alpha})` : `rgba(217, 119, 6, ${alpha})` }}
                    data-decided={cell.decided}
                  >
                    {cell.overrides > 0 ? (
                      <Link
                        to={overrideListHref({ ...filter, recommended: row.recommended, decided: cell.decided, page: 1 })}
                        className="text-indigo-800 underline"
                        aria-label={`${cell.count} decided ${OUTCOME_LABELS[cell.decided]} when ${OUTCOME_LABELS[row.recommended]} was recommended: list the overrides`}
                      >
                        {cell.count}
                      </Link>
                    ) : (
                      cell.count
                    )}
                  </td>
                );
              })}
              <td className="px-3 text-right tabular-nums text-slate-600">{row.total}</td>
            </tr>
          ))}
          <tr className="border-t">
            <th scope="row" className="py-1.5 pr-3 text-left text-slate-500">
              Total
            </th>
            {matrix.columnTotals.map((total, index) => (
              <td key={DECIDED_OUTCOMES[index]} className="px-3 text-right tabular-nums text-slate-600">
                {total}
              </td>
            ))}
            <td className="px-3 text-right font-semibold tabular-nums">{matrix.total}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function OverrideFilters({ filter }: { filter: OverrideFilter }) {
  return (
    <FilterForm label="Filter overrides" clearHref="/analytics#overrides" action="/analytics#overrides" spacing="mt-2">
      <FilterSelect
        id="overrides-recommended"
        name="recommended"
        label="Recommended"
        defaultValue={filter.recommended}
        options={RECOMMENDED_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
        anyLabel="Any"
      />
      <FilterSelect
        id="overrides-decided"
        name="decided"
        label="Decided"
        defaultValue={filter.decided}
        options={DECIDED_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
        anyLabel="Any"
      />
    </FilterForm>
  );
}

const PER_LEVEL_COUNT_HEADINGS = ["Decisions", "Overrides", "Share", "Higher", "Lower", "Same rank, other track"];

const candidates = (count: number) => `${count} ${count === 1 ? "candidate" : "candidates"}`;

function CountRow({ label, count, of, detail }: { label: string; count: number; of: number; detail?: string }) {
  return (
    <tr className="border-b align-top">
      <th scope="row" className="py-1.5 pr-3 text-left font-medium">
        {label}
      </th>
      <td className="pr-3 text-right tabular-nums">{count}</td>
      <td className="pr-3 text-right tabular-nums text-slate-600">{formatPercent(count, of)}</td>
      <td className="text-slate-600">{detail ?? ""}</td>
    </tr>
  );
}

export default function DecisionAnalyticsPage() {
  const { filter, matrix, perLevel, overrides, caps, policy, linkCandidates, withheldCandidates } = useLoaderData<typeof loader>();
  const first = (filter.page - 1) * OVERRIDES_PER_PAGE + 1;
  const filtered = Boolean(filter.recommended || filter.decided);
  const capped = caps.productionCap.capped;
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-bold">Decision analytics</h1>
      <p className="mt-1 text-sm text-slate-600">
        Where recruiters decided differently from the leveling service, why, and how often its caps and gates changed a level: the
        numbers to read before tuning the policy.
      </p>
      <WithheldCandidatesNote count={withheldCandidates} />

      <section aria-labelledby="matrix-heading" className="mt-6">
        <h2 id="matrix-heading" className="text-lg font-semibold">
          Recommended vs decided
        </h2>
        <p className="text-sm text-slate-600">
          Every recorded decision, by what the service recommended when it was taken (rows) and what was decided (columns). The
          framed diagonal is agreement; a count off it links to those overrides and their reasons.
        </p>
        {matrix.total === 0 ? <p className="mt-2 text-sm text-slate-600">No decisions recorded yet.</p> : <Matrix matrix={matrix} filter={filter} />}
      </section>

      {perLevel.length > 0 ? (
        <section aria-labelledby="per-level-heading" className="mt-6">
          <h2 id="per-level-heading" className="text-lg font-semibold">
            Overrides per recommended level
          </h2>
          <table className="mt-2 text-sm" aria-labelledby="per-level-heading">
            <thead className="border-b text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3 text-left">
                  Recommended
                </th>
                {PER_LEVEL_COUNT_HEADINGS.map((heading) => (
                  <th key={heading} scope="col" className="px-3 text-right">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {perLevel.map((row) => (
                <tr key={row.recommended} className="border-b" data-recommended={row.recommended}>
                  <th scope="row" className="py-1.5 pr-3 text-left">
                    {row.overrides > 0 ? (
                      <Link to={overrideListHref({ recommended: row.recommended, decided: null, page: 1 })} className="text-indigo-700 underline">
                        {OUTCOME_LABELS[row.recommended]}
                      </Link>
                    ) : (
                      OUTCOME_LABELS[row.recommended]
                    )}
                  </th>
                  <td className="px-3 text-right tabular-nums">{row.decisions}</td>
                  <td className="px-3 text-right tabular-nums">{row.overrides}</td>
                  <td className="px-3 text-right tabular-nums">{formatPercent(row.overrides, row.decisions)}</td>
                  <td className="px-3 text-right tabular-nums">{row.higher}</td>
                  <td className="px-3 text-right tabular-nums">{row.lower}</td>
                  <td className="px-3 text-right tabular-nums">{row.sameRank}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-slate-500">
            Higher and lower follow the policy&apos;s order: no hire, then IC3 to IC6, with M1 ranked as {policy.managerEquivalents.M1} and M2
            as {policy.managerEquivalents.M2}; from an incomplete recommendation every decided level counts as higher.
          </p>
        </section>
      ) : null}

      <section aria-labelledby="overrides-heading" id="overrides" className="mt-6">
        <h2 id="overrides-heading" className="text-lg font-semibold">
          Override reasons
        </h2>
        <OverrideFilters filter={filter} />
        <p className="mt-3 text-sm text-slate-600" aria-live="polite">
          {overrides.total === 0
            ? filtered
              ? "No overrides match these filters."
              : "No overrides yet."
            : overrides.rows.length === 0
              ? `${overrides.total} overrides; page ${filter.page} is past the last page (${overrides.pages}).`
              : `Showing ${first}–${first + overrides.rows.length - 1} of ${overrides.total} ${overrides.total === 1 ? "override" : "overrides"}, most recent first`}
        </p>
        <ol className="mt-2 space-y-3">
          {overrides.rows.map((row) => (
            <li key={row.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-override={row.id}>
              <p className="flex flex-wrap items-baseline gap-x-3">
                {linkCandidates ? (
                  <Link to={`/candidates/${row.candidateId}`} className="font-medium text-indigo-700 underline">
                    {row.candidateName}
                  </Link>
                ) : (
                  <span className="font-medium">{row.candidateName}</span>
                )}
                <span>
                  {OUTCOME_LABELS[row.recommended]} → <strong>{OUTCOME_LABELS[row.decided]}</strong>
                </span>
                <span className="text-slate-500">
                  {row.decidedByName ?? "Former user"} · {formatDateTimeUtc(row.decidedAt)} · policy version {row.policyVersion}
                </span>
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-800">{row.reason}</p>
            </li>
          ))}
        </ol>
        {overrides.pages > 1 ? (
          <nav aria-label="Override pages" className="mt-3 flex gap-4 text-sm">
            {filter.page > 1 ? (
              <Link to={overrideListHref(filter, { page: Math.min(filter.page - 1, overrides.pages) })} rel="prev" className="text-indigo-700 underline">
                Previous
              </Link>
            ) : null}
            <span>
              Page {Math.min(filter.page, overrides.pages)} of {overrides.pages}
            </span>
            {filter.page < overrides.pages ? (
              <Link to={overrideListHref(filter, { page: filter.page + 1 })} rel="next" className="text-indigo-700 underline">
                Next
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="caps-heading" className="mt-6">
        <h2 id="caps-heading" className="text-lg font-semibold">
          Caps and gates
        </h2>
        <p className="text-sm text-slate-600">
          Over the {caps.recommendations} stored recommendations (one per candidate, {caps.byStatus.recommended} with a level,{" "}
          {caps.byStatus.no_hire} no hire, {caps.byStatus.incomplete} incomplete)
          {caps.policyVersions.min === null
            ? ""
            : caps.policyVersions.min === caps.policyVersions.max
              ? `, computed under policy version ${caps.policyVersions.min}`
              : `, computed under policy versions ${caps.policyVersions.min} to ${caps.policyVersions.max}`}
          . &ldquo;Lowered the
          level&rdquo; means the rule capped a higher score level; &ldquo;not met, no effect&rdquo; means the evidence was missing but the
          level was already at or below the cap.
        </p>
        <table className="mt-2 text-sm" aria-labelledby="caps-heading">
          <thead className="border-b text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3 text-left">
                Rule
              </th>
              <th scope="col" className="pr-3 text-right">
                Candidates
              </th>
              <th scope="col" className="pr-3 text-right">
                Of recommended
              </th>
              <th scope="col" className="text-left">
                Detail
              </th>
            </tr>
          </thead>
          <tbody>
            <CountRow
              label="Production cap lowered the level to IC3"
              count={capped}
              of={caps.byStatus.recommended}
              detail={`needs ${policy.minCapabilities} of ${PRODUCTION_CAPABILITIES.length} capabilities evidenced`}
            />
            <CountRow label="Production cap not met, no effect" count={caps.productionCap.notMet} of={caps.byStatus.recommended} />
            <CountRow
              label="Lifecycle gate lowered the level"
              count={caps.lifecycleGate.capped}
              of={caps.byStatus.recommended}
              detail={`needed from ${policy.gates.lifecycleOwnershipFrom}`}
            />
            <CountRow label="Lifecycle gate not met, no effect" count={caps.lifecycleGate.notMet} of={caps.byStatus.recommended} />
            <CountRow
              label="Shared-infrastructure gate lowered the level"
              count={caps.sharedInfrastructureGate.capped}
              of={caps.byStatus.recommended}
              detail={`needed from ${policy.gates.sharedInfrastructureFrom}`}
            />
            <CountRow
              label="Shared-infrastructure gate not met, no effect"
              count={caps.sharedInfrastructureGate.notMet}
              of={caps.byStatus.recommended}
            />
          </tbody>
        </table>

        <h3 className="mt-4 font-semibold">What the capped candidates were missing</h3>
        {capped === 0 ? (
          <p className="text-sm text-slate-600">The production cap has not lowered any stored recommendation.</p>
        ) : (
          <>
            <table className="mt-2 text-sm" aria-label="Capabilities missing among candidates the production cap lowered">
              <thead className="border-b text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3 text-left">
                    Capability not evidenced
                  </th>
                  <th scope="col" className="pr-3 text-right">
                    Capped candidates
                  </th>
                  <th scope="col" className="text-right">
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {PRODUCTION_CAPABILITIES.map((capability) => (
                  <tr key={capability} className="border-b" data-capability={capability}>
                    <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                      {PRODUCTION_CAPABILITY_LABELS[capability]}
                    </th>
                    <td className="pr-3 text-right tabular-nums">{caps.cappedMissing[capability]}</td>
                    <td className="text-right tabular-nums">{formatPercent(caps.cappedMissing[capability], capped)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-sm text-slate-700">
              {`Capabilities evidenced among them: ${caps.cappedByEvidencedCount
                .flatMap((count, evidencedCount) => (count > 0 ? [`${candidates(count)} with ${evidencedCount} of ${PRODUCTION_CAPABILITIES.length}`] : []))
                .join(", ")}. Of the ${candidates(capped)} capped, ${caps.cappedDecided} ${caps.cappedDecided === 1 ? "has" : "have"} a decision and ${caps.cappedOverriddenAbove} ${caps.cappedOverriddenAbove === 1 ? "was" : "were"} overridden to a level above IC3.`}
            </p>
          </>
        )}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

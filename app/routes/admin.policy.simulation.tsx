import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { ExplanationSteps } from "~/components/admin/explanation-steps";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatBand } from "~/domain/leveling/format";
import { OUTCOME_KEYS, simulatePolicy, type StoredOutcome } from "~/domain/leveling/simulation";
import { getPolicyAdminView, loadSimulationRows } from "~/models/policy-admin.server";
import { withheldFrom } from "~/models/visibility.server";
import { WithheldCandidatesNote } from "~/components/withheld-notice";

export const meta: MetaFunction = () => [{ title: "Policy simulation · ML Leveling" }];

const PAGE_SIZE = 200;

const OUTCOME_LABELS: Record<string, string> = { incomplete: "Incomplete", no_hire: "No hire" };

function describeOutcome(outcome: StoredOutcome) {
  const label = outcome.status === "recommended" && outcome.level ? outcome.level : OUTCOME_LABELS[outcome.status]!;
  return {
    label,
    band: outcome.band ? formatBand(outcome.band) : null,
    premium: outcome.premiumBand ? formatBand(outcome.premiumBand) : null,
  };
}

/** Runs the saved draft over every stored recommendation. Reads only; nothing is written. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(new URL(request.url).searchParams.get("page")) || 1)));
  const view = await getPolicyAdminView();
  if (!view.draft) return { draft: null };
  const started = performance.now();
  // Independent scoring: an admin who still owes a scorecard for a candidate simulates without them.
  const [allRows, { candidateIds: withheld }] = await Promise.all([loadSimulationRows(), withheldFrom(user.id)]);
  const rows = allRows.filter((row) => !withheld.has(row.candidateId));
  const summary = simulatePolicy(rows, view.draft.policy, { currentPolicy: view.published?.policy });
  const elapsedMs = Math.round(performance.now() - started);
  const movements = { up: 0, down: 0, lateral: 0, pay: 0 };
  for (const change of summary.changes) movements[change.movement] += 1;
  const pages = Math.max(1, Math.ceil(summary.changes.length / PAGE_SIZE));
  return {
    draft: { number: view.draft.number },
    published: view.published && { number: view.published.number },
    total: summary.total,
    unreadable: summary.unreadable.length,
    withheldCandidates: allRows.length - rows.length,
    elapsedMs,
    counts: OUTCOME_KEYS.map((key) => ({ key, label: OUTCOME_LABELS[key] ?? key, before: summary.before[key], after: summary.after[key] })),
    changedTotal: summary.changes.length,
    movements,
    page: Math.min(page, pages),
    pages,
    changes: summary.changes.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE).map((change) => ({
      candidateId: change.candidateId,
      name: change.name ?? change.candidateId,
      changed: change.changed,
      movement: change.movement,
      before: { ...describeOutcome(change.before), explanation: change.before.explanation ?? null },
      after: { ...describeOutcome(change.after), explanation: change.after.explanation },
    })),
  };
}

const MOVEMENT_LABELS = { up: "▲ higher", down: "▼ lower", lateral: "↔ other level, same rank", pay: "$ pay only" } as const;

export default function PolicySimulationPage() {
  const result = useLoaderData<typeof loader>();
  if (!result.draft) {
    return (
      <main className="mx-auto max-w-5xl p-6">
        <h1 className="text-2xl font-bold">Policy simulation</h1>
        <p className="mt-3 text-sm">
          There is no draft policy to simulate.{" "}
          <Link to="/admin/policy" className="text-indigo-700 underline">
            Start one on the policy page
          </Link>
          .
        </p>
      </main>
    );
  }
  const { draft, published, total, unreadable, withheldCandidates, elapsedMs, counts, changedTotal, movements, changes, page, pages } = result;
  return (
    <main className="mx-auto max-w-6xl p-6">
      <p className="text-sm">
        <Link to="/admin/policy" className="text-indigo-700 underline">
          Leveling policy
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">
        Simulation of draft {draft.number}
        {published ? ` against published version ${published.number}` : ""}
      </h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        The saved draft applied to the stored evidence of every candidate with a recommendation ({total}), compared with their
        stored recommendation. Nothing is written. Computed in {elapsedMs} ms.
      </p>
      <WithheldCandidatesNote count={withheldCandidates} />
      {unreadable > 0 ? (
        <p role="alert" className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
          {unreadable} stored recommendations have evidence the leveling service cannot read; they are left out.
        </p>
      ) : null}

      <h2 className="mt-6 text-lg font-semibold">Outcomes before and after</h2>
      <table className="mt-2 text-sm" aria-label="Outcomes before and after">
        <thead className="text-left text-slate-500">
          <tr>
            <th scope="col" className="pr-8">
              Outcome
            </th>
            <th scope="col" className="pr-8 text-right">
              Now
            </th>
            <th scope="col" className="pr-8 text-right">
              With draft {draft.number}
            </th>
            <th scope="col" className="text-right">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.map((count) => (
            <tr key={count.key} data-outcome={count.key} data-before={count.before} data-after={count.after}>
              <th scope="row" className="pr-8 text-left font-medium">
                {count.label}
              </th>
              <td className="pr-8 text-right font-mono">{count.before}</td>
              <td className="pr-8 text-right font-mono">{count.after}</td>
              <td className="text-right font-mono">
                {count.after - count.before > 0 ? "+" : ""}
                {count.after - count.before || ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="mt-8 text-lg font-semibold" data-changed-total={changedTotal}>
        {changedTotal} candidate{changedTotal === 1 ? "" : "s"} would change level or band
      </h2>
      <p className="text-sm text-slate-600">
        {movements.up} higher · {movements.down} lower · {movements.lateral} to another level of the same rank · {movements.pay} pay only
      </p>
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-2 flex gap-4 text-sm">
          {page > 1 ? <Link to={`?page=${page - 1}`}>Previous</Link> : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link to={`?page=${page + 1}`}>Next</Link> : null}
        </nav>
      ) : null}
      <ul className="mt-4 space-y-4">
        {changes.map((change) => (
          <li key={change.candidateId} className="rounded-lg border border-slate-200 bg-white p-4" data-candidate={change.candidateId}>
            <h3 className="font-semibold">
              <Link to={`/candidates/${change.candidateId}`} className="text-indigo-700 underline">
                {change.name}
              </Link>{" "}
              <span className="text-sm font-normal text-slate-600">
                {MOVEMENT_LABELS[change.movement]}: {change.before.label} → {change.after.label}
              </span>
            </h3>
            <div className="mt-2 grid gap-4 md:grid-cols-2">
              {(["before", "after"] as const).map((side) => {
                const outcome = change[side];
                return (
                  <div key={side}>
                    <p className="text-sm font-medium">
                      {side === "before" ? `Now${published ? ` (version ${published.number})` : ""}` : `Draft ${draft.number}`}:{" "}
                      {outcome.label}
                      {outcome.band ? ` · ${outcome.band}` : ""}
                      {outcome.premium ? ` · with premium ${outcome.premium}` : ""}
                    </p>
                    <details className="mt-1">
                      <summary className="cursor-pointer text-sm text-indigo-700 underline">Explanation</summary>
                      {outcome.explanation ? (
                        <ExplanationSteps steps={outcome.explanation} />
                      ) : (
                        <p className="text-sm text-slate-600">Not available.</p>
                      )}
                    </details>
                  </div>
                );
              })}
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

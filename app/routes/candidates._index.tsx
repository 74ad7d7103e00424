import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CANDIDATE_COUNTRIES } from "~/domain/candidates/candidate-fields";
import { describeDecidedLevel } from "~/domain/candidates/decision-fields";
import {
  CANDIDATES_PER_PAGE,
  DECISION_STATE_LABELS,
  DECISION_STATES,
  LEVEL_FILTERS,
  RECOMMENDATION_STATUS_FILTER_LABELS,
  RECOMMENDATION_STATUSES,
  SEARCH_MAX,
  SORT_DIRECTION_LABELS,
  SORT_DIRECTIONS,
  SORT_KEYS,
  SORT_LABELS,
  candidateListHref,
  pageWindow,
  type CandidateListQuery,
} from "~/domain/candidates/list-options";
import { parseCandidateListQuery } from "~/domain/candidates/list-query";
import { listCandidatePage, type CandidateListRow } from "~/models/candidate-list.server";
import { withheldFrom } from "~/models/visibility.server";
import { FilterForm, FilterSelect, FILTER_CONTROL_CLASS } from "~/components/filter-controls";

export const meta: MetaFunction = () => [{ title: "Candidates · ML Leveling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "RECRUITER");
  const query = parseCandidateListQuery(new URL(request.url).searchParams);
  const { rows, total, pages } = await listCandidatePage(query, (await withheldFrom(user.id)).candidateIds);
  return {
    query,
    total,
    pages,
    candidates: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString().slice(0, 10) })),
  };
}

const WITHHELD_CELL = (
  <span className="text-slate-500" title="You interview this candidate: hidden until you submit your scorecard(s)">
    Withheld until you submit
  </span>
);

function RecommendationCell({
  row,
}: {
  row: Pick<CandidateListRow, "recommendationStatus" | "recommendedLevel" | "flagCount" | "withheld">;
}) {
  if (row.withheld) return WITHHELD_CELL;
  if (!row.recommendationStatus) return <span className="text-slate-500">Not computed</span>;
  const label =
    row.recommendationStatus === "recommended" && row.recommendedLevel
      ? row.recommendedLevel
      : RECOMMENDATION_STATUS_FILTER_LABELS[row.recommendationStatus];
  const tone =
    row.recommendationStatus === "recommended"
      ? "bg-green-100 text-green-800"
      : row.recommendationStatus === "no_hire"
        ? "bg-red-100 text-red-800"
        : "bg-slate-100 text-slate-700";
  const flags = row.flagCount ?? 0;
  return (
    <span className="whitespace-nowrap">
      <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tone}`}>{label}</span>
      {flags > 0 ? <span className="ml-2 text-xs text-amber-800">{flags === 1 ? "1 flag" : `${flags} flags`}</span> : null}
    </span>
  );
}

function DecisionCell({ row }: { row: Pick<CandidateListRow, "decisionKind" | "decidedLevel" | "withheld"> }) {
  if (row.withheld) return WITHHELD_CELL;
  if (!row.decisionKind) return <span className="text-slate-500">Undecided</span>;
  const decided = row.decidedLevel ?? describeDecidedLevel(null);
  return <span className="whitespace-nowrap">{row.decisionKind === "override" ? `${decided} (override)` : decided}</span>;
}

/** Options of a select, labelled by `labels` or, without them, by the values themselves. */
function optionsOf<Value extends string>(values: readonly Value[], labels?: Record<Value, string>) {
  return values.map((value) => ({ value, label: labels ? labels[value] : value }));
}

/** The select filters in the form's order; each sends the query parameter of its name. */
const SELECT_FILTERS: readonly {
  name: Exclude<keyof CandidateListQuery, "q" | "page">;
  label: string;
  options: { value: string; label: string }[];
  /** The "no filter" choice; the sort and its order always have a value. */
  anyLabel?: string;
}[] = [
  { name: "status", label: "Recommendation", options: optionsOf(RECOMMENDATION_STATUSES, RECOMMENDATION_STATUS_FILTER_LABELS), anyLabel: "Any" },
  { name: "level", label: "Recommended level", options: optionsOf(LEVEL_FILTERS), anyLabel: "Any" },
  { name: "decision", label: "Decision", options: optionsOf(DECISION_STATES, DECISION_STATE_LABELS), anyLabel: "Any" },
  { name: "country", label: "Country", options: optionsOf(CANDIDATE_COUNTRIES), anyLabel: "Any" },
  { name: "sort", label: "Sort by", options: optionsOf(SORT_KEYS, SORT_LABELS) },
  { name: "dir", label: "Order", options: optionsOf(SORT_DIRECTIONS, SORT_DIRECTION_LABELS) },
];

function Filters({ query }: { query: CandidateListQuery }) {
  return (
    <FilterForm label="Filter candidates" clearHref="/candidates">
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-q">Search</label>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={query.q}
          maxLength={SEARCH_MAX}
          placeholder="Name or email"
          className={`${FILTER_CONTROL_CLASS} w-56`}
        />
      </div>
      {SELECT_FILTERS.map(({ name, ...filter }) => (
        <FilterSelect key={name} id={`filter-${name}`} name={name} defaultValue={query[name]} {...filter} />
      ))}
    </FilterForm>
  );
}

function Pagination({ query, pages }: { query: CandidateListQuery; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
      {query.page > 1 ? (
        <Link to={candidateListHref(query, { page: Math.min(query.page - 1, pages) })} className="text-indigo-700 underline" rel="prev">
          Previous
        </Link>
      ) : null}
      {pageWindow(Math.min(query.page, pages), pages).map((page, index) =>
        page === null ? (
          <span key={`gap-${index}`} className="text-slate-500">
            …
          </span>
        ) : page === query.page ? (
          <span key={page} aria-current="page" className="rounded bg-indigo-700 px-2 py-0.5 font-semibold text-white">
            {page}
          </span>
        ) : (
          <Link key={page} to={candidateListHref(query, { page })} className="px-2 py-0.5 text-indigo-700 underline" aria-label={`Page ${page}`}>
            {page}
          </Link>
        ),
      )}
      {query.page < pages ? (
        <Link to={candidateListHref(query, { page: query.page + 1 })} className="text-indigo-700 underline" rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}

export default function CandidatesPage() {
  const { candidates, query, total, pages } = useLoaderData<typeof loader>();
  const first = (query.page - 1) * CANDIDATES_PER_PAGE + 1;
  const filtered = Boolean(query.q || query.status || query.level || query.decision || query.country);
  return (
    <main className="mx-auto max-w-6xl p-6">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold">Candidates</h1>
        <Link to="/candidates/import" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50">
          Import
        </Link>
        <Link to="/candidates/new" className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-800">
          New candidate
        </Link>
      </div>
      <Filters query={query} />
      <p className="mt-4 text-sm text-slate-600" aria-live="polite">
        {total === 0
          ? filtered
            ? "No candidates match these filters."
            : "No candidates yet."
          : candidates.length === 0
            ? `${total} ${total === 1 ? "candidate" : "candidates"}; page ${query.page} is past the last page (${pages}).`
            : `Showing ${first}–${first + candidates.length - 1} of ${total} ${total === 1 ? "candidate" : "candidates"}`}
      </p>
      {candidates.length > 0 ? (
        <table className="mt-2 w-full text-left text-sm">
          <thead className="border-b text-slate-500">
            <tr>
              <th className="py-2 pr-3">Name</th>
              <th className="pr-3">Country</th>
              <th className="pr-3">Current title</th>
              <th className="pr-3">Track</th>
              <th className="pr-3">Recommendation</th>
              <th className="pr-3">Decision</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((candidate) => (
              <tr key={candidate.id} className="border-b align-top">
                <td className="py-2 pr-3">
                  <Link to={`/candidates/${candidate.id}`} className="font-medium text-indigo-700 underline">
                    {candidate.name}
                  </Link>
                </td>
                <td className="pr-3">{candidate.country}</td>
                <td className="pr-3">{candidate.currentTitle}</td>
                <td className="pr-3">{candidate.track === "M" ? "Manager" : "IC"}</td>
                <td className="pr-3">
                  <RecommendationCell row={candidate} />
                </td>
                <td className="pr-3">
                  <DecisionCell row={candidate} />
                </td>
                <td className="whitespace-nowrap">{candidate.createdAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {total > 0 && candidates.length === 0 ? (
        <p className="mt-2 text-sm">
          <Link to={candidateListHref(query, { page: pages })} className="text-indigo-700 underline">
            Go to the last page
          </Link>
        </p>
      ) : null}
      <Pagination query={query} pages={pages} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

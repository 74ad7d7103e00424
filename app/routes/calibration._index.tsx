import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireRole } from "~/auth/permissions.server";
import { BoxPlotChart } from "~/components/charts/box-plot-chart";
import { DivergingBarChart } from "~/components/charts/diverging-bar-chart";
import { HistogramChart } from "~/components/charts/histogram-chart";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatHours, formatMean, formatPercent, formatShare, formatSigned, spreadBinLabel } from "~/domain/calibration/format";
import { calibrationHref, isFiltered } from "~/domain/calibration/options";
import { parseCalibrationQuery } from "~/domain/calibration/query";
import type { CalibrationFilter, CalibrationStats } from "~/domain/calibration/types";
import { SCREEN_AREA_KEYS, SCREEN_AREA_NAMES } from "~/domain/screen-areas";
import { getCalibrationReport } from "~/models/calibration.server";
import { withheldFrom } from "~/models/visibility.server";
import { WithheldCandidatesNote } from "~/components/withheld-notice";
import { FilterForm, FilterSelect, FILTER_CONTROL_CLASS } from "~/components/filter-controls";

export const meta: MetaFunction = () => [{ title: "Calibration · ML Leveling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "RECRUITER", "ADMIN");
  const filter = parseCalibrationQuery(new URL(request.url).searchParams);
  // Independent scoring: candidates the viewer still owes a scorecard for are left out.
  const { candidateIds } = await withheldFrom(user.id);
  const report = await getCalibrationReport(filter, { withheldCandidateIds: candidateIds });
  return { filter, report, withheldCandidates: candidateIds.size };
}

function Filters({ filter }: { filter: CalibrationFilter }) {
  return (
    <FilterForm label="Filter calibration" clearHref="/calibration">
      <div className="flex flex-col gap-1">
        <label htmlFor="calibration-from">Submitted from (UTC)</label>
        <input id="calibration-from" type="date" name="from" defaultValue={filter.from ?? ""} className={FILTER_CONTROL_CLASS} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="calibration-to">Submitted to (UTC)</label>
        <input id="calibration-to" type="date" name="to" defaultValue={filter.to ?? ""} className={FILTER_CONTROL_CLASS} />
      </div>
      <FilterSelect
        id="calibration-area"
        name="area"
        label="Area"
        defaultValue={filter.areaKey}
        options={SCREEN_AREA_KEYS.map((areaKey) => ({ value: areaKey, label: SCREEN_AREA_NAMES[areaKey] }))}
        anyLabel="All areas"
      />
    </FilterForm>
  );
}

function Definitions({ threshold }: { threshold: number }) {
  return (
    <details className="mt-4 rounded-md border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-semibold">How these numbers are computed</summary>
      <p className="mt-2 text-slate-700">
        Every number counts submitted scorecards whose submission falls in the dates (UTC days, both included) and the area chosen.
      </p>
      <dl className="mt-2 grid gap-x-4 gap-y-2 text-slate-700 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-slate-900">Mean score</dt>
        <dd>The mean of the scorecards&apos; weighted scores (1–4).</dd>
        <dt className="font-medium text-slate-900">Distribution</dt>
        <dd>Lowest, first quartile, median, third quartile and highest score (quartiles interpolated between neighbouring scores).</dd>
        <dt className="font-medium text-slate-900">Leniency vs peers</dt>
        <dd>
          For each scorecard, its score minus the mean score of every scorecard other interviewers submitted on the same candidate (any
          area, any date); then the mean of those differences. Positive: scores higher than colleagues on the same candidates; negative:
          harsher. Scorecards without another interviewer on the candidate are left out (the count in brackets is how many were
          compared). For an area, it shows how that screen scores against the candidates&apos; other screens.
        </dd>
        <dt className="font-medium text-slate-900">Strong no / strong yes</dt>
        <dd>The share of scorecards with that overall recommendation.</dd>
        <dt className="font-medium text-slate-900">Time to submit</dt>
        <dd>Hours from the interview&apos;s scheduled end (start plus duration) to submission; the mean.</dd>
        <dt className="font-medium text-slate-900">Level signal matched</dt>
        <dd>
          Among scorecards on candidates with a hiring decision that carry a level signal: the share whose signal is exactly the decided
          level. A no-hire decision matches no signal; undecided candidates are not counted.
        </dd>
        <dt className="font-medium text-slate-900">Inter-rater spread</dt>
        <dd>
          Per area, for each candidate with two or more scorecards there: the range (highest minus lowest score) and the standard
          deviation of those scores; the means over candidates, how many ranges reach the debrief flag ({threshold.toFixed(2)} points,
          the leveling policy&apos;s threshold) and how the ranges are distributed.
        </dd>
      </dl>
    </details>
  );
}

function DistributionCell({ stats }: { stats: CalibrationStats }) {
  const d = stats.distribution;
  if (!d) return <>—</>;
  return (
    <span className="whitespace-nowrap font-mono text-xs">
      {[d.min, d.q1, d.median, d.q3, d.max].map((value) => value.toFixed(2)).join(" · ")}
    </span>
  );
}

function StatsCells({ stats }: { stats: CalibrationStats }) {
  return (
    <>
      <td className="pr-3 text-right tabular-nums">{stats.scorecards}</td>
      <td className="pr-3 text-right tabular-nums">{formatMean(stats.meanScore)}</td>
      <td className="pr-3">
        <DistributionCell stats={stats} />
      </td>
      <td className="whitespace-nowrap pr-3 text-right tabular-nums">
        {formatSigned(stats.leniency)} <span className="text-xs text-slate-500">({stats.comparedScorecards})</span>
      </td>
      <td className="whitespace-nowrap pr-3 text-right tabular-nums">{formatPercent(stats.strongNo, stats.scorecards)}</td>
      <td className="whitespace-nowrap pr-3 text-right tabular-nums">{formatPercent(stats.strongYes, stats.scorecards)}</td>
      <td className="whitespace-nowrap pr-3 text-right tabular-nums">{formatHours(stats.meanHoursToSubmit)}</td>
      <td className="whitespace-nowrap text-right tabular-nums">{formatShare(stats.levelSignalMatches, stats.levelSignalsOnDecided)}</td>
    </>
  );
}

/** The heading of a column of figures, right-aligned like them. */
function FigureHeading({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="pr-3 text-right">
      {children}
    </th>
  );
}

function StatsHeadings() {
  return (
    <>
      <FigureHeading>Scorecards</FigureHeading>
      <FigureHeading>Mean</FigureHeading>
      <th scope="col" className="pr-3">
        Min · Q1 · median · Q3 · max
      </th>
      <FigureHeading>Leniency vs peers (compared)</FigureHeading>
      <FigureHeading>Strong no</FigureHeading>
      <FigureHeading>Strong yes</FigureHeading>
      <FigureHeading>Mean time to submit</FigureHeading>
      <th scope="col" className="text-right">
        Level signal matched decision
      </th>
    </>
  );
}

/** A section of the report; its heading also names the table in it. */
function ReportSection({ headingId, title, children }: { headingId: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A table of the report, scrolling sideways on narrow screens; the first column names what each row is about. */
function ReportTable({
  labelledBy,
  rowHeading,
  headings,
  children,
}: {
  labelledBy?: string;
  rowHeading: string;
  /** The columns after the first. */
  headings: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="mt-2 w-full text-left text-sm" aria-labelledby={labelledBy}>
        <thead className="border-b text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3">
              {rowHeading}
            </th>
            {headings}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function RowHeading({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="py-2 pr-3 text-left font-medium">
      {children}
    </th>
  );
}

export default function CalibrationPage() {
  const { filter, report, withheldCandidates } = useLoaderData<typeof loader>();
  const name = (id: string) => report.names[id] ?? "Former user";
  const byName = [...report.interviewers].sort((a, b) => name(a.interviewerId).localeCompare(name(b.interviewerId), "en"));
  const scope = filter.areaKey ? SCREEN_AREA_NAMES[filter.areaKey] : "all areas";
  const withDistribution = byName.flatMap((row) => (row.stats.distribution && row.stats.meanScore !== null ? [{ row, distribution: row.stats.distribution, mean: row.stats.meanScore }] : []));
  const byLeniency = [...byName].sort((a, b) => (b.stats.leniency ?? -Infinity) - (a.stats.leniency ?? -Infinity));
  const spreadAreas = report.spread.filter((area) => area.candidates > 0);

  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-bold">Calibration</h1>
      <p className="mt-1 text-sm text-slate-600">
        How each interviewer scores compared with their peers on the same candidates, and how much interviewers of the same area
        disagree. Use it to start a calibration conversation, not to rank people: small counts move a lot.
      </p>
      <WithheldCandidatesNote count={withheldCandidates} />
      <Filters filter={filter} />
      <Definitions threshold={report.disagreementThreshold} />

      <p className="mt-4 flex flex-wrap gap-4 text-sm text-slate-700" aria-live="polite">
        <span>
          {report.overall.scorecards === 0
            ? isFiltered(filter)
              ? "No submitted scorecards match these filters."
              : "No submitted scorecards yet."
            : `${report.overall.scorecards} submitted ${report.overall.scorecards === 1 ? "scorecard" : "scorecards"} by ${report.interviewers.length} ${report.interviewers.length === 1 ? "interviewer" : "interviewers"}, ${scope}.`}
        </span>
        {/* A resource route: a plain link downloads it, with or without JavaScript. */}
        <a href={calibrationHref("/calibration.csv", filter)} className="text-indigo-700 underline" download>
          Download these numbers as CSV
        </a>
      </p>

      {report.overall.scorecards > 0 ? (
        <>
          <ReportSection headingId="leniency-heading" title="Leniency against peers">
            <p className="text-sm text-slate-600">
              Mean difference between each interviewer&apos;s scores and their colleagues&apos; scores on the same candidates ({scope}).
            </p>
            <div className="mt-2 overflow-x-auto">
              <DivergingBarChart
                title={`Leniency against peers, ${scope}`}
                description="One bar per interviewer, sorted from most lenient to harshest; the numbers are in the table below."
                negativeLabel="harsher than peers"
                positiveLabel="more lenient than peers"
                rows={byLeniency.map((row) => ({
                  key: row.interviewerId,
                  label: name(row.interviewerId),
                  value: row.stats.leniency,
                  note: `n ${row.stats.comparedScorecards}`,
                }))}
              />
            </div>
          </ReportSection>

          <ReportSection headingId="distribution-heading" title="Score distribution per interviewer">
            <p className="text-sm text-slate-600">
              Whiskers from the lowest to the highest score, the box from the first to the third quartile, a line at the median and a
              dot at the mean.
            </p>
            <div className="mt-2 overflow-x-auto">
              <BoxPlotChart
                title={`Score distribution per interviewer, ${scope}`}
                description="One box per interviewer on the 1 to 4 scale, sorted by median; the numbers are in the table below."
                rows={[...withDistribution]
                  .sort((a, b) => b.distribution.median - a.distribution.median)
                  .map(({ row, distribution, mean }) => ({
                    key: row.interviewerId,
                    label: name(row.interviewerId),
                    count: row.stats.scorecards,
                    mean,
                    ...distribution,
                  }))}
              />
            </div>
          </ReportSection>

          <ReportSection headingId="interviewers-heading" title="Interviewers">
            <ReportTable labelledBy="interviewers-heading" rowHeading="Interviewer" headings={<StatsHeadings />}>
              <tr className="border-b bg-slate-100 font-medium" data-row="all">
                <th scope="row" className="py-2 pr-3 text-left">
                  All interviewers
                </th>
                <StatsCells stats={report.overall} />
              </tr>
              {byName.map((row) => (
                <tr key={row.interviewerId} className="border-b align-top" data-interviewer={row.interviewerId}>
                  <RowHeading>{name(row.interviewerId)}</RowHeading>
                  <StatsCells stats={row.stats} />
                </tr>
              ))}
            </ReportTable>
          </ReportSection>

          {filter.areaKey ? null : (
            <details className="mt-6">
              <summary className="cursor-pointer text-lg font-semibold">By interviewer and area</summary>
              <ReportTable
                rowHeading="Interviewer"
                headings={
                  <>
                    <th scope="col" className="pr-3">
                      Area
                    </th>
                    <StatsHeadings />
                  </>
                }
              >
                {byName.flatMap((row) =>
                  row.areas.map((area) => (
                    <tr key={`${row.interviewerId}-${area.areaKey}`} className="border-b align-top">
                      <RowHeading>{name(row.interviewerId)}</RowHeading>
                      <td className="pr-3">{SCREEN_AREA_NAMES[area.areaKey]}</td>
                      <StatsCells stats={area.stats} />
                    </tr>
                  )),
                )}
              </ReportTable>
            </details>
          )}

          <ReportSection headingId="areas-heading" title="Areas">
            <p className="text-sm text-slate-600">Leniency here compares an area&apos;s scores with the same candidates&apos; other screens.</p>
            <ReportTable labelledBy="areas-heading" rowHeading="Area" headings={<StatsHeadings />}>
              {report.areas.map((area) => (
                <tr key={area.areaKey} className="border-b align-top" data-area={area.areaKey}>
                  <RowHeading>{SCREEN_AREA_NAMES[area.areaKey]}</RowHeading>
                  <StatsCells stats={area.stats} />
                </tr>
              ))}
            </ReportTable>
          </ReportSection>

          <ReportSection headingId="spread-heading" title="Inter-rater spread">
            <p className="text-sm text-slate-600">
              Per area, over candidates with two or more interviewers in that area: how far apart their scores were (range = highest
              minus lowest), and how many ranges reach the debrief flag of {report.disagreementThreshold.toFixed(2)} points.
            </p>
            <ReportTable
              labelledBy="spread-heading"
              rowHeading="Area"
              headings={
                <>
                  <FigureHeading>Candidates with 2+ scorecards</FigureHeading>
                  <FigureHeading>Mean range</FigureHeading>
                  <FigureHeading>Mean SD</FigureHeading>
                  <FigureHeading>Range ≥ {report.disagreementThreshold.toFixed(2)}</FigureHeading>
                  {report.spread[0]?.bins.map((_, bin) => (
                    <th key={bin} scope="col" className="pr-3 text-right font-normal">
                      {spreadBinLabel(bin)}
                    </th>
                  ))}
                </>
              }
            >
              {report.spread.map((area) => (
                <tr key={area.areaKey} className="border-b align-top" data-spread-row={area.areaKey}>
                  <RowHeading>{SCREEN_AREA_NAMES[area.areaKey]}</RowHeading>
                  <td className="pr-3 text-right tabular-nums">{area.candidates}</td>
                  <td className="pr-3 text-right tabular-nums">{formatMean(area.meanRange)}</td>
                  <td className="pr-3 text-right tabular-nums">{formatMean(area.meanStdDev)}</td>
                  <td className="whitespace-nowrap pr-3 text-right tabular-nums">{formatShare(area.atOrAboveThreshold, area.candidates)}</td>
                  {area.bins.map((count, bin) => (
                    <td key={bin} className="pr-3 text-right tabular-nums text-slate-700">
                      {count}
                    </td>
                  ))}
                </tr>
              ))}
            </ReportTable>
            {spreadAreas.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600">No candidate had two or more scorecards in the same area: no spread to show.</p>
            ) : (
              <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {spreadAreas.map((area) => (
                  <figure key={area.areaKey} className="rounded-md border border-slate-200 bg-white p-3" data-spread={area.areaKey}>
                    <figcaption className="text-sm font-medium">
                      {SCREEN_AREA_NAMES[area.areaKey]}: ranges over {area.candidates} {area.candidates === 1 ? "candidate" : "candidates"}
                    </figcaption>
                    <HistogramChart
                      title={`${SCREEN_AREA_NAMES[area.areaKey]}: distribution of score ranges between interviewers`}
                      description={`Candidates per range of points: ${area.bins.map((count, bin) => `${spreadBinLabel(bin)}: ${count}`).join("; ")}. The numbers are in the table above.`}
                      bins={area.bins.map((count, bin) => ({ label: spreadBinLabel(bin), count }))}
                    />
                  </figure>
                ))}
              </div>
            )}
          </ReportSection>
        </>
      ) : null}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

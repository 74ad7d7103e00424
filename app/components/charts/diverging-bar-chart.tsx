import { ChartFrame, XAxis } from "./chart-frame";
import { chartNumber, linearScale, shorten, symmetricExtent, ticks } from "./scale";

export type DivergingBarRow = {
  key: string;
  label: string;
  /** Null draws "no comparison" instead of a bar. */
  value: number | null;
  /** Shown after the value, e.g. "n 12". */
  note: string;
};

const WIDTH = 720;
const LABEL_WIDTH = 190;
const NOTE_WIDTH = 64;
const ROW_HEIGHT = 26;
const TOP = 8;
const AXIS_HEIGHT = 28;
/** Positive: above the peers (lenient); negative: below (harsh). Not red/green. */
const POSITIVE = "#f59e0b";
const NEGATIVE = "#0284c7";

/**
 * Bars from zero, to the right for positive values and to the left for negative ones, on
 * a symmetric axis in quarter points, so two people's bars compare at a glance.
 */
export function DivergingBarChart({
  title,
  description,
  rows,
  negativeLabel,
  positiveLabel,
}: {
  title: string;
  description: string;
  rows: readonly DivergingBarRow[];
  negativeLabel: string;
  positiveLabel: string;
}) {
  const values = rows.flatMap((row) => (row.value === null ? [] : [row.value]));
  // Ticks every quarter point up to ±1, then halves, then whole points; zero is always one.
  const largest = symmetricExtent(values, 0.25, 0.5);
  const step = largest <= 1 ? 0.25 : largest <= 2 ? 0.5 : 1;
  const extent = symmetricExtent(values, step, 0.5);
  const legendHeight = 18;
  const top = TOP + legendHeight;
  const plotBottom = top + rows.length * ROW_HEIGHT;
  const height = plotBottom + AXIS_HEIGHT;
  const left = LABEL_WIDTH;
  const right = WIDTH - NOTE_WIDTH;
  const x = linearScale([-extent, extent], [left + 40, right - 40]);
  return (
    <ChartFrame title={title} description={description} width={WIDTH} height={height}>
      <g aria-hidden="true">
        <text x={x(0) - 8} y={TOP + 10} textAnchor="end" fill={NEGATIVE} fontWeight={600}>
          {`← ${negativeLabel}`}
        </text>
        <text x={x(0) + 8} y={TOP + 10} fill="#b45309" fontWeight={600}>
          {`${positiveLabel} →`}
        </text>
      </g>
      <XAxis ticks={ticks(-extent, extent, step)} x={x} top={top} bottom={plotBottom} format={(value) => chartNumber(value, true)} strong={0} />
      {rows.map((row, index) => {
        const middle = top + index * ROW_HEIGHT + ROW_HEIGHT / 2;
        const value = row.value;
        return (
          <g key={row.key} data-row={row.key}>
            <title>{`${row.label}: ${value === null ? "no comparison" : chartNumber(value, true)} (${row.note})`}</title>
            <text x={LABEL_WIDTH - 10} y={middle + 4} textAnchor="end" fill="#0f172a">
              {shorten(row.label, 26)}
            </text>
            {value === null ? (
              <text x={x(0) + 6} y={middle + 4} fill="#64748b" fontStyle="italic">
                no comparison
              </text>
            ) : (
              <>
                <rect
                  x={Math.min(x(0), x(value))}
                  y={middle - 8}
                  width={Math.max(1, Math.abs(x(value) - x(0)))}
                  height={16}
                  fill={value >= 0 ? POSITIVE : NEGATIVE}
                />
                <text
                  x={value >= 0 ? x(value) + 4 : x(value) - 4}
                  y={middle + 4}
                  textAnchor={value >= 0 ? "start" : "end"}
                  fill="#0f172a"
                >
                  {chartNumber(value, true)}
                </text>
              </>
            )}
            <text x={right + 10} y={middle + 4} fill="#475569">
              {row.note}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

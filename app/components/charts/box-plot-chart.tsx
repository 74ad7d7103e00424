import { ChartFrame, XAxis } from "./chart-frame";
import { chartNumber, linearScale, shorten, ticks } from "./scale";

export type BoxPlotRow = {
  key: string;
  label: string;
  count: number;
  mean: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
};

const WIDTH = 720;
const LABEL_WIDTH = 190;
const COUNT_WIDTH = 64;
const ROW_HEIGHT = 28;
const TOP = 8;
const AXIS_HEIGHT = 28;

/**
 * One horizontal box per row on the 1–4 score scale: whiskers from min to max, the box
 * from the first to the third quartile, a line at the median and a dot at the mean.
 */
export function BoxPlotChart({ title, description, rows }: { title: string; description: string; rows: readonly BoxPlotRow[] }) {
  const plotBottom = TOP + rows.length * ROW_HEIGHT;
  const height = plotBottom + AXIS_HEIGHT;
  const x = linearScale([1, 4], [LABEL_WIDTH, WIDTH - COUNT_WIDTH]);
  return (
    <ChartFrame title={title} description={description} width={WIDTH} height={height}>
      <XAxis ticks={ticks(1, 4, 0.5)} x={x} top={TOP} bottom={plotBottom} format={(value) => String(value)} />
      {rows.map((row, index) => {
        const middle = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
        const box = { top: middle - 8, height: 16 };
        return (
          <g key={row.key} data-row={row.key}>
            <title>
              {`${row.label}: ${row.count} scorecards; min ${chartNumber(row.min)}, Q1 ${chartNumber(row.q1)}, median ${chartNumber(row.median)}, Q3 ${chartNumber(row.q3)}, max ${chartNumber(row.max)}, mean ${chartNumber(row.mean)}`}
            </title>
            <text x={LABEL_WIDTH - 10} y={middle + 4} textAnchor="end" fill="#0f172a">
              {shorten(row.label, 26)}
            </text>
            <line x1={x(row.min)} x2={x(row.max)} y1={middle} y2={middle} stroke="#64748b" />
            <line x1={x(row.min)} x2={x(row.min)} y1={middle - 5} y2={middle + 5} stroke="#64748b" />
            <line x1={x(row.max)} x2={x(row.max)} y1={middle - 5} y2={middle + 5} stroke="#64748b" />
            <rect
              x={x(row.q1)}
              y={box.top}
              width={Math.max(1, x(row.q3) - x(row.q1))}
              height={box.height}
              fill="#c7d2fe"
              stroke="#4338ca"
            />
            <line x1={x(row.median)} x2={x(row.median)} y1={box.top} y2={box.top + box.height} stroke="#312e81" strokeWidth={2.5} />
            <circle cx={x(row.mean)} cy={middle} r={3.5} fill="#f59e0b" stroke="#78350f" />
            <text x={WIDTH - COUNT_WIDTH + 10} y={middle + 4} fill="#475569">
              {`n ${row.count}`}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

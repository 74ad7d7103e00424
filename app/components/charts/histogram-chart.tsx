import { ChartFrame } from "./chart-frame";
import { linearScale } from "./scale";

const WIDTH = 260;
const HEIGHT = 130;
const TOP = 16;
const BOTTOM = 26;
const SIDE = 8;

/** Vertical bars for a handful of bins, each labelled with its count and its range. */
export function HistogramChart({
  title,
  description,
  bins,
}: {
  title: string;
  description: string;
  bins: readonly { label: string; count: number }[];
}) {
  const largest = Math.max(1, ...bins.map((bin) => bin.count));
  const y = linearScale([0, largest], [HEIGHT - BOTTOM, TOP]);
  const slot = (WIDTH - 2 * SIDE) / bins.length;
  return (
    <ChartFrame title={title} description={description} width={WIDTH} height={HEIGHT} className="w-full max-w-xs" >
      <line x1={SIDE} x2={WIDTH - SIDE} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#94a3b8" />
      {bins.map((bin, index) => {
        const left = SIDE + index * slot;
        return (
          <g key={bin.label}>
            <rect x={left + 3} y={y(bin.count)} width={slot - 6} height={HEIGHT - BOTTOM - y(bin.count)} fill="#818cf8" />
            <text x={left + slot / 2} y={y(bin.count) - 3} textAnchor="middle" fill="#0f172a" fontSize={11}>
              {bin.count}
            </text>
            <text x={left + slot / 2} y={HEIGHT - BOTTOM + 14} textAnchor="middle" fill="#475569" fontSize={10}>
              {bin.label}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

import { useId, type ReactNode } from "react";

/**
 * An accessible SVG chart: role="img" named by its <title> and described by its <desc>
 * (which says where the numbers are as a table). Drawn on the server like the rest of the
 * page; scales with its container through the viewBox.
 */
export function ChartFrame({
  title,
  description,
  width,
  height,
  className = "w-full max-w-3xl",
  children,
}: {
  title: string;
  description: string;
  width: number;
  height: number;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMinYMin meet"
      className={`h-auto ${className}`}
      fontFamily="ui-sans-serif, system-ui, sans-serif"
      fontSize={12}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** Vertical grid lines with their labels under the plot. */
export function XAxis({
  ticks,
  x,
  top,
  bottom,
  format,
  strong,
}: {
  ticks: readonly number[];
  x: (value: number) => number;
  top: number;
  bottom: number;
  format: (value: number) => string;
  /** A tick drawn darker (the zero of a diverging chart). */
  strong?: number;
}) {
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={top} y2={bottom} stroke={tick === strong ? "#475569" : "#e2e8f0"} strokeWidth={tick === strong ? 1.5 : 1} />
          <text x={x(tick)} y={bottom + 16} textAnchor="middle" fill="#475569">
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

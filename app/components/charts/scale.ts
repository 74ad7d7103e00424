/** Geometry for the server-rendered SVG charts: linear scales, round ticks, short labels. */

export type LinearScale = ((value: number) => number) & { domain: readonly [number, number]; range: readonly [number, number] };

/** Maps [d0, d1] onto [r0, r1] linearly; values outside the domain are clamped to it. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = (value: number) => {
    const clamped = Math.min(Math.max(value, Math.min(d0, d1)), Math.max(d0, d1));
    return r0 + ((clamped - d0) / span) * (r1 - r0);
  };
  return Object.assign(scale, { domain, range });
}

/** Ticks from `start` to `end` every `step`, without floating-point drift (0.1 + 0.2). */
export function ticks(start: number, end: number, step: number): number[] {
  const count = Math.round((end - start) / step);
  return Array.from({ length: count + 1 }, (_, index) => Number((start + index * step).toFixed(6)));
}

/** The smallest multiple of `step` at or above |value|, and at least `minimum`. */
export function symmetricExtent(values: readonly number[], step: number, minimum: number): number {
  const largest = Math.max(0, ...values.map(Math.abs));
  return Math.max(minimum, Math.ceil(largest / step - 1e-9) * step);
}

/** Text that fits a label column: cut with an ellipsis (the full text is in the row's <title>). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** A number as chart text: 2 decimals, the sign spelled out for differences. */
export function chartNumber(value: number, signed = false): string {
  const text = value.toFixed(2);
  if (signed && /^-?0\.00$/.test(text)) return "0.00";
  return signed && value > 0 ? `+${text}` : text;
}

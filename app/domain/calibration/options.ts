/**
 * The calibration page's filter without Zod: the page renders its GET form and links from
 * these; query.ts parses the URL on the server.
 */
import type { CalibrationFilter } from "./types";

/** The query string of a filter: only what is set, so links stay short. */
export function calibrationQueryString(filter: CalibrationFilter): string {
  const params = new URLSearchParams();
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.areaKey) params.set("area", filter.areaKey);
  return params.toString();
}

export function calibrationHref(path: "/calibration" | "/calibration.csv", filter: CalibrationFilter): string {
  const query = calibrationQueryString(filter);
  return query ? `${path}?${query}` : path;
}

export function isFiltered(filter: CalibrationFilter): boolean {
  return Boolean(filter.from || filter.to || filter.areaKey);
}

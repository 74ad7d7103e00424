/** Dates are shown in UTC with the zone written out: interviewers and recruiters sit in several countries. */
export function formatDateTimeUtc(value: Date | string): string {
  const iso = (typeof value === "string" ? new Date(value) : value).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

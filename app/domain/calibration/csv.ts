/**
 * The calibration numbers as CSV: one row for everyone, one per area, one per interviewer
 * and one per interviewer × area, the same numbers as the page's tables. Text goes through
 * the packet CSV's cell escaping (RFC 4180 quoting, formula characters defused: names are
 * user-entered); numbers are written as numbers, so a negative leniency stays a number a
 * spreadsheet can sort, instead of text starting with an apostrophe.
 */
import { csvCell } from "../candidates/packet-csv";
import { SCREEN_AREA_NAMES, type ScreenAreaKey } from "../screen-areas";
import { spreadBinLabel } from "./format";
import { SPREAD_BIN_COUNT, type AreaSpread, type CalibrationReport, type CalibrationStats } from "./types";

/** A number with a fixed number of decimals; `null` is an empty cell. */
type NumberCell = { number: number; digits: number };
type Cell = string | NumberCell | null;

const NUMBER = /^-?\d+(\.\d+)?$/;

function cell(value: Cell): string {
  if (value !== null && typeof value === "object") {
    const text = value.number.toFixed(value.digits);
    // Anything that is not a plain decimal (NaN, Infinity) is text like any other.
    return NUMBER.test(text) ? text : csvCell(text);
  }
  return csvCell(value);
}

const decimals = (value: number | null, digits = 3): Cell => (value === null ? null : { number: value, digits });
const count = (value: number): Cell => ({ number: value, digits: 0 });
const share = (part: number, whole: number): Cell => (whole === 0 ? null : { number: part / whole, digits: 3 });

export const CALIBRATION_CSV_HEADER = [
  "Scope",
  "Interviewer",
  "Area",
  "Scorecards",
  "Mean score",
  "Min",
  "Q1",
  "Median",
  "Q3",
  "Max",
  "Leniency vs peers",
  "Scorecards with peers",
  "Strong no",
  "Strong no share",
  "Strong yes",
  "Strong yes share",
  "Mean hours to submit",
  "Level signals on decided candidates",
  "Level-signal matches",
  "Level-signal match rate",
  "Candidates with 2+ scorecards in the area",
  "Mean range",
  "Mean standard deviation",
  "Ranges at or above the disagreement threshold",
  ...Array.from({ length: SPREAD_BIN_COUNT }, (_, bin) => `Ranges ${spreadBinLabel(bin)}`),
] as const;

function statsCells(stats: CalibrationStats): Cell[] {
  const distribution = stats.distribution;
  return [
    count(stats.scorecards),
    decimals(stats.meanScore),
    decimals(distribution?.min ?? null),
    decimals(distribution?.q1 ?? null),
    decimals(distribution?.median ?? null),
    decimals(distribution?.q3 ?? null),
    decimals(distribution?.max ?? null),
    decimals(stats.leniency),
    count(stats.comparedScorecards),
    count(stats.strongNo),
    share(stats.strongNo, stats.scorecards),
    count(stats.strongYes),
    share(stats.strongYes, stats.scorecards),
    decimals(stats.meanHoursToSubmit, 2),
    count(stats.levelSignalsOnDecided),
    count(stats.levelSignalMatches),
    share(stats.levelSignalMatches, stats.levelSignalsOnDecided),
  ];
}

function spreadCells(spread: AreaSpread | undefined): Cell[] {
  if (!spread) return Array.from({ length: 4 + SPREAD_BIN_COUNT }, () => null);
  return [count(spread.candidates), decimals(spread.meanRange), decimals(spread.meanStdDev), count(spread.atOrAboveThreshold), ...spread.bins.map(count)];
}

export function calibrationCsv(report: CalibrationReport, names: Readonly<Record<string, string>>): string {
  const noSpread = spreadCells(undefined);
  const areaName = (areaKey: ScreenAreaKey) => SCREEN_AREA_NAMES[areaKey];
  const rows: Cell[][] = [[...CALIBRATION_CSV_HEADER]];
  rows.push(["All interviewers", "", "", ...statsCells(report.overall), ...noSpread]);
  for (const area of report.areas) {
    const spread = report.spread.find((item) => item.areaKey === area.areaKey);
    rows.push(["Area", "", areaName(area.areaKey), ...statsCells(area.stats), ...spreadCells(spread)]);
  }
  const interviewers = [...report.interviewers].sort((a, b) =>
    (names[a.interviewerId] ?? "").localeCompare(names[b.interviewerId] ?? "", "en"),
  );
  for (const interviewer of interviewers) {
    const name = names[interviewer.interviewerId] ?? interviewer.interviewerId;
    rows.push(["Interviewer", name, "", ...statsCells(interviewer.stats), ...noSpread]);
    for (const area of interviewer.areas) {
      rows.push(["Interviewer and area", name, areaName(area.areaKey), ...statsCells(area.stats), ...noSpread]);
    }
  }
  // CRLF line ends (RFC 4180) and a BOM so spreadsheet apps read UTF-8, as the packet CSV.
  return `\uFEFF${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

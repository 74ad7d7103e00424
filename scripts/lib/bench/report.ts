import type { LoadResult } from "./load";

export const ROUTE_NAMES = ["floor", "candidate-list", "candidate-page", "scorecard-page", "draft-save"] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

/** Reported next to the numbers, never asserted (docs/decisions/005-benchmarks.md). */
export const TARGETS = {
  pageRatioToFloor: 3,
  draftSaveRps: 300,
  p99Ms: 250,
  levelingEvalsPerSec: 100_000,
  scorecardJsGzipBytes: 120 * 1024,
  peakRssMb: 300,
} as const;

const PAGES: readonly RouteName[] = ["candidate-list", "candidate-page", "scorecard-page"];

/** bench/results/latest.json: exactly these keys. */
export interface BenchJson {
  routes: { name: RouteName; p50Ms: number; p99Ms: number; rps: number; errors: number; ratioToFloor: number }[];
  levelingEvalsPerSec: number;
  peakRssMb: number;
  scorecardJsGzipBytes: number;
  dataset: { candidates: number; scorecards: number };
  machine: { cpus: number; node: string };
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function toJson(
  routes: readonly (LoadResult & { name: RouteName })[],
  other: Omit<BenchJson, "routes">,
): BenchJson {
  const floor = routes.find((route) => route.name === "floor");
  return {
    routes: routes.map((route) => ({
      name: route.name,
      p50Ms: round(route.p50Ms, 2),
      p99Ms: round(route.p99Ms, 2),
      rps: round(route.rps, 1),
      errors: route.errors,
      ratioToFloor: floor && floor.p50Ms > 0 ? round(route.p50Ms / floor.p50Ms, 2) : 0,
    })),
    levelingEvalsPerSec: Math.round(other.levelingEvalsPerSec),
    peakRssMb: round(other.peakRssMb, 1),
    scorecardJsGzipBytes: other.scorecardJsGzipBytes,
    dataset: other.dataset,
    machine: other.machine,
  };
}

interface Check {
  label: string;
  met: boolean;
}

function mark(check: Check): string {
  return `${check.label} ${check.met ? "met" : "MISSED"}`;
}

function routeChecks(route: BenchJson["routes"][number]): Check[] {
  const checks: Check[] = [];
  if (PAGES.includes(route.name)) {
    checks.push({ label: `≤${TARGETS.pageRatioToFloor}× floor`, met: route.ratioToFloor <= TARGETS.pageRatioToFloor });
  }
  if (route.name === "draft-save") {
    checks.push({ label: `≥${TARGETS.draftSaveRps} req/s`, met: route.rps >= TARGETS.draftSaveRps });
    checks.push({ label: "0 errors", met: route.errors === 0 });
  }
  checks.push({ label: `p99<${TARGETS.p99Ms} ms`, met: route.p99Ms < TARGETS.p99Ms });
  return checks;
}

function pad(text: string, width: number, align: "left" | "right"): string {
  return align === "left" ? text.padEnd(width) : text.padStart(width);
}

/** The table printed at the end of a run, targets beside each number. */
export function formatReport(json: BenchJson, connections: number, durationSeconds: number): string {
  const header = ["route", "p50 ms", "p99 ms", "req/s", "errors", "p50/floor", "targets"];
  const rows = json.routes.map((route) => [
    route.name,
    route.p50Ms.toFixed(2),
    route.p99Ms.toFixed(2),
    route.rps.toFixed(1),
    String(route.errors),
    route.ratioToFloor.toFixed(2),
    routeChecks(route).map(mark).join(", "),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const align = (column: number) => (column === 0 || column === header.length - 1 ? "left" : "right");
  const line = (cells: string[]) => cells.map((cell, column) => pad(cell, widths[column]!, align(column))).join("  ").trimEnd();

  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  const others: [string, string, Check][] = [
    [
      "leveling engine",
      `${json.levelingEvalsPerSec.toLocaleString("en-US")} evals/s`,
      { label: `≥${TARGETS.levelingEvalsPerSec.toLocaleString("en-US")}`, met: json.levelingEvalsPerSec >= TARGETS.levelingEvalsPerSec },
    ],
    [
      "server peak RSS",
      `${json.peakRssMb.toFixed(1)} MB`,
      { label: `≤${TARGETS.peakRssMb} MB`, met: json.peakRssMb > 0 && json.peakRssMb <= TARGETS.peakRssMb },
    ],
    [
      "scorecard page JS",
      `${kib(json.scorecardJsGzipBytes)} KB gzip (${json.scorecardJsGzipBytes.toLocaleString("en-US")} B)`,
      {
        label: `≤${kib(TARGETS.scorecardJsGzipBytes)} KB`,
        met: json.scorecardJsGzipBytes > 0 && json.scorecardJsGzipBytes <= TARGETS.scorecardJsGzipBytes,
      },
    ],
  ];
  const otherWidth = Math.max(...others.map(([, value]) => value.length));

  return [
    `${connections} connections, ${durationSeconds} s per route; dataset ${json.dataset.candidates.toLocaleString("en-US")} candidates, ` +
      `${json.dataset.scorecards.toLocaleString("en-US")} scorecards; ${json.machine.cpus} CPUs, Node ${json.machine.node}`,
    "",
    line(header),
    line(widths.map((width) => "-".repeat(width))),
    ...rows.map(line),
    "",
    ...others.map(([name, value, check]) => `${name.padEnd(18)}${value.padEnd(otherWidth)}  ${mark(check)}`),
    "",
    "KB = 1024 bytes, MB = 1024 KB. Targets are reported, not enforced (docs/decisions/005-benchmarks.md).",
  ].join("\n");
}

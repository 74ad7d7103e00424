import { percentile } from "../bench/load";
import type { Recorded } from "./traffic";

/** One pass/fail criterion of the soak, printed as it is judged and kept for the summary and --json. */
export interface Verdict {
  phase: string;
  criterion: string;
  /** null: not judged (e.g. the outage phase on an external database). */
  pass: boolean | null;
  detail: string;
}

export class Verdicts {
  readonly all: Verdict[] = [];

  judge(phase: string, criterion: string, pass: boolean, detail: string): boolean {
    this.all.push({ phase, criterion, pass, detail });
    console.log(`  ${pass ? "PASS" : "FAIL"}  ${criterion}${detail ? ` — ${detail}` : ""}`);
    return pass;
  }

  skip(phase: string, criterion: string, reason: string): void {
    this.all.push({ phase, criterion, pass: null, detail: reason });
    console.log(`  SKIP  ${criterion} — ${reason}`);
  }

  get passed(): number {
    return this.all.filter((verdict) => verdict.pass === true).length;
  }

  get failed(): number {
    return this.all.filter((verdict) => verdict.pass === false).length;
  }

  get skipped(): number {
    return this.all.filter((verdict) => verdict.pass === null).length;
  }
}

export const isSuccess = (exchange: Pick<Recorded, "status">) => exchange.status >= 200 && exchange.status < 400;

/** "200 ×812, 503 ×40, no answer ×1" */
export function statusCounts(exchanges: readonly Recorded[]): string {
  const counts = new Map<string, number>();
  for (const exchange of exchanges) {
    const key = exchange.status === 0 ? "no answer" : String(exchange.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `${key} ×${count}`).join(", ") || "none";
}

/** Distinct transport errors with their counts: "socket hang up ×2". */
export function transportErrors(exchanges: readonly Recorded[]): string {
  const counts = new Map<string, number>();
  for (const exchange of exchanges) if (exchange.error) counts.set(exchange.error, (counts.get(exchange.error) ?? 0) + 1);
  return [...counts].map(([error, count]) => `${error} ×${count}`).join("; ");
}

export const durationMs = (exchange: Pick<Recorded, "startedAt" | "endedAt">) => exchange.endedAt - exchange.startedAt;

/** Per route: responses, p50 and p99 in ms; informational, never judged. */
export function latencyTable(exchanges: readonly Recorded[]): string {
  const byOp = new Map<string, number[]>();
  for (const exchange of exchanges) {
    const times = byOp.get(exchange.op) ?? [];
    times.push(durationMs(exchange));
    byOp.set(exchange.op, times);
  }
  return [...byOp]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, times]) => {
      times.sort((a, b) => a - b);
      return `    ${op.padEnd(15)} ${String(times.length).padStart(6)} responses, p50 ${ms(percentile(times, 0.5))}, p99 ${ms(percentile(times, 0.99))}`;
    })
    .join("\n");
}

export const ms = (value: number) => `${Math.round(value)} ms`;
export const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

/** At most `limit` examples, and how many more there are. */
export function examples(items: readonly string[], limit = 3): string {
  if (items.length === 0) return "";
  const shown = items.slice(0, limit).join("; ");
  return items.length > limit ? `${shown}; … ${items.length - limit} more` : shown;
}

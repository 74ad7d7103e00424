import { setTimeout as sleep } from "node:timers/promises";
import type { RunningServer } from "../bench/server";
import { startTraffic, type Recorded, type TrafficRun, type TrafficSetup } from "./traffic";
import { durationMs, isSuccess } from "./verdicts";

/** The bound: the service is back this long after the database is. */
export const RECOVERY_BOUND_MS = 5_000;

export interface OutageTimeline {
  /** performance.now() when the fast shutdown was asked for, when PostgreSQL had exited, when it was started again and when it was ready. */
  stopAsked: number;
  down: number;
  startAsked: number;
  ready: number;
}

export interface OutageResult {
  traffic: TrafficRun;
  timeline: OutageTimeline;
  serverAlive: boolean;
  /** Exchanges that overlapped the outage (from the shutdown request to PostgreSQL being ready again). */
  during: Recorded[];
  /** The first 200 after PostgreSQL was ready again, if any. */
  firstOkAfter: Recorded | undefined;
  /** Exchanges started RECOVERY_BOUND_MS or later after PostgreSQL was ready. */
  afterRecovery: Recorded[];
}

/**
 * Mixed traffic with submissions; after `beforeMs`, PostgreSQL is stopped (fast shutdown)
 * and kept down for `downMs`, started again, and the traffic goes on for the recovery
 * bound plus `afterMs`.
 */
export async function runOutage(options: {
  setup: TrafficSetup;
  server: RunningServer;
  database: { stopForNow(): Promise<void>; startAgain(): Promise<void> };
  beforeMs: number;
  downMs: number;
  afterMs: number;
  log: (message: string) => void;
}): Promise<OutageResult> {
  const traffic = startTraffic(options.setup, { label: "p2", submits: true });
  let timeline: OutageTimeline;
  try {
    await sleep(options.beforeMs);
    const stopAsked = performance.now();
    await options.database.stopForNow();
    const down = performance.now();
    options.log(`PostgreSQL stopped (fast shutdown) in ${Math.round(down - stopAsked)} ms; down for ${options.downMs / 1000} s`);
    await sleep(options.downMs);
    const startAsked = performance.now();
    await options.database.startAgain();
    const ready = performance.now();
    options.log(`PostgreSQL started again on the same port and data in ${Math.round(ready - startAsked)} ms`);
    timeline = { stopAsked, down, startAsked, ready };
    await sleep(RECOVERY_BOUND_MS + options.afterMs);
  } finally {
    await traffic.stop();
  }
  const { exchanges } = traffic.run;
  const firstOkAfter = exchanges
    .filter((exchange) => exchange.status === 200 && exchange.endedAt >= timeline.ready)
    .sort((a, b) => a.endedAt - b.endedAt)[0];
  return {
    traffic: traffic.run,
    timeline,
    serverAlive: options.server.alive(),
    during: exchanges.filter((exchange) => exchange.endedAt >= timeline.stopAsked && exchange.startedAt <= timeline.ready),
    firstOkAfter,
    afterRecovery: exchanges.filter((exchange) => exchange.startedAt >= timeline.ready + RECOVERY_BOUND_MS),
  };
}

/** Exchanges that took longer than `boundMs`, or never got an answer. */
export function hung(exchanges: readonly Recorded[], boundMs: number): Recorded[] {
  return exchanges.filter((exchange) => exchange.status === 0 || durationMs(exchange) > boundMs);
}

/** Anything but a success or a 503: a 500, a 409, a transport error… */
export function neitherOkNorUnavailable(exchanges: readonly Recorded[]): Recorded[] {
  return exchanges.filter((exchange) => !isSuccess(exchange) && exchange.status !== 503);
}

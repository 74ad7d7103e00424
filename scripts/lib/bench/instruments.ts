import { DEFAULT_POLICY, type LevelingPolicy } from "~/domain/leveling";
import { simulatePolicy } from "~/domain/leveling/simulation";
import { getCalibrationReport } from "~/models/calibration.server";
import { loadSimulationRows } from "~/models/policy-admin.server";
import { disconnectDb } from "~/utils/db.server";
import { refreshEnv } from "~/utils/env.server";

export type InstrumentTimings = {
  /** Load every stored evidence and level it under a draft policy (the admin's simulation). */
  policySimulationMs: number;
  simulatedCandidates: number;
  simulatedChanges: number;
  /** The unfiltered calibration report (the recruiters' calibration page). */
  calibrationReportMs: number;
};

const RUNS = 3;

/**
 * Times the admin and recruiter instruments that are not requests to the floor's kind of
 * page, in this process against the bench database; the slowest of a few runs is reported.
 */
export async function measureInstruments(databaseUrl: string): Promise<InstrumentTimings> {
  process.env.DATABASE_URL = databaseUrl;
  refreshEnv();
  // A plausible draft: production experience needs two capabilities instead of one.
  const draft: LevelingPolicy = { ...DEFAULT_POLICY, version: DEFAULT_POLICY.version + 1, production: { minCapabilities: 2 } };
  const timings: InstrumentTimings = { policySimulationMs: 0, simulatedCandidates: 0, simulatedChanges: 0, calibrationReportMs: 0 };
  try {
    for (let run = 0; run < RUNS; run++) {
      let started = performance.now();
      const rows = await loadSimulationRows();
      const summary = simulatePolicy(rows, draft, { currentPolicy: DEFAULT_POLICY });
      timings.policySimulationMs = Math.max(timings.policySimulationMs, performance.now() - started);
      timings.simulatedCandidates = summary.total;
      timings.simulatedChanges = summary.changes.length;

      started = performance.now();
      await getCalibrationReport({ from: null, to: null, areaKey: null });
      timings.calibrationReportMs = Math.max(timings.calibrationReportMs, performance.now() - started);
    }
    return timings;
  } finally {
    await disconnectDb();
  }
}

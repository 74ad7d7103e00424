import { DEFAULT_POLICY, type LevelingPolicy } from "~/domain/leveling";
import { simulatePolicy } from "~/domain/leveling/simulation";
import { getCalibrationReport } from "~/models/calibration.server";
import { commitCandidateImport, createCandidateImport, getCandidateImport } from "~/models/candidate-import.server";
import { guessPreset, presetMapping } from "~/domain/candidates/import";
import { loadSimulationRows } from "~/models/policy-admin.server";
import { disconnectDb, getDb } from "~/utils/db.server";
import { refreshEnv } from "~/utils/env.server";

export type InstrumentTimings = {
  /** Load every stored evidence and level it under a draft policy (the admin's simulation). */
  policySimulationMs: number;
  simulatedCandidates: number;
  simulatedChanges: number;
  /** The unfiltered calibration report (the recruiters' calibration page). */
  calibrationReportMs: number;
  /** A 10,000-row Greenhouse CSV: upload (parse, store), preview, commit (issue 13's target: < 30 s). */
  candidateImportMs: number;
  importedCandidates: number;
};

const IMPORT_ROWS = 10_000;

/** Upload, preview and commit of a Greenhouse-style export, as a recruiter does it, once (it writes). */
async function timeCandidateImport(): Promise<{ ms: number; created: number }> {
  const recruiter = await getDb().user.findFirstOrThrow({ where: { roles: { has: "RECRUITER" } }, select: { id: true } });
  const lines = ["Candidate ID,First Name,Last Name,Email,Current Company,Current Title,Location"];
  for (let i = 0; i < IMPORT_ROWS; i++) lines.push(`${i},Bench${i},Import,bench-import-${i}@import.example,Co,ML Engineer,"Bogotá, Colombia"`);
  const started = performance.now();
  const upload = await createCandidateImport({ fileName: "bench.csv", csv: lines.join("\r\n") }, { id: recruiter.id });
  if (!upload.ok) throw new Error(upload.message);
  const stored = (await getCandidateImport(upload.id, recruiter.id))!;
  const headers = stored.rows[0]!;
  const result = await commitCandidateImport(
    { id: upload.id, mapping: presetMapping(headers, guessPreset(headers)), defaults: { yearsExperience: "5", track: "IC" } },
    { id: recruiter.id },
  );
  if (!result.ok) throw new Error(result.message);
  const ms = performance.now() - started;
  // The routes are measured next, on the dataset as seeded: the imported candidates go again.
  await getDb().candidate.deleteMany({ where: { email: { endsWith: "@import.example" } } });
  return { ms, created: result.created };
}

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
  const timings: InstrumentTimings = {
    policySimulationMs: 0,
    simulatedCandidates: 0,
    simulatedChanges: 0,
    calibrationReportMs: 0,
    candidateImportMs: 0,
    importedCandidates: 0,
  };
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
    // Last: it adds candidates (then removes them), which the runs above must not see.
    const imported = await timeCandidateImport();
    timings.candidateImportMs = imported.ms;
    timings.importedCandidates = imported.created;
    return timings;
  } finally {
    await disconnectDb();
  }
}

// `npm run bench [-- --quick]`: performance benchmarks, not a test.
//
// One run, one machine, one process under load: a throwaway PostgreSQL (embedded in a
// temporary directory, or a new database on DATABASE_URL's server), migrations and
// reference data, the large dataset (scripts/seed-large.ts), then the production server
// started as users start it (`tsx scripts/start.ts`), and autocannon against five routes
// with 50 connections. Pages are judged by their ratio to the cheapest authenticated page
// measured in the same run, so the numbers travel between machines. Targets are printed
// next to the numbers and never fail the run; only a broken run exits non-zero (see
// docs/decisions/005-benchmarks.md). Results: bench/results/latest.json.
//
// --quick: 500 candidates and 2 s per route, a smoke run of the harness.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createMigratedThrowawayDatabase } from "./lib/bench/database";
import { halfFilledDraft } from "./lib/bench/forms";
import { login, pageJavaScriptGzipBytes } from "./lib/bench/http";
import { levelingEvaluationsPerSecond } from "./lib/bench/leveling";
import { runLoad, type LoadResult, type LoadSpec } from "./lib/bench/load";
import { cpuSeconds, hasProc, memoryMb, waitUntilIdle } from "./lib/bench/processes";
import { measureInstruments } from "./lib/bench/instruments";
import { formatReport, toJson, type RouteName } from "./lib/bench/report";
import { createRunLifecycle, ensureBuild } from "./lib/bench/run";
import { startProductionServer, type RunningServer } from "./lib/bench/server";
import { seedLarge, type SeedLargeResult } from "./seed-large";

const root = path.resolve(import.meta.dirname, "..");
const RESULTS_FILE = path.join(root, "bench", "results", "latest.json");
// latest.json keeps exactly the shape issue 6 asks for; the instruments go beside it.
const INSTRUMENTS_FILE = path.join(root, "bench", "results", "instruments.json");
const CONNECTIONS = 50;
/** Interviews kept for the scorecard-page GETs; the rest are draft-save targets. */
const SCORECARD_PAGE_INTERVIEWS = 50;

function parseOptions(): { quick: boolean } {
  try {
    const { values } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
    return { quick: values.quick === true };
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run bench [-- --quick]`);
    process.exit(2);
  }
}
const { quick } = parseOptions();
const config = quick
  ? { candidates: 500, benchInterviews: 2_500, durationSeconds: 2, warmupSeconds: 0.5, levelingSeconds: 1 }
  : { candidates: 10_000, benchInterviews: 5_000, durationSeconds: 10, warmupSeconds: 2, levelingSeconds: 2 };

/** A failure that makes the numbers meaningless: exit 1. */
class BrokenRun extends Error {}

const step = (message: string) => console.log(`» ${message}`);

// Cleanup on success, failure and signals.
const run = createRunLifecycle();

// ---------- the run ----------

async function main(): Promise<void> {
  console.log(`ML Leveling benchmark${quick ? " (--quick smoke run)" : ""}: ${os.cpus().length} CPUs, Node ${process.version}`);

  // First, while nothing else of ours runs: pure CPU, one thread.
  step(`leveling engine: level(evidence, DEFAULT_POLICY) for ${config.levelingSeconds} s after a 1 s warm-up`);
  const levelingEvalsPerSec = await levelingEvaluationsPerSecond(config.levelingSeconds);

  try {
    ensureBuild(step);
  } catch (error) {
    throw new BrokenRun((error as Error).message);
  }

  const database = await createMigratedThrowawayDatabase((created) => {
    run.defer("remove the throwaway database", () => created.dispose());
    step(`database: ${created.description}`);
  });

  step(`seed-large: ${config.candidates.toLocaleString("en-US")} candidates × 5 scorecards`);
  const seeded = await seedLarge(database.url, {
    candidates: config.candidates,
    benchInterviews: config.benchInterviews,
    log: (message) => console.log(`  ${message}`),
  });
  const outcomes = Object.entries(seeded.outcomes)
    .map(([outcome, count]) => `${outcome} ${count}`)
    .join(", ");
  console.log(
    `  seeded in ${seeded.seconds.toFixed(1)} s: ${seeded.counts.candidates} candidates, ${seeded.counts.scorecards} scorecards, ` +
      `${seeded.counts.ratings} ratings; ${outcomes}; production cap applied ${seeded.productionCapped}×`,
  );

  step(`admin and recruiter instruments at ${config.candidates.toLocaleString("en-US")} candidates`);
  const instruments = await measureInstruments(database.url);

  step("server: tsx scripts/start.ts (NODE_ENV=production)");
  let running: RunningServer;
  try {
    running = await startProductionServer(database.url, { onSpawned: run.ownServer });
  } catch (error) {
    throw new BrokenRun(`the server did not start: ${(error as Error).message}`);
  }
  const startRss = running.serverPid !== undefined ? memoryMb(running.serverPid, "VmRSS") : undefined;
  console.log(
    `  ${running.baseUrl}, pid ${running.serverPid ?? "unknown (no /proc)"}` +
      (startRss !== undefined ? `, RSS ${startRss.toFixed(0)} MB after start-up` : ""),
  );

  let recruiterCookie: string;
  let interviewerCookie: string;
  try {
    recruiterCookie = await login(running.baseUrl, seeded.bench.recruiterEmail, seeded.bench.password);
    interviewerCookie = await login(running.baseUrl, seeded.bench.interviewerEmail, seeded.bench.password);
  } catch (error) {
    throw new BrokenRun(`login failed: ${(error as Error).message}`);
  }

  const interviews = seeded.bench.interviews;
  const pageInterviews = interviews.slice(-SCORECARD_PAGE_INTERVIEWS);
  const draftTargets = interviews.slice(0, -SCORECARD_PAGE_INTERVIEWS);

  step("scorecard page JavaScript (gzip -9)");
  let scorecardJsGzipBytes = 0;
  try {
    const js = await pageJavaScriptGzipBytes(running.baseUrl, `/interviews/${pageInterviews[0]!.id}`, interviewerCookie);
    scorecardJsGzipBytes = js.bytes;
    console.log(`  ${js.files.length} files: ${js.files.map((file) => `${path.basename(file.url)} ${file.gzipBytes}`).join(", ")}`);
  } catch (error) {
    console.error(`  could not measure: ${(error as Error).message}`);
  }

  const specs = routeSpecs(running.baseUrl, seeded, { recruiterCookie, interviewerCookie, pageInterviews, draftTargets });
  const results: (LoadResult & { name: RouteName })[] = [];
  let draftSaves2xx = 0;
  const count2xx = (result: LoadResult) =>
    Object.entries(result.statusCounts).reduce((sum, [code, count]) => sum + (code.startsWith("2") ? count : 0), 0);
  for (const spec of specs) {
    step(`${spec.name}: warm-up ${config.warmupSeconds} s, then ${config.durationSeconds} s × ${CONNECTIONS} connections`);
    const warmup = await runLoad(spec.warmup, { connections: CONNECTIONS, durationSeconds: config.warmupSeconds });
    await settle(running);
    const serverCpuBefore = running.serverPid !== undefined ? cpuSeconds(running.serverPid) : undefined;
    const ownCpuBefore = process.cpuUsage();
    const result = await runLoad(spec.measured, { connections: CONNECTIONS, durationSeconds: config.durationSeconds });
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const serverCpuAfter = running.serverPid !== undefined ? cpuSeconds(running.serverPid) : undefined;
    results.push({ ...result, name: spec.name });
    if (spec.name === "draft-save") draftSaves2xx = count2xx(warmup) + count2xx(result);
    const codes = Object.entries(result.statusCounts)
      .map(([code, count]) => `${code} ×${count}`)
      .join(", ");
    // Where the CPU went: a server near 100% is bound by its one JavaScript thread.
    const percent = (cpu: number) => `${Math.round((cpu / result.durationSeconds) * 100)}%`;
    const cpu =
      serverCpuBefore !== undefined && serverCpuAfter !== undefined
        ? `; CPU: server ${percent(serverCpuAfter - serverCpuBefore)}, load generator ${percent((ownCpu.user + ownCpu.system) / 1e6)}`
        : "";
    console.log(`  ${result.responses} responses in ${result.durationSeconds} s (${codes || "none"})${cpu}`);
    if (result.socketErrors.length > 0) console.log(`  socket errors: ${result.socketErrors.join("; ")}`);
    await settle(running);
  }

  const draftsSaved = await countDrafts(database.url);
  const draftSave = results.find((result) => result.name === "draft-save");
  // Each 2xx save created one draft; requests still in flight when a run stopped may have too.
  console.log(
    `  drafts in the database: ${draftsSaved}, for ${draftSaves2xx} 2xx saves (warm-up included) + up to ${2 * CONNECTIONS} in flight at the end of a run`,
  );

  const peakRssMb = running.serverPid !== undefined ? (memoryMb(running.serverPid, "VmHWM") ?? 0) : 0;
  if (running.serverPid === undefined || !hasProc()) console.log("  server process not found in /proc: peak RSS not measured");
  else console.log(`  server RSS now ${memoryMb(running.serverPid, "VmRSS")?.toFixed(0)} MB, peak ${peakRssMb.toFixed(0)} MB`);

  const json = toJson(results, {
    levelingEvalsPerSec,
    peakRssMb,
    scorecardJsGzipBytes,
    dataset: { candidates: seeded.counts.candidates, scorecards: seeded.counts.scorecards },
    machine: { cpus: os.cpus().length, node: process.version },
  });
  await fs.mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await fs.writeFile(RESULTS_FILE, JSON.stringify(json, null, 2) + "\n");

  console.log(`\nseed-large: ${seeded.seconds.toFixed(1)} s\n`);
  console.log(formatReport(json, CONNECTIONS, config.durationSeconds));
  console.log(
    `policy simulation ${instruments.policySimulationMs.toFixed(0)} ms for ${instruments.simulatedCandidates.toLocaleString("en-US")} candidates ` +
      `(${instruments.simulatedChanges} would change; target < 2,000 ms ${instruments.policySimulationMs < 2000 ? "met" : "MISSED"})`,
  );
  console.log(`calibration report ${instruments.calibrationReportMs.toFixed(0)} ms (unfiltered, ${json.dataset.scorecards.toLocaleString("en-US")} scorecards)`);
  console.log(
    `candidate import ${instruments.candidateImportMs.toFixed(0)} ms for ${instruments.importedCandidates.toLocaleString("en-US")} rows ` +
      `(upload, preview, commit; target < 30,000 ms ${instruments.candidateImportMs < 30_000 ? "met" : "MISSED"})`,
  );
  await fs.writeFile(INSTRUMENTS_FILE, JSON.stringify(instruments, null, 2) + "\n");
  console.log(`\nWritten to ${path.relative(process.cwd(), RESULTS_FILE)} and ${path.relative(process.cwd(), INSTRUMENTS_FILE)}`);

  const broken = results.filter((result) => result.responses === 0 || result.errors >= result.responses);
  if (broken.length > 0) {
    throw new BrokenRun(
      broken
        .map((result) => `${result.name}: every request failed (${Object.entries(result.statusCounts).map(([code, count]) => `${code} ×${count}`).join(", ") || "no response"})`)
        .join("; "),
    );
  }
  if (draftSave && draftsSaved < draftSaves2xx) {
    throw new BrokenRun(`draft-save answered 2xx ${draftSaves2xx} times but only ${draftsSaved} drafts exist`);
  }
}

/** Lets the server finish the requests still in flight when a run stopped. */
async function settle(running: RunningServer): Promise<void> {
  if (running.serverPid === undefined) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
  } else if (!(await waitUntilIdle(running.serverPid))) {
    console.log("  (the server did not go idle within 15 s after the run)");
  }
}

interface RouteSpec {
  name: RouteName;
  warmup: LoadSpec;
  measured: LoadSpec;
}

function routeSpecs(
  baseUrl: string,
  seeded: SeedLargeResult,
  context: {
    recruiterCookie: string;
    interviewerCookie: string;
    pageInterviews: { id: string }[];
    draftTargets: { id: string; rubricVersionId: string }[];
  },
): RouteSpec[] {
  const get = (name: RouteName, cookie: string, paths: readonly string[]): RouteSpec => {
    const spec = (): LoadSpec => {
      let index = 0;
      return {
        name,
        baseUrl,
        headers: { Cookie: cookie, Accept: "text/html" },
        next: () => ({ path: paths[index++ % paths.length]! }),
      };
    };
    return { name, warmup: spec(), measured: spec() };
  };

  // Every draft save goes to an interview nobody has started (version 0 creates the
  // scorecard), so no save conflicts with another; warm-up and run share the queue.
  const targets = context.draftTargets;
  let nextTarget = 0;
  const draftSpec = (share: number): LoadSpec => ({
    name: "draft-save",
    baseUrl,
    method: "POST",
    headers: {
      Cookie: context.interviewerCookie,
      Origin: baseUrl,
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "*/*",
    },
    // Never more requests than fresh targets: a reused one would answer 409.
    maxRequests: Math.floor(targets.length * share),
    next: () => {
      const target = targets[Math.min(nextTarget++, targets.length - 1)]!;
      // What a browser's autosave sends: Remix's data request for the action, no page render.
      return { path: `/interviews/${target.id}.data`, body: halfFilledDraft(target.rubricVersionId, seeded.bench.criterionKeys[target.rubricVersionId] ?? []).toString() };
    },
  });

  return [
    get("floor", context.recruiterCookie, ["/account"]),
    get("candidate-list", context.recruiterCookie, ["/candidates"]),
    get("candidate-page", context.recruiterCookie, seeded.bench.candidateIds.map((id) => `/candidates/${id}`)),
    get("scorecard-page", context.interviewerCookie, context.pageInterviews.map((interview) => `/interviews/${interview.id}`)),
    { name: "draft-save", warmup: draftSpec(0.15), measured: draftSpec(0.8) },
  ];
}

async function countDrafts(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined); // the query in flight rejects instead
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "Scorecard" WHERE "submittedAt" IS NULL`);
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

try {
  await main();
} catch (error) {
  if (run.interrupted()) {
    // Interrupted: the failure is the database or server going away under us.
  } else if (error instanceof BrokenRun) {
    console.error(`\nBroken run: ${error.message}`);
  } else {
    console.error(`\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exitCode = 1;
} finally {
  await run.cleanUp();
}

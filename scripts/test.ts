/**
 * `npm test`: typecheck, lint, production build, unit + integration tests (real
 * PostgreSQL), end-to-end journeys in Chromium against the build, then the small soak
 * (load with faults, `npm run soak -- --small`). Stops at the first failing step and ends
 * with one "N passed, N failed" line counting every test run and every soak criterion.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findChromium } from "../tests/support/chromium";

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, "node_modules", ".cache", "test-reports");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  const ok = result.status === 0;
  console.log(`${ok ? "✔" : "✘"} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function vitest(label: string, configArgs: string[], report: string): boolean {
  const outputFile = path.join(reports, report);
  rmSync(outputFile, { force: true });
  const ok = run(label, bin("vitest"), ["run", ...configArgs, "--reporter=default", "--reporter=json", `--outputFile.json=${outputFile}`]);
  if (existsSync(outputFile)) {
    const json = JSON.parse(readFileSync(outputFile, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    total.passed += json.numPassedTests;
    total.failed += json.numFailedTests;
    total.skipped += json.numPendingTests + json.numTodoTests;
  }
  return ok;
}

/** The small soak; each of its criteria counts as one test (a run that broke counts as one failure). */
function soak(label: string): boolean {
  const outputFile = path.join(reports, "soak.json");
  rmSync(outputFile, { force: true });
  const ok = run(label, bin("tsx"), ["scripts/soak.ts", "--small", "--json", outputFile]);
  if (existsSync(outputFile)) {
    const json = JSON.parse(readFileSync(outputFile, "utf8")) as { passed: number; failed: number; skipped: number };
    total.passed += json.passed;
    total.failed += json.failed;
    total.skipped += json.skipped;
  } else if (!ok) {
    total.failed += 1;
  }
  return ok;
}

function finish(ok: boolean): never {
  console.log(`\ntests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  process.exit(ok && total.failed === 0 ? 0 : 1);
}

mkdirSync(reports, { recursive: true });
try {
  console.log(`Chromium for end-to-end tests: ${findChromium()}`);
} catch (error) {
  console.error((error as Error).message);
  finish(false);
}

const steps: (() => boolean)[] = [
  () => run("typecheck", bin("tsc"), ["--noEmit", "-p", "."]),
  () => run("lint", bin("eslint"), ["."]),
  () => run("production build", "npm", ["run", "--silent", "build"]),
  () => vitest("unit and integration tests", [], "unit.json"),
  () => vitest("end-to-end tests (Chromium)", ["--config", "vitest.e2e.config.ts"], "e2e.json"),
  () => soak("load with faults (npm run soak -- --small)"),
];
for (const step of steps) if (!step()) finish(false);
finish(true);

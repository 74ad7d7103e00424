import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../app/domain/leveling";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const workDir = mkdtempSync(path.join(tmpdir(), "level-cli-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const EXAMPLE = {
  track: "IC",
  faangExperience: false,
  areas: {
    problem_formulation: 3.2,
    feature_engineering: 3.0,
    model_development: 3.8,
    ml_system_design: 2.9,
    code_quality: 3.1,
  },
  production: { serving: true, monitoring: false, featureStore: false, modelCicd: false },
  lifecycleOwnership: true,
  sharedInfrastructure: false,
  peopleManagement: false,
};

function writeJson(name: string, value: unknown): string {
  const file = path.join(workDir, name);
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

function runCli(args: string[], stdin?: string) {
  const result = spawnSync("npx", ["tsx", "scripts/level.ts", ...args], {
    cwd: REPO_ROOT,
    input: stdin,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exit 2 with exactly one line on stderr and nothing on stdout. */
function expectRejected(result: ReturnType<typeof runCli>, line: string | RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr.endsWith("\n")).toBe(true);
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(result.stderr.trimEnd()).toMatch(line);
}

describe("scripts/level.ts", { timeout: 30_000 }, () => {
  it("prints the recommendation for a candidate file", () => {
    const result = runCli([writeJson("example.json", EXAMPLE)]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      status: "recommended",
      level: "IC3",
      band: { min: 4000, max: 6000 },
      premiumBand: null,
      flags: [],
      explanation: [
        "Complete: all 5 screen areas have submitted scorecards",
        "Hire bar met: mean 3.20 ≥ 2.75, every area ≥ 2.50 (lowest: ML system design 2.90)",
        "Scores reach IC3 (the hire bar). Not IC4: ML system design 2.90 < 3.00",
        "Production experience: serving evidenced (needs at least 1 of 4)",
        "Lifecycle gate met: full-lifecycle ownership through deployment, monitoring and iteration evidenced (needed from IC4)",
        "No effect at IC3: no interviewer evidenced shared ML infrastructure that other engineers used (needed from IC5)",
        "Band for IC3 (Semi Senior ML Engineer): 4,000–6,000 USD/month",
        "No FAANG-type experience: no premium",
        "No flags",
      ],
      policyVersion: 1,
    });
  });

  it("reads the candidate from stdin with -", () => {
    const input = { ...EXAMPLE, faangExperience: true, areas: { ...EXAMPLE.areas, ml_system_design: 3.1 } };
    const result = runCli(["-"], JSON.stringify(input));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: "recommended",
      level: "IC4",
      band: { min: 7000, max: 10000 },
      premiumBand: { min: 8400, max: 15000 },
    });
  });

  it("reports an incomplete candidate with its missing areas", () => {
    const result = runCli(["-"], JSON.stringify({ ...EXAMPLE, areas: { ...EXAMPLE.areas, code_quality: null } }));
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({ status: "incomplete", level: null, band: null, premiumBand: null });
    expect(output.flags).toEqual([
      { kind: "missing_areas", areaKeys: ["code_quality"], message: "No submitted scorecard for Code quality" },
    ]);
  });

  it("rejects an invalid field with exit 2 and one line naming it", () => {
    const file = writeJson("bad-field.json", { ...EXAMPLE, areas: { ...EXAMPLE.areas, code_quality: 7 } });
    expectRejected(runCli([file]), "invalid input: areas.code_quality: must be a number between 1 and 4");
  });

  it("rejects input that is not JSON", () => {
    expectRejected(runCli(["-"], "{ track: IC"), /^invalid input: not valid JSON \(.+\)$/);
  });

  it("rejects an unreadable file", () => {
    expectRejected(runCli([path.join(workDir, "missing.json")]), /^cannot read input .*missing\.json: ENOENT/);
  });

  it("rejects missing arguments and unknown options", () => {
    expectRejected(runCli([]), "usage: level <evidence.json | -> [--policy <policy.json>]");
    expectRejected(runCli(["-", "--verbose"]), /^unknown option --verbose; usage:/);
    expectRejected(runCli(["-", "--policy"]), /^--policy needs a file; usage:/);
  });

  it("uses the policy given with --policy", () => {
    const tuned = {
      ...DEFAULT_POLICY,
      version: 2,
      scoreLevels: { ...DEFAULT_POLICY.scoreLevels, IC4: { minMean: 3.0, minMlSystemDesign: 2.75 } },
    };
    const result = runCli([writeJson("example.json", EXAMPLE), "--policy", writeJson("tuned.json", tuned)]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ level: "IC4", policyVersion: 2 });
  });

  it("rejects an invalid policy with exit 2 and one line naming the field", () => {
    const invalid = { ...DEFAULT_POLICY, production: { minCapabilities: 0 } };
    const result = runCli([writeJson("example.json", EXAMPLE), "--policy", writeJson("invalid.json", invalid)]);
    expectRejected(result, "invalid policy: production.minCapabilities: must be a whole number from 1 to 4");
  });
});

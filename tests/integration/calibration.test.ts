import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALIBRATION_CSV_HEADER } from "~/domain/calibration/csv";
import { calibrationReport } from "~/domain/calibration/statistics";
import { FIXTURE_DECISIONS, FIXTURE_ROWS, fixtureScorecards, type FixtureRow } from "~/domain/calibration/test-fixtures";
import type { CalibrationFilter, CalibrationReport, CalibrationScorecard, CalibrationStats } from "~/domain/calibration/types";
import { DEFAULT_POLICY, level, type CandidateEvidence } from "~/domain/leveling";
import type { Level } from "~/domain/levels";
import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "~/domain/screen-areas";
import { parseCsv } from "../support/csv";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { fetchPageText } from "../support/page-text";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let db: import("~/utils/db.server").Db;
let getCalibrationReport: typeof import("~/models/calibration.server").getCalibrationReport;
let recruiter: TestUser;
let recruiterCookie: string;
let adminCookie: string;
let interviewerCookie: string;

/** Fixture keys → database ids. */
const candidateIds = new Map<string, string>();
const interviewerIds = new Map<FixtureRow["interviewer"], string>();
const scorecardIds = new Map<string, string>();
/** C's name starts with "=": the CSV must not hand it to a spreadsheet as a formula. */
const NAMES: Record<FixtureRow["interviewer"], string> = { A: "Ana Lenient", B: "Bruno Harsh", C: "=SUM(1+1) Carla" };

const evidence = (
  score: number,
  production: Partial<CandidateEvidence["production"]>,
  lifecycleOwnership: boolean,
  sharedInfrastructure: boolean,
): CandidateEvidence => ({
  track: "IC",
  faangExperience: false,
  areas: Object.fromEntries(SCREEN_AREA_KEYS.map((areaKey) => [areaKey, { score, disagreement: 0 }])),
  production: { serving: false, monitoring: false, featureStore: false, modelCicd: false, ...production },
  lifecycleOwnership,
  sharedInfrastructure,
  peopleManagement: false,
  scorecards: [],
});

/**
 * Stored recommendations (the leveling service's real output on hand-made evidence):
 * c1 scores IC5 without production experience → the production cap lowers it to IC3;
 * c2 scores IC4 without lifecycle ownership → the lifecycle gate lowers it to IC3;
 * c3 scores IC6 without shared infrastructure → the shared-infrastructure gate lowers it to IC5;
 * c4 is at the hire bar (IC3) with nothing evidenced → every rule not met, no effect;
 * c5 is below the hire bar (no hire); c6 has no scorecards (incomplete).
 */
const RECOMMENDATIONS: Record<string, CandidateEvidence | "incomplete"> = {
  c1: evidence(3.6, {}, true, true),
  c2: evidence(3.2, { serving: true }, false, false),
  c3: evidence(3.8, { serving: true, monitoring: true }, true, false),
  c4: evidence(2.8, {}, false, false),
  c5: evidence(2, {}, false, false),
  c6: "incomplete",
};

type DecisionSpec = {
  candidate: string;
  kind: "accept" | "override";
  status: "incomplete" | "no_hire" | "recommended";
  recommended: Level | null;
  decided: Level | null;
  reason: string;
  at: string;
};

/** Consistent with FIXTURE_DECISIONS (c1 IC4, c2 no hire, c4 IC3) for calibration. */
const DECISIONS: DecisionSpec[] = [
  { candidate: "c1", kind: "override", status: "recommended", recommended: "IC3", decided: "IC4", reason: "Ran the feature store others use; references confirm production.", at: "2026-02-01T10:00:00Z" },
  { candidate: "c2", kind: "override", status: "recommended", recommended: "IC3", decided: null, reason: "=cmd|' /C calc'!A0 — no ownership of anything shipped.", at: "2026-02-03T10:00:00Z" },
  { candidate: "c4", kind: "accept", status: "recommended", recommended: "IC3", decided: "IC3", reason: "", at: "2026-02-04T10:00:00Z" },
  { candidate: "c5", kind: "accept", status: "no_hire", recommended: null, decided: null, reason: "", at: "2026-02-05T10:00:00Z" },
  { candidate: "c6", kind: "override", status: "incomplete", recommended: null, decided: "IC3", reason: "Hired on the four screens done; the fifth was cancelled.", at: "2026-02-02T10:00:00Z" },
];

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  ({ getCalibrationReport } = await import("~/models/calibration.server"));
  recruiter = await createTestUser(["RECRUITER"]);
  const admin = await createTestUser(["ADMIN"]);
  const interviewer = await createTestUser(["INTERVIEWER"]);
  [recruiterCookie, adminCookie, interviewerCookie] = await Promise.all([login(app, recruiter), login(app, admin), login(app, interviewer)]);

  for (const key of ["A", "B", "C"] as const) {
    const user = await createTestUser(["INTERVIEWER"]);
    await db.user.update({ where: { id: user.id }, data: { name: NAMES[key] } });
    interviewerIds.set(key, user.id);
  }
  for (const key of ["c1", "c2", "c3", "c4", "c5", "c6"]) {
    const candidate = await db.candidate.create({
      data: { name: `Candidate ${key}`, email: `${key}-${crypto.randomUUID()}@test.example`, country: "Chile", currentTitle: "ML Engineer", yearsExperience: 7 },
    });
    candidateIds.set(key, candidate.id);
  }
  const rubrics = new Map<string, string>();
  for (const areaKey of SCREEN_AREA_KEYS) {
    const rubric = await db.rubricVersion.findFirstOrThrow({ where: { areaKey, status: "PUBLISHED" }, select: { id: true } });
    rubrics.set(areaKey, rubric.id);
  }
  for (const row of FIXTURE_ROWS) {
    const ended = new Date(row.endedAt);
    const interview = await db.interview.create({
      data: {
        candidateId: candidateIds.get(row.candidate)!,
        areaKey: row.areaKey,
        interviewerId: interviewerIds.get(row.interviewer)!,
        scheduledAt: new Date(ended.getTime() - 45 * 60_000),
        durationMinutes: 45,
      },
    });
    const scorecard = await db.scorecard.create({
      data: {
        interviewId: interview.id,
        rubricVersionId: rubrics.get(row.areaKey)!,
        submittedAt: new Date(ended.getTime() + row.hoursToSubmit * 3_600_000),
        overallRecommendation: row.recommendation,
        levelSignal: row.levelSignal,
        lifecycleOwnership: true,
        sharedInfrastructure: false,
        peopleManagement: false,
        weightedScore: row.score,
      },
    });
    scorecardIds.set(row.id, scorecard.id);
  }
  // A draft (not submitted) scorecard by A on c4: never counted.
  const draftInterview = await db.interview.create({
    data: { candidateId: candidateIds.get("c4")!, areaKey: "code_quality", interviewerId: interviewerIds.get("A")!, scheduledAt: new Date("2026-01-25T10:00:00Z") },
  });
  await db.scorecard.create({ data: { interviewId: draftInterview.id, rubricVersionId: rubrics.get("code_quality")!, draft: { recommendation: "strong_yes" } } });

  for (const [key, input] of Object.entries(RECOMMENDATIONS)) {
    const candidateId = candidateIds.get(key)!;
    if (input === "incomplete") {
      const stored = level({ ...evidence(3, {}, false, false), areas: {} }, DEFAULT_POLICY);
      await db.candidateRecommendation.create({
        data: { candidateId, policyVersion: 1, status: stored.status, explanation: JSON.parse(JSON.stringify(stored.explanation)), evidence: {} },
      });
      continue;
    }
    const stored = level(input, DEFAULT_POLICY);
    await db.candidateRecommendation.create({
      data: {
        candidateId,
        policyVersion: stored.policyVersion,
        status: stored.status,
        level: stored.level,
        explanation: JSON.parse(JSON.stringify(stored.explanation)),
        evidence: JSON.parse(JSON.stringify(input)),
      },
    });
  }
  for (const decision of DECISIONS) {
    await db.hiringDecision.create({
      data: {
        candidateId: candidateIds.get(decision.candidate)!,
        kind: decision.kind,
        level: decision.decided,
        recommendedLevel: decision.recommended,
        recommendationStatus: decision.status,
        reason: decision.reason,
        policyVersion: 1,
        decidedById: recruiter.id,
        decidedAt: new Date(decision.at),
      },
    });
  }
});
afterAll(async () => app?.close());

/* ---------------------------------------------------------------- helpers */

function page(path: string, cookie = recruiterCookie) {
  return fetchPageText(app, path, cookie);
}

/** The table row of one interviewer, as text. */
function interviewerRow(html: string, key: FixtureRow["interviewer"]): string {
  const start = html.indexOf(`data-interviewer="${interviewerIds.get(key)}"`);
  expect(start, `row of ${key}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</tr>", start)).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

/** Every submitted scorecard and decision read back from the database, in the pure functions' shape. */
async function loadForPureComputation(): Promise<{ scorecards: CalibrationScorecard[]; decisions: Map<string, Level | null> }> {
  const rows = await db.scorecard.findMany({
    where: { submittedAt: { not: null }, weightedScore: { not: null } },
    select: {
      id: true,
      weightedScore: true,
      overallRecommendation: true,
      levelSignal: true,
      submittedAt: true,
      interview: { select: { candidateId: true, interviewerId: true, areaKey: true, scheduledAt: true, durationMinutes: true } },
    },
  });
  const decisions = await db.hiringDecision.findMany({ select: { candidateId: true, level: true } });
  return {
    scorecards: rows.map((row) => ({
      id: row.id,
      candidateId: row.interview.candidateId,
      interviewerId: row.interview.interviewerId,
      areaKey: row.interview.areaKey as ScreenAreaKey,
      score: row.weightedScore!,
      recommendation: row.overallRecommendation!,
      levelSignal: row.levelSignal,
      submittedAt: row.submittedAt!,
      interviewEndedAt: new Date(row.interview.scheduledAt.getTime() + row.interview.durationMinutes * 60_000),
    })),
    decisions: new Map(decisions.map((decision) => [decision.candidateId, decision.level])),
  };
}

function expectStatsClose(actual: CalibrationStats, expected: CalibrationStats, where: string) {
  const close = (a: number | null, b: number | null, field: string) => {
    if (b === null) expect(a, `${where} ${field}`).toBeNull();
    else expect(a, `${where} ${field}`).toBeCloseTo(b, 9);
  };
  expect(
    {
      scorecards: actual.scorecards,
      comparedScorecards: actual.comparedScorecards,
      strongNo: actual.strongNo,
      strongYes: actual.strongYes,
      levelSignalsOnDecided: actual.levelSignalsOnDecided,
      levelSignalMatches: actual.levelSignalMatches,
    },
    where,
  ).toEqual({
    scorecards: expected.scorecards,
    comparedScorecards: expected.comparedScorecards,
    strongNo: expected.strongNo,
    strongYes: expected.strongYes,
    levelSignalsOnDecided: expected.levelSignalsOnDecided,
    levelSignalMatches: expected.levelSignalMatches,
  });
  close(actual.meanScore, expected.meanScore, "meanScore");
  close(actual.leniency, expected.leniency, "leniency");
  close(actual.meanHoursToSubmit, expected.meanHoursToSubmit, "meanHoursToSubmit");
  for (const key of ["min", "q1", "median", "q3", "max"] as const) {
    close(actual.distribution?.[key] ?? null, expected.distribution?.[key] ?? null, key);
  }
}

function expectReportsAgree(sql: CalibrationReport, pure: CalibrationReport) {
  expectStatsClose(sql.overall, pure.overall, "overall");
  expect(sql.areas.map((area) => area.areaKey)).toEqual(pure.areas.map((area) => area.areaKey));
  sql.areas.forEach((area, index) => expectStatsClose(area.stats, pure.areas[index]!.stats, `area ${area.areaKey}`));
  expect(sql.interviewers.map((row) => row.interviewerId)).toEqual(pure.interviewers.map((row) => row.interviewerId));
  sql.interviewers.forEach((row, index) => {
    const expected = pure.interviewers[index]!;
    expectStatsClose(row.stats, expected.stats, `interviewer ${row.interviewerId}`);
    expect(row.areas.map((area) => area.areaKey)).toEqual(expected.areas.map((area) => area.areaKey));
    row.areas.forEach((area, areaIndex) => expectStatsClose(area.stats, expected.areas[areaIndex]!.stats, `${row.interviewerId} ${area.areaKey}`));
  });
  expect(sql.spread.map(({ areaKey, candidates, atOrAboveThreshold, bins }) => ({ areaKey, candidates, atOrAboveThreshold, bins }))).toEqual(
    pure.spread.map(({ areaKey, candidates, atOrAboveThreshold, bins }) => ({ areaKey, candidates, atOrAboveThreshold, bins })),
  );
  sql.spread.forEach((area, index) => {
    for (const key of ["meanRange", "meanStdDev"] as const) {
      const expected = pure.spread[index]![key];
      if (expected === null) expect(area[key]).toBeNull();
      else expect(area[key], `${area.areaKey} ${key}`).toBeCloseTo(expected, 9);
    }
  });
}

/* ---------------------------------------------------------------- access */

describe("access", () => {
  const paths = ["/calibration", "/calibration?area=code_quality", "/calibration.csv", "/analytics", "/analytics?recommended=IC3"];

  it("interviewers get 403 on every calibration and analytics page", async () => {
    for (const path of paths) {
      expect((await app.request(path, { cookie: interviewerCookie })).status, path).toBe(403);
    }
  });

  it("recruiters, admins and an interviewer who is also a recruiter get 200", async () => {
    const both = await login(app, await createTestUser(["INTERVIEWER", "RECRUITER"]));
    for (const cookie of [recruiterCookie, adminCookie, both]) {
      for (const path of paths) expect((await app.request(path, { cookie })).status, path).toBe(200);
    }
  });

  it("sends anonymous users to the login page", async () => {
    for (const path of ["/calibration", "/calibration.csv", "/analytics"]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  it("shows the nav links to recruiters and admins, not to interviewers", async () => {
    expect((await page("/calibration")).text).toContain('href="/analytics"');
    expect((await page("/calibration", adminCookie)).text).toContain('href="/calibration"');
    const interviews = await page("/interviews", interviewerCookie);
    expect(interviews.status).toBe(200);
    expect(interviews.text).not.toContain('href="/calibration"');
    expect(interviews.text).not.toContain('href="/analytics"');
  });
});

/* ---------------------------------------------------------------- SQL = pure */

describe("the SQL report", () => {
  const filters: [string, CalibrationFilter][] = [
    ["no filter", { from: null, to: null, areaKey: null }],
    ["one area", { from: null, to: null, areaKey: "problem_formulation" }],
    ["a date range", { from: "2026-01-14", to: "2026-01-20", areaKey: null }],
    ["a range and an area", { from: "2026-01-11", to: "2026-01-20", areaKey: "feature_engineering" }],
    ["a single day", { from: "2026-01-10", to: "2026-01-10", areaKey: null }],
    ["an empty range", { from: "2030-01-01", to: "2030-12-31", areaKey: null }],
  ];

  it.each(filters)("matches the pure computation with %s", async (_, filter) => {
    const { scorecards, decisions } = await loadForPureComputation();
    const sql = await getCalibrationReport(filter, { disagreementThreshold: 1.5 });
    expectReportsAgree(sql, calibrationReport(scorecards, decisions, filter, 1.5));
  });

  it("gives the hand-computed numbers of the fixture (statistics.test.ts)", async () => {
    // The pure computation of the fixture itself, ids mapped, equals the SQL on the database.
    const expected = calibrationReport(
      fixtureScorecards({
        candidate: (key) => candidateIds.get(key)!,
        interviewer: (key) => interviewerIds.get(key)!,
        scorecard: (key) => scorecardIds.get(key)!,
      }),
      new Map([...FIXTURE_DECISIONS].map(([key, decided]) => [candidateIds.get(key)!, decided])),
      { from: null, to: null, areaKey: null },
      1.5,
    );
    const sql = await getCalibrationReport({ from: null, to: null, areaKey: null }, { disagreementThreshold: 1.5 });
    expectReportsAgree(sql, expected);
    const byKey = (key: FixtureRow["interviewer"]) => sql.interviewers.find((row) => row.interviewerId === interviewerIds.get(key))!;
    expect(byKey("A").stats.leniency).toBe(1.125);
    expect(byKey("B").stats.leniency).toBe(-1);
    expect(byKey("C").stats).toMatchObject({ leniency: 0, comparedScorecards: 2, levelSignalsOnDecided: 3, levelSignalMatches: 2 });
    expect(byKey("B").stats.meanHoursToSubmit).toBeCloseTo(25, 9);
    expect(byKey("A").stats.distribution).toEqual({ min: 3, q1: 3, median: 3.25, q3: 3.625, max: 4 });
    expect(sql.spread.find((area) => area.areaKey === "feature_engineering")).toMatchObject({ candidates: 1, meanRange: 2, meanStdDev: 1, atOrAboveThreshold: 1, bins: [0, 0, 0, 0, 1, 0] });
    expect(sql.names[interviewerIds.get("C")!]).toBe(NAMES.C);
  });

  it("uses the current policy's disagreement threshold by default", async () => {
    const report = await getCalibrationReport({ from: null, to: null, areaKey: null });
    expect(report.disagreementThreshold).toBe(DEFAULT_POLICY.flags.areaDisagreement);
  });
});

/* ---------------------------------------------------------------- the page */

describe("the calibration page", () => {
  it("shows the charts, the definitions and each interviewer's numbers", async () => {
    const { status, text } = await page("/calibration");
    expect(status).toBe(200);
    expect(text.match(/<svg role="img"/g)?.length).toBeGreaterThanOrEqual(3); // leniency, distribution, spread histograms
    expect(text).toContain("Leniency against peers, all areas");
    expect(text).toContain("How these numbers are computed");
    expect(text).toContain("10 submitted scorecards by 3 interviewers, all areas.");
    expect(interviewerRow(text, "A")).toContain("Ana Lenient 4 3.38 3.00 · 3.00 · 3.25 · 3.63 · 4.00 +1.13 (4) 0% 75% 2.0 h 50% (1 of 2)");
    expect(interviewerRow(text, "B")).toContain("Bruno Harsh 3 2.17");
    expect(interviewerRow(text, "B")).toContain("-1.00 (3) 67% 0% 25.0 h 0% (0 of 1)");
    expect(interviewerRow(text, "C")).toContain("=SUM(1+1) Carla 3 2.50");
    expect(interviewerRow(text, "C")).toContain("0.00 (2) 0% 0% 1.0 h 67% (2 of 3)");
  });

  it("filters by area and by dates through the query string", async () => {
    const area = await page("/calibration?area=feature_engineering");
    expect(area.text).toContain("4 submitted scorecards by 3 interviewers, Feature engineering.");
    expect(interviewerRow(area.text, "B")).toContain("Bruno Harsh 2 2.00");
    expect(interviewerRow(area.text, "B")).toContain("-1.13 (2)");
    expect(area.text).toContain('<option value="feature_engineering" selected="">');
    expect(area.text).toContain('href="/calibration.csv?area=feature_engineering"');
    expect(area.text).not.toContain("By interviewer and area");

    const dates = await page("/calibration?from=2026-01-14&to=2026-01-20");
    expect(dates.text).toContain("6 submitted scorecards by 3 interviewers, all areas.");
    expect(interviewerRow(dates.text, "A")).toContain("+1.25 (3)");

    const none = await page("/calibration?from=2030-01-01");
    expect(none.status).toBe(200);
    expect(none.text).toContain("No submitted scorecards match these filters.");
  });

  it("never answers 500 to malformed parameters", async () => {
    for (const query of [
      "from=yesterday&to=2026-13-45&area=nope",
      "from=2026-02-30",
      "area=%27%3B--&from=%27%3B--",
      "from=2026-01-20&to=2026-01-14",
      "from=2026-01-01&from=garbage",
      `area=${"x".repeat(3000)}`,
      "to=0001-01-01",
    ]) {
      for (const path of ["/calibration", "/calibration.csv"]) {
        expect((await app.request(`${path}?${query}`, { cookie: recruiterCookie })).status, `${path}?${query}`).toBe(200);
      }
    }
    // A NUL byte may be refused by the HTTP layer before the route; never with a 500.
    expect((await app.request("/calibration?area=%00", { cookie: recruiterCookie })).status).toBeLessThan(500);
    const backwards = await page("/calibration?from=2026-01-20&to=2026-01-14");
    expect(backwards.text).toContain("6 submitted scorecards");
  });
});

/* ---------------------------------------------------------------- CSV */

describe("the calibration CSV", () => {
  it("has the page's numbers, numbers as numbers and text defused against formulas", async () => {
    const response = await app.request("/calibration.csv", { cookie: recruiterCookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="calibration-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so spreadsheet apps read UTF-8
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual([...CALIBRATION_CSV_HEADER]);
    expect(rows.every((row) => row.length === CALIBRATION_CSV_HEADER.length)).toBe(true);
    const column = (name: (typeof CALIBRATION_CSV_HEADER)[number]) => CALIBRATION_CSV_HEADER.indexOf(name);

    const interviewer = (name: string) => rows.find((row) => row[0] === "Interviewer" && row[1] === name)!;
    expect(interviewer("Ana Lenient")[column("Leniency vs peers")]).toBe("1.125");
    expect(interviewer("Bruno Harsh")[column("Leniency vs peers")]).toBe("-1.000");
    expect(interviewer("Bruno Harsh")[column("Strong no share")]).toBe("0.667");
    expect(interviewer("Bruno Harsh")[column("Mean hours to submit")]).toBe("25.00");
    // The name starting with "=" is text, not a formula.
    expect(interviewer(`'${NAMES.C}`)[column("Level-signal match rate")]).toBe("0.667");
    expect(rows.filter((row) => row[0] === "Interviewer and area" && row[1] === "Ana Lenient").map((row) => row[2])).toEqual([
      "Problem formulation",
      "Feature engineering",
      "Model development",
    ]);
    const fe = rows.find((row) => row[0] === "Area" && row[2] === "Feature engineering")!;
    expect(fe[column("Candidates with 2+ scorecards in the area")]).toBe("1");
    expect(fe[column("Ranges at or above the disagreement threshold")]).toBe("1");
    expect(fe[column("Ranges 2–2.5")]).toBe("1");
    expect(rows[1]!.slice(0, 4)).toEqual(["All interviewers", "", "", "10"]);

    // No cell a spreadsheet would run: only plain negative numbers may start with "-".
    for (const cell of rows.flat()) {
      expect(/^[=+@\t\r]/.test(cell), cell).toBe(false);
      if (cell.startsWith("-")) expect(cell).toMatch(/^-\d+(\.\d+)?$/);
    }
  });

  it("follows the page's filter", async () => {
    const body = await (await app.request("/calibration.csv?area=problem_formulation&from=2026-01-01", { cookie: recruiterCookie })).text();
    const rows = parseCsv(body.replace(/^\uFEFF/, ""));
    expect(rows.filter((row) => row[0] === "Area").map((row) => row[2])).toEqual(["Problem formulation"]);
    expect(rows.find((row) => row[0] === "Interviewer" && row[1] === "Ana Lenient")![CALIBRATION_CSV_HEADER.indexOf("Leniency vs peers")]).toBe("0.750");
  });
});

/* ---------------------------------------------------------------- decision analytics */

describe("decision analytics", () => {
  it("counts the caps and gates from the stored explanations and evidence", async () => {
    const { countCapsAndGates } = await import("~/models/decision-analytics.server");
    expect(await countCapsAndGates()).toEqual({
      recommendations: 6,
      byStatus: { incomplete: 1, no_hire: 1, recommended: 4 },
      policyVersions: { min: 1, max: 1 },
      productionCap: { capped: 1, notMet: 1 },
      cappedMissing: { serving: 1, monitoring: 1, featureStore: 1, modelCicd: 1 },
      cappedByEvidencedCount: [1, 0, 0, 0],
      lifecycleGate: { capped: 1, notMet: 1 },
      sharedInfrastructureGate: { capped: 1, notMet: 2 },
      cappedDecided: 1,
      cappedOverriddenAbove: 1,
    });
  });

  it("arranges decisions by recommended and decided outcome", async () => {
    const { countDecisions } = await import("~/models/decision-analytics.server");
    const counts = await countDecisions();
    expect(counts.sort((a, b) => `${a.recommended}${a.decided}`.localeCompare(`${b.recommended}${b.decided}`))).toEqual([
      { recommended: "IC3", decided: "IC3", kind: "accept", count: 1 },
      { recommended: "IC3", decided: "IC4", kind: "override", count: 1 },
      { recommended: "IC3", decided: "no_hire", kind: "override", count: 1 },
      { recommended: "incomplete", decided: "IC3", kind: "override", count: 1 },
      { recommended: "no_hire", decided: "no_hire", kind: "accept", count: 1 },
    ]);
  });

  it("shows the matrix, overrides per level, the reasons most recent first and the cap counts", async () => {
    const { status, text } = await page("/analytics");
    expect(status).toBe(200);
    const row = (recommended: string) => {
      const start = text.indexOf(`<tr class="border-t" data-recommended="${recommended}"`);
      return text.slice(start, text.indexOf("</tr>", start)).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
    };
    // Columns: no hire, IC3, IC4, IC5, IC6, M1, M2, total.
    expect(row("IC3")).toBe("IC3 1 1 1 0 0 0 0 3");
    expect(row("no_hire")).toBe("No hire 1 0 0 0 0 0 0 1");
    expect(row("incomplete")).toBe("Incomplete 0 1 0 0 0 0 0 1");
    expect(text).toContain('href="/analytics?recommended=IC3&decided=IC4#overrides"');

    const reasons = [...text.matchAll(/<li [^>]*data-override="[^"]+"[\s\S]*?<\/li>/g)].map((match) => match[0]);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toContain("=cmd|' /C calc'!A0 — no ownership of anything shipped.");
    expect(reasons[1]).toContain("Hired on the four screens done");
    expect(reasons[2]).toContain("Ran the feature store others use");
    expect(reasons[0]).toContain(`href="/candidates/${candidateIds.get("c2")}"`);
    expect(text).toContain("Showing 1–3 of 3 overrides, most recent first");

    expect(text).toContain("Production cap lowered the level to IC3");
    expect(text).toMatch(/data-capability="serving"[^]*?Serving[^]*?>1</);
    expect(text).toContain(
      "Capabilities evidenced among them: 1 candidate with 0 of 4. Of the 1 candidate capped, 1 has a decision and 1 was overridden to a level above IC3.",
    );
  });

  it("filters the overrides by recommended and decided outcome, and admins see names without candidate links", async () => {
    const ic3 = await page("/analytics?recommended=IC3");
    expect(ic3.text).toContain("Showing 1–2 of 2 overrides");
    const toNoHire = await page("/analytics?recommended=IC3&decided=no_hire");
    expect(toNoHire.text).toContain("Showing 1–1 of 1 override,");
    expect(toNoHire.text).toContain("no ownership of anything shipped");
    const none = await page("/analytics?decided=M2");
    expect(none.text).toContain("No overrides match these filters.");
    const admin = await page("/analytics", adminCookie);
    expect(admin.text).toContain("Candidate c2");
    expect(admin.text).not.toContain(`href="/candidates/${candidateIds.get("c2")}"`);
  });

  it("never answers 500 to malformed parameters", async () => {
    for (const query of ["page=abc", "page=-1", "page=99999999", "recommended=IC9&decided=%27%3B--", "page=500", `decided=${"x".repeat(3000)}`]) {
      const response = await app.request(`/analytics?${query}`, { cookie: recruiterCookie });
      expect(response.status, query).toBe(200);
    }
    expect((await app.request("/analytics?decided=%00", { cookie: recruiterCookie })).status).toBeLessThan(500);
    expect((await page("/analytics?page=500")).text).toContain("page 500 is past the last page (1)");
  });
});

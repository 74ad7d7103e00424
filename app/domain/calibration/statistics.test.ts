import { describe, expect, it } from "vitest";
import {
  areaSpread,
  calibrationReport,
  distributionOf,
  hoursToSubmit,
  inScope,
  peerDeviation,
  peerMean,
  populationStdDev,
  quantile,
  spreadBin,
} from "./statistics";
import { FIXTURE_DECISIONS, fixtureScorecards } from "./test-fixtures";
import { NO_CALIBRATION_FILTER, type CalibrationScorecard } from "./types";

const all = fixtureScorecards();
const byId = (id: string) => all.find((scorecard) => scorecard.id === id)!;
const report = calibrationReport(all, FIXTURE_DECISIONS, NO_CALIBRATION_FILTER, 1.5);
const interviewer = (id: string) => report.interviewers.find((row) => row.interviewerId === id)!;

describe("peer mean and deviation", () => {
  it("compares a scorecard with the other interviewers' scores on the same candidate, in any area", () => {
    // c1: A 3.0 against B 2.0 and C 2.5 → peers 2.25, deviation +0.75.
    expect(peerMean(byId("s01"), all)).toBe(2.25);
    expect(peerDeviation(byId("s01"), all)).toBe(0.75);
    // c2: B 2.5 against A 3.5 and C 3.0 → 3.25, −0.75.
    expect(peerDeviation(byId("s05"), all)).toBe(-0.75);
  });

  it("leaves the interviewer's own scorecards in other areas out of the peers", () => {
    // c3: A wrote FE 4.0 and MD 3.0; their only peer is B's 2.0.
    expect(peerMean(byId("s07"), all)).toBe(2);
    expect(peerMean(byId("s08"), all)).toBe(2);
    // B's FE 2.0 on c3 is compared with both of A's: (4 + 3) / 2 = 3.5.
    expect(peerDeviation(byId("s09"), all)).toBe(-1.5);
  });

  it("is null for a scorecard nobody else scored the candidate for", () => {
    expect(peerMean(byId("s10"), all)).toBeNull();
    expect(peerDeviation(byId("s10"), all)).toBeNull();
  });
});

describe("leniency", () => {
  it("is the mean deviation over the interviewer's scorecards that have peers", () => {
    // A: +0.75 (c1), +0.75 (c2), +2.0 (c3 FE), +1.0 (c3 MD) → 4.5 / 4.
    expect(interviewer("A").stats).toMatchObject({ leniency: 1.125, comparedScorecards: 4, scorecards: 4 });
    // B: −0.75, −0.75, −1.5 → −3 / 3.
    expect(interviewer("B").stats).toMatchObject({ leniency: -1, comparedScorecards: 3 });
    // C: 0 (c1: peers 3.0 and 2.0), 0 (c2: 3.5 and 2.5); c4 has no peers and is not counted.
    expect(interviewer("C").stats).toMatchObject({ leniency: 0, comparedScorecards: 2, scorecards: 3 });
  });

  it("per area, uses the same peers: A in problem formulation is +0.75", () => {
    const areas = interviewer("A").areas;
    expect(areas.map((area) => area.areaKey)).toEqual(["problem_formulation", "feature_engineering", "model_development"]);
    expect(areas[0]!.stats).toMatchObject({ scorecards: 2, meanScore: 3.25, leniency: 0.75 });
    expect(areas[1]!.stats).toMatchObject({ scorecards: 1, meanScore: 4, leniency: 2 });
  });

  it("for an area says how that screen scores against the candidates' other screens", () => {
    // Problem formulation: +0.75 (s01), +0.75 (s04), −0.75 (s05), none for s10 → 0.75 / 3.
    const pf = report.areas.find((area) => area.areaKey === "problem_formulation")!;
    expect(pf.stats.scorecards).toBe(4);
    expect(pf.stats.comparedScorecards).toBe(3);
    expect(pf.stats.leniency).toBeCloseTo(0.25, 12);
  });

  it("is null when no scorecard in the group has a peer", () => {
    const only = [byId("s10")];
    expect(calibrationReport(only, new Map(), NO_CALIBRATION_FILTER, 1.5).overall).toMatchObject({ leniency: null, comparedScorecards: 0 });
  });
});

describe("shares, time to submit and level-signal match", () => {
  it("counts strong no and strong yes per interviewer", () => {
    expect(interviewer("A").stats).toMatchObject({ strongYes: 3, strongNo: 0 });
    expect(interviewer("B").stats).toMatchObject({ strongYes: 0, strongNo: 2 });
    expect(report.overall).toMatchObject({ scorecards: 10, strongYes: 3, strongNo: 2 });
  });

  it("measures hours from the interview's end, negative when submitted before it", () => {
    expect(hoursToSubmit(byId("s03"))).toBe(-0.5);
    expect(interviewer("A").stats.meanHoursToSubmit).toBe(2); // (2 + 4 + 1 + 1) / 4
    expect(interviewer("B").stats.meanHoursToSubmit).toBe(25); // (24 + 48 + 3) / 3
    expect(interviewer("C").stats.meanHoursToSubmit).toBe(1); // (−0.5 + 1.5 + 2) / 3
  });

  it("counts only decided candidates and given signals; a no-hire decision matches no signal", () => {
    // A: c1 IC4 = IC4 ✓, c2 IC5 vs no hire ✗, c3 undecided (two scorecards not counted).
    expect(interviewer("A").stats).toMatchObject({ levelSignalsOnDecided: 2, levelSignalMatches: 1 });
    // B: c1 IC3 vs IC4 ✗, c2 no signal (not counted), c3 undecided.
    expect(interviewer("B").stats).toMatchObject({ levelSignalsOnDecided: 1, levelSignalMatches: 0 });
    // C: c1 IC4 ✓, c2 IC3 vs no hire ✗, c4 IC3 ✓.
    expect(interviewer("C").stats).toMatchObject({ levelSignalsOnDecided: 3, levelSignalMatches: 2 });
  });
});

describe("distribution", () => {
  it("interpolates quartiles between the closest ranks, as percentile_cont does", () => {
    expect([0.25, 0.5, 0.75].map((p) => quantile([1, 2, 3, 4], p))).toEqual([1.75, 2.5, 3.25]);
    expect(quantile([2.5], 0.75)).toBe(2.5);
    // A: sorted 3, 3, 3.5, 4 → Q1 at 0.75 → 3; median at 1.5 → 3.25; Q3 at 2.25 → 3.625.
    expect(interviewer("A").stats.distribution).toEqual({ min: 3, q1: 3, median: 3.25, q3: 3.625, max: 4 });
    expect(distributionOf([])).toBeNull();
  });
});

describe("inter-rater spread", () => {
  it("takes each candidate with two or more scorecards in the area: range and population standard deviation", () => {
    const [pf, fe, md, sd, cq] = report.spread;
    // Problem formulation: only c2 has two raters (3.5, 2.5) → range 1, SD 0.5.
    expect(pf).toEqual({ areaKey: "problem_formulation", candidates: 1, meanRange: 1, meanStdDev: 0.5, atOrAboveThreshold: 0, bins: [0, 0, 1, 0, 0, 0] });
    // Feature engineering: only c3 (4.0, 2.0) → range 2, SD 1, flagged at 1.5.
    expect(fe).toEqual({ areaKey: "feature_engineering", candidates: 1, meanRange: 2, meanStdDev: 1, atOrAboveThreshold: 1, bins: [0, 0, 0, 0, 1, 0] });
    // Model development: c1 and c3 each have one scorecard there.
    expect(md).toMatchObject({ candidates: 0, meanRange: null, meanStdDev: null, bins: [0, 0, 0, 0, 0, 0] });
    expect([sd!.areaKey, cq!.areaKey]).toEqual(["ml_system_design", "code_quality"]);
  });

  it("averages over candidates", () => {
    const make = (candidateId: string, interviewerId: string, score: number): CalibrationScorecard => ({
      ...byId("s01"),
      id: `${candidateId}-${interviewerId}`,
      candidateId,
      interviewerId,
      score,
    });
    // x: 2, 3, 4 → range 2, SD √(2/3); y: 3, 3 → range 0, SD 0.
    const scorecards = [make("x", "p", 2), make("x", "q", 3), make("x", "r", 4), make("y", "p", 3), make("y", "q", 3)];
    const spread = areaSpread("problem_formulation", scorecards, 1.5);
    expect(spread.candidates).toBe(2);
    expect(spread.meanRange).toBe(1);
    expect(spread.meanStdDev).toBeCloseTo(Math.sqrt(2 / 3) / 2, 12);
    expect(spread.bins).toEqual([1, 0, 0, 0, 1, 0]);
    expect(populationStdDev([2, 4])).toBe(1);
  });

  it("bins by half points with the leveling tolerance at the edges; 3 is in the last bin", () => {
    // 1.5 - 1e-13 is float error on a 1.5 spread; 1.4999999999 is really below 1.5.
    expect([0, 0.49, 0.5, 1.5 - 1e-13, 1.4999999999, 1.5, 2.99, 3].map(spreadBin)).toEqual([0, 0, 1, 3, 2, 3, 5, 5]);
  });
});

describe("filters", () => {
  it("choose the scorecards judged by UTC day, both ends inclusive, but not the peers", () => {
    const filter = { from: "2026-01-14", to: "2026-01-20", areaKey: null };
    expect(all.filter((scorecard) => inScope(scorecard, filter)).map((scorecard) => scorecard.id)).toEqual([
      "s04",
      "s05",
      "s06",
      "s07",
      "s08",
      "s09",
    ]);
    const filtered = calibrationReport(all, FIXTURE_DECISIONS, filter, 1.5);
    // A in range: +0.75 (c2), +2, +1 → 3.75 / 3; the c2 peers are the same as unfiltered.
    expect(filtered.interviewers.find((row) => row.interviewerId === "A")!.stats.leniency).toBe(1.25);
    expect(filtered.overall.scorecards).toBe(6);
  });

  it("by area keep one area everywhere, spread included", () => {
    const filtered = calibrationReport(all, FIXTURE_DECISIONS, { from: null, to: null, areaKey: "feature_engineering" }, 1.5);
    expect(filtered.areas.map((area) => area.areaKey)).toEqual(["feature_engineering"]);
    expect(filtered.spread.map((area) => area.areaKey)).toEqual(["feature_engineering"]);
    // FE scorecards: B 2.0 (c1, −0.75), C 3.0 (c2, 0), A 4.0 (c3, +2), B 2.0 (c3, −1.5).
    expect(filtered.interviewers.map((row) => [row.interviewerId, row.stats.scorecards, row.stats.leniency])).toEqual([
      ["A", 1, 2],
      ["B", 2, -1.125],
      ["C", 1, 0],
    ]);
  });

  it("a day with nothing gives empty numbers, not errors", () => {
    const empty = calibrationReport(all, FIXTURE_DECISIONS, { from: "2030-01-01", to: "2030-01-01", areaKey: null }, 1.5);
    expect(empty.overall).toMatchObject({ scorecards: 0, meanScore: null, distribution: null, leniency: null, meanHoursToSubmit: null });
    expect(empty.interviewers).toEqual([]);
    expect(empty.spread.every((area) => area.candidates === 0)).toBe(true);
  });
});

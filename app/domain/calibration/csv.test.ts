import { describe, expect, it } from "vitest";
import { CALIBRATION_CSV_HEADER, calibrationCsv } from "./csv";
import { calibrationReport } from "./statistics";
import { FIXTURE_DECISIONS, fixtureScorecards } from "./test-fixtures";
import { NO_CALIBRATION_FILTER } from "./types";

const report = calibrationReport(fixtureScorecards(), FIXTURE_DECISIONS, NO_CALIBRATION_FILTER, 1.5);
const lines = calibrationCsv(report, { A: "Ana", B: "-Bruno", C: '=HYPERLINK("http://x", "Carla")' }).replace(/^\uFEFF/, "").split("\r\n");

describe("calibrationCsv", () => {
  it("starts with a BOM and the header, one row per scope, CRLF line ends", () => {
    expect(calibrationCsv(report, {}).startsWith("\uFEFFScope,Interviewer,Area,")).toBe(true);
    expect(lines[0]).toBe(CALIBRATION_CSV_HEADER.join(","));
    expect(lines.at(-1)).toBe("");
    // everyone, 3 areas, 3 interviewers with 3 + 2 + 3 area rows
    expect(lines.length - 2).toBe(1 + 3 + 3 + 8);
  });

  it("writes numbers as numbers, negative ones included, and defuses text that starts a formula", () => {
    const bruno = lines.find((line) => line.startsWith("Interviewer,'-Bruno,"))!;
    // Scorecards 3, mean 2.167, …, leniency -1.000 stays a number.
    expect(bruno).toMatch(/^Interviewer,'-Bruno,,3,2\.167,2\.000,2\.000,2\.000,2\.250,2\.500,-1\.000,3,2,0\.667,0,0\.000,25\.00,1,0,0\.000,/);
    expect(lines.some((line) => line.startsWith(`Interviewer,"'=HYPERLINK(""http://x"", ""Carla"")",`))).toBe(true);
    expect(lines[1]).toMatch(/^All interviewers,,,10,/);
  });

  it("puts the inter-rater spread on the area rows only", () => {
    const fe = lines.find((line) => line.startsWith("Area,,Feature engineering,"))!.split(",");
    expect(fe.slice(-10)).toEqual(["1", "2.000", "1.000", "1", "0", "0", "0", "0", "1", "0"]);
    const ana = lines.find((line) => line.startsWith("Interviewer,Ana,"))!.split(",");
    expect(ana.slice(-10)).toEqual(Array(10).fill(""));
  });
});

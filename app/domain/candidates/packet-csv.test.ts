import { describe, expect, it } from "vitest";
import { WITHHELD_NOTICE } from "../scorecards/visibility";
import { csvCell, fileSlug, packetCsv, toCsv } from "./packet-csv";

describe("csvCell", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("Feature engineering")).toBe("Feature engineering");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(1.5)).toBe("1.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes cells with commas, quotes or line breaks, doubling the quotes", () => {
    expect(csvCell("cost, latency")).toBe('"cost, latency"');
    expect(csvCell('said "it depends"')).toBe('"said ""it depends"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("line one\r\nline two")).toBe('"line one\r\nline two"');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", '=HYPERLINK("http://x","y")'])(
    "defuses %j so a spreadsheet shows it as text",
    (value) => {
      const cell = csvCell(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(unquoted).toBe(`'${value}`);
    },
  );

  it("only looks at the first character", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("3 - 2")).toBe("3 - 2");
  });
});

describe("toCsv", () => {
  it("starts with a BOM and ends every row with CRLF", () => {
    expect(toCsv([["a", "b"], ["c,d", 1]])).toBe('\uFEFFa,b\r\n"c,d",1\r\n');
  });
});

describe("fileSlug", () => {
  it("keeps ASCII letters and digits, folds accents, joins with dashes", () => {
    expect(fileSlug("Sofía Martínez-Ñuñez")).toBe("sofia-martinez-nunez");
    expect(fileSlug("  João  da Silva (2) ")).toBe("joao-da-silva-2");
  });

  it("never returns something unsafe in a header, or nothing", () => {
    expect(fileSlug('"; rm -rf /\r\nX-Evil: 1')).toMatch(/^[a-z0-9-]+$/);
    expect(fileSlug("李小龍")).toBe("candidate");
    expect(fileSlug("x".repeat(200))).toHaveLength(60);
  });
});

describe("packetCsv", () => {
  it("writes the header, the ratings and the summary rows for a candidate without a recommendation or decision", () => {
    const csv = packetCsv({
      candidateName: "Ana",
      scorecards: [
        {
          areaName: "Code quality",
          interviewerName: "Bruno",
          rubricVersion: 2,
          score: 3.5,
          ratings: [{ criterion: "Tests", weight: 2, score: 4, evidence: "Wrote property tests" }],
          production: [{ capability: "serving", status: "evidenced", note: "" }],
        },
      ],
      recommendation: null,
      decision: null,
    });
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Record,Candidate,Area,Interviewer,Rubric version,Criterion,Weight,Score,Evidence or detail");
    expect(lines[1]).toBe("Rating,Ana,Code quality,Bruno,2,Tests,2,4,Wrote property tests");
    expect(lines).toContain("Scorecard score,Ana,Code quality,Bruno,2,,,3.50,Weighted by the rubric's criterion weights");
    expect(lines).toContain("Production evidence,Ana,Code quality,Bruno,,Serving,,,Evidenced");
    expect(lines).toContain("Recommendation,Ana,,,,,,,Not computed yet");
    expect(lines).toContain("Decision,Ana,,,,,,,Undecided");
  });

  it("ends with the withheld notice instead of the recommendation and the decision for a reader who owes a scorecard", () => {
    const csv = packetCsv({
      candidateName: "Ana",
      scorecards: [
        {
          areaName: "Code quality",
          interviewerName: "Bruno",
          rubricVersion: 2,
          score: 3.5,
          ratings: [{ criterion: "Tests", weight: 2, score: 4, evidence: "Wrote property tests" }],
          production: [],
        },
      ],
      recommendation: null,
      withheld: true,
      decision: null,
    });
    const lines = csv.slice(1).split("\r\n").filter(Boolean);
    expect(lines.at(-1)).toBe(`Withheld,Ana,,,,,,,${csvCell(WITHHELD_NOTICE)}`);
    expect(lines.filter((line) => /^(Recommendation|Decision|Decision reason|Area mean|Band),/.test(line))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, outcomeRank } from "../leveling";
import { decisionMatrix, overrideListHref, overridesPerLevel, type DecidedOutcome, type DecisionCount } from "./decision-analytics";
import { parseOverrideFilter } from "./decision-analytics-query";

const counts: DecisionCount[] = [
  { recommended: "IC4", decided: "IC4", kind: "accept", count: 5 },
  { recommended: "IC4", decided: "IC5", kind: "override", count: 2 },
  { recommended: "IC4", decided: "M1", kind: "override", count: 1 },
  { recommended: "IC3", decided: "no_hire", kind: "override", count: 1 },
  { recommended: "incomplete", decided: "IC3", kind: "override", count: 1 },
];
const rank = (outcome: DecidedOutcome) => outcomeRank(outcome === "no_hire" ? null : outcome, DEFAULT_POLICY);

describe("decision matrix", () => {
  it("has every recommended × decided cell, with totals and the overrides in each", () => {
    const matrix = decisionMatrix(counts);
    expect(matrix.rows.map((row) => row.recommended)).toEqual(["incomplete", "no_hire", "IC3", "IC4", "IC5", "IC6", "M1", "M2"]);
    const ic4 = matrix.rows.find((row) => row.recommended === "IC4")!;
    expect(ic4.cells.map((cell) => cell.count)).toEqual([0, 0, 5, 2, 0, 1, 0]);
    expect(ic4.cells.map((cell) => cell.overrides)).toEqual([0, 0, 0, 2, 0, 1, 0]);
    expect(ic4.total).toBe(8);
    expect(matrix.columnTotals).toEqual([1, 1, 5, 2, 0, 1, 0]);
    expect(matrix).toMatchObject({ total: 10, largest: 5 });
  });
});

describe("overrides per level", () => {
  it("counts direction by the policy's ranks: M1 ranks with IC4, from incomplete everything is higher", () => {
    expect(overridesPerLevel(counts, rank)).toEqual([
      { recommended: "incomplete", decisions: 1, overrides: 1, higher: 1, lower: 0, sameRank: 0 },
      { recommended: "IC3", decisions: 1, overrides: 1, higher: 0, lower: 1, sameRank: 0 },
      { recommended: "IC4", decisions: 8, overrides: 3, higher: 2, lower: 0, sameRank: 1 },
    ]);
  });
});

describe("override filter", () => {
  it("parses outcomes and a page, ignoring anything malformed", () => {
    const parse = (query: string) => parseOverrideFilter(new URLSearchParams(query));
    expect(parse("recommended=IC4&decided=no_hire&page=3")).toEqual({ recommended: "IC4", decided: "no_hire", page: 3 });
    expect(parse("recommended=IC9&decided=incomplete&page=-2")).toEqual({ recommended: null, decided: null, page: 1 });
    expect(parse("page=1e9")).toMatchObject({ page: 1 });
    expect(overrideListHref({ recommended: "IC4", decided: null, page: 1 }, { page: 2 })).toBe("/analytics?recommended=IC4&page=2#overrides");
  });
});

import { describe, expect, it } from "vitest";
import { candidateListHref, pageWindow, type CandidateListQuery } from "./list-options";
import { parseCandidateListQuery } from "./list-query";

const parse = (search: string) => parseCandidateListQuery(new URLSearchParams(search));

const DEFAULTS: CandidateListQuery = {
  q: "",
  status: null,
  level: null,
  decision: null,
  country: null,
  sort: "created",
  dir: "desc",
  page: 1,
};

describe("parseCandidateListQuery", () => {
  it("gives the defaults for an empty query", () => {
    expect(parse("")).toEqual(DEFAULTS);
  });

  it("reads every filter, the sort and the page", () => {
    expect(parse("q=+Ana+&status=no_hire&level=IC5&decision=decided&country=Peru&sort=name&dir=desc&page=3")).toEqual({
      q: "Ana",
      status: "no_hire",
      level: "IC5",
      decision: "decided",
      country: "Peru",
      sort: "name",
      dir: "desc",
      page: 3,
    });
  });

  it("picks each sort's natural direction when none is given", () => {
    expect(parse("sort=name").dir).toBe("asc");
    expect(parse("sort=level").dir).toBe("desc");
    expect(parse("sort=updated").dir).toBe("desc");
  });

  it("falls back to the default for every bad value instead of failing", () => {
    expect(
      parse("status=hired&level=IC9&decision=maybe&country=Atlantis&sort=evil&dir=sideways&page=abc"),
    ).toEqual(DEFAULTS);
    for (const page of ["0", "-2", "1.5", "1e9", "99999999", ""]) expect(parse(`page=${page}`).page, page).toBe(1);
    expect(parse(`q=${"x".repeat(300)}`).q).toHaveLength(100);
    expect(parse("status=").status).toBeNull();
  });
});

describe("candidateListHref", () => {
  it("writes only what differs from the defaults", () => {
    expect(candidateListHref(DEFAULTS)).toBe("/candidates");
    expect(candidateListHref(DEFAULTS, { page: 2 })).toBe("/candidates?page=2");
    expect(candidateListHref({ ...DEFAULTS, q: "a&b", sort: "name", dir: "asc", country: "Costa Rica" }, { page: 4 })).toBe(
      "/candidates?q=a%26b&country=Costa+Rica&sort=name&page=4",
    );
    expect(candidateListHref({ ...DEFAULTS, sort: "name", dir: "desc" })).toBe("/candidates?sort=name&dir=desc");
  });
});

describe("pageWindow", () => {
  it("shows every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps the first, the last and the neighbours, with gaps between", () => {
    expect(pageWindow(10, 400)).toEqual([1, null, 8, 9, 10, 11, 12, null, 400]);
    expect(pageWindow(1, 400)).toEqual([1, 2, 3, null, 400]);
    expect(pageWindow(400, 400)).toEqual([1, null, 398, 399, 400]);
  });
});

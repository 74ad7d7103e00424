import { describe, expect, it } from "vitest";
import {
  candidateScoresFor,
  NOTHING_WITHHELD,
  scorecardAccess,
  withheldCandidateIds,
  auditDetailsFor,
  WITHHELD_DETAILS,
  type CandidateScores,
  type WithheldEntities,
  type OwnInterview,
} from "./visibility";

const ROLE_SETS = [
  ["INTERVIEWER"],
  ["RECRUITER"],
  ["ADMIN"],
  ["INTERVIEWER", "RECRUITER"],
  ["INTERVIEWER", "ADMIN"],
  ["RECRUITER", "ADMIN"],
  ["INTERVIEWER", "RECRUITER", "ADMIN"],
] as const;

const interview = (state: Partial<OwnInterview> = {}): OwnInterview => ({ candidateId: "c1", cancelled: false, submitted: false, ...state });
const OWES = interview();
const SUBMITTED = interview({ submitted: true });
const CANCELLED = interview({ cancelled: true });

describe("candidateScoresFor", () => {
  it("withholds scores from anyone who owes a scorecard, whatever roles they hold", () => {
    for (const roles of ROLE_SETS) {
      expect(candidateScoresFor(roles, [OWES]), roles.join("+")).toBe("withheld");
      // Two interviews on the candidate, one submitted: still owes the other.
      expect(candidateScoresFor(roles, [SUBMITTED, OWES]), roles.join("+")).toBe("withheld");
      expect(candidateScoresFor(roles, [OWES, SUBMITTED, CANCELLED]), roles.join("+")).toBe("withheld");
    }
  });

  it("opens once every owed scorecard is submitted or its interview cancelled", () => {
    for (const roles of ROLE_SETS) {
      expect(candidateScoresFor(roles, [SUBMITTED, SUBMITTED]), roles.join("+")).toBe("visible");
      expect(candidateScoresFor(roles, [SUBMITTED, CANCELLED]), roles.join("+")).toBe("visible");
    }
  });

  it("a cancelled interview with a draft owes nothing", () => {
    expect(candidateScoresFor(["RECRUITER"], [CANCELLED])).toBe("visible");
  });

  it("recruiters and admins who take no part see scores; interviewers who took no part see none", () => {
    for (const roles of ROLE_SETS) {
      const expected: CandidateScores = roles.some((role) => role !== "INTERVIEWER") ? "visible" : "none";
      expect(candidateScoresFor(roles, []), roles.join("+")).toBe(expected);
      expect(candidateScoresFor(roles, [CANCELLED]), roles.join("+")).toBe(expected);
    }
  });
});

describe("withheldCandidateIds", () => {
  it("lists the candidates with an owed scorecard, once each", () => {
    const ids = withheldCandidateIds([
      interview({ candidateId: "a" }),
      interview({ candidateId: "a", submitted: true }),
      interview({ candidateId: "b", submitted: true }),
      interview({ candidateId: "c", cancelled: true }),
      interview({ candidateId: "d" }),
      interview({ candidateId: "d" }),
    ]);
    expect([...ids].sort()).toEqual(["a", "d"]);
  });

  it("agrees with candidateScoresFor for every candidate", () => {
    const states = [OWES, SUBMITTED, CANCELLED];
    // Every multiset of up to two interviews per candidate.
    const combos = states.flatMap((first) => [[first], ...states.map((second) => [first, second])]);
    const all = combos.flatMap((combo, index) => combo.map((own) => ({ ...own, candidateId: `c${index}` })));
    const ids = withheldCandidateIds(all);
    combos.forEach((combo, index) => {
      expect(ids.has(`c${index}`)).toBe(candidateScoresFor(["RECRUITER"], combo) === "withheld");
    });
  });
});

describe("scorecardAccess", () => {
  const base = { viewerId: "viewer", authorId: "author", submitted: true };

  it("lets the author read their own scorecard, draft or not, even while blind", () => {
    for (const scores of ["visible", "withheld", "none"] as const) {
      expect(scorecardAccess({ ...base, viewerId: "author", submitted: false, scores })).toBe("allowed");
      expect(scorecardAccess({ ...base, viewerId: "author", scores })).toBe("allowed");
    }
  });

  it("hides drafts from everybody else", () => {
    for (const scores of ["visible", "withheld", "none"] as const) {
      expect(scorecardAccess({ ...base, submitted: false, scores })).toBe("not_found");
    }
  });

  it("follows the candidate's visibility for colleagues' submitted scorecards", () => {
    expect(scorecardAccess({ ...base, scores: "visible" })).toBe("allowed");
    expect(scorecardAccess({ ...base, scores: "withheld" })).toBe("blind_until_own_submission");
    expect(scorecardAccess({ ...base, scores: "none" })).toBe("not_found");
  });
});

describe("auditDetailsFor", () => {
  const withheld = { candidateIds: new Set(["cand"]), scorecardIds: new Set(["card"]) };
  const details = { weightedScore: 3.4, recommendation: "strong_yes" };
  const withholdsAuditDetails = (event: { action: string; entityType: string; entityId: string | null }, from: WithheldEntities) =>
    auditDetailsFor({ ...event, details }, from) === WITHHELD_DETAILS;

  it("withholds the score-bearing details of withheld candidates and colleagues' scorecards", () => {
    expect(withholdsAuditDetails({ action: "scorecard.submit", entityType: "Scorecard", entityId: "card" }, withheld)).toBe(true);
    for (const action of ["decision.accept", "decision.override", "decision.reopen"]) {
      expect(withholdsAuditDetails({ action, entityType: "Candidate", entityId: "cand" }, withheld), action).toBe(true);
    }
  });

  it("returns the details themselves otherwise", () => {
    expect(auditDetailsFor({ action: "scorecard.submit", entityType: "Scorecard", entityId: "own-card", details }, withheld)).toBe(details);
  });

  it("keeps details that carry no scores, other entities, and everything when nothing is withheld", () => {
    expect(withholdsAuditDetails({ action: "candidate.update", entityType: "Candidate", entityId: "cand" }, withheld)).toBe(false);
    expect(withholdsAuditDetails({ action: "scorecard.submit", entityType: "Scorecard", entityId: "own-card" }, withheld)).toBe(false);
    expect(withholdsAuditDetails({ action: "decision.accept", entityType: "Candidate", entityId: "other" }, withheld)).toBe(false);
    expect(withholdsAuditDetails({ action: "scorecard.submit", entityType: "Scorecard", entityId: null }, withheld)).toBe(false);
    expect(withholdsAuditDetails({ action: "scorecard.submit", entityType: "Scorecard", entityId: "card" }, NOTHING_WITHHELD)).toBe(false);
  });
});

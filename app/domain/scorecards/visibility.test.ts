import { describe, expect, it } from "vitest";
import { scorecardAccess } from "./visibility";

const base = {
  viewerId: "viewer",
  viewerRoles: ["INTERVIEWER"],
  authorId: "author",
  submitted: true,
  viewerSubmittedForCandidate: false,
  viewerInterviewsCandidate: true,
};

describe("scorecardAccess", () => {
  it("lets the author read their own scorecard, draft or not", () => {
    expect(scorecardAccess({ ...base, viewerId: "author", submitted: false })).toBe("allowed");
  });
  it("hides drafts from everybody else, recruiters and admins included", () => {
    expect(scorecardAccess({ ...base, submitted: false, viewerRoles: ["RECRUITER", "ADMIN"] })).toBe("not_found");
  });
  it("keeps a co-interviewer blind until they submit their own", () => {
    expect(scorecardAccess(base)).toBe("blind_until_own_submission");
    expect(scorecardAccess({ ...base, viewerSubmittedForCandidate: true })).toBe("allowed");
  });
  it("does not reveal scorecards of candidates the interviewer does not interview", () => {
    expect(scorecardAccess({ ...base, viewerInterviewsCandidate: false, viewerSubmittedForCandidate: false })).toBe("not_found");
  });
  it("lets recruiters and admins read submitted scorecards", () => {
    expect(scorecardAccess({ ...base, viewerRoles: ["RECRUITER"], viewerInterviewsCandidate: false })).toBe("allowed");
    expect(scorecardAccess({ ...base, viewerRoles: ["ADMIN"], viewerInterviewsCandidate: false })).toBe("allowed");
  });
});

/**
 * Who may read a scorecard. Independent scoring: an interviewer sees colleagues' feedback
 * on a candidate only after submitting their own for that candidate, so nobody anchors on
 * someone else's numbers. Drafts are private to their author.
 */
export type ScorecardAccess = "allowed" | "blind_until_own_submission" | "not_found";

export function scorecardAccess(input: {
  viewerId: string;
  viewerRoles: readonly string[];
  authorId: string;
  submitted: boolean;
  /** The viewer is an interviewer of this candidate and has submitted their own scorecard. */
  viewerSubmittedForCandidate: boolean;
  /** The viewer is assigned to interview this candidate. */
  viewerInterviewsCandidate: boolean;
}): ScorecardAccess {
  if (input.viewerId === input.authorId) return "allowed";
  if (!input.submitted) return "not_found";
  if (input.viewerRoles.includes("RECRUITER") || input.viewerRoles.includes("ADMIN")) return "allowed";
  if (!input.viewerInterviewsCandidate) return "not_found";
  return input.viewerSubmittedForCandidate ? "allowed" : "blind_until_own_submission";
}

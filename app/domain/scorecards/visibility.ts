/**
 * Independent scoring (DOMAIN.md, People): until a person has submitted every scorecard they
 * owe for a candidate, they see nobody else's scores, means, recommendation, flags or
 * decision for that candidate, whatever other roles they hold, on any page, data request,
 * export or history line, so nobody anchors on someone else's numbers. Their own scorecards
 * stay theirs to read, and drafts are private to their author.
 */

/** One interview the viewer is assigned to (any status), as far as this rule cares. */
export type OwnInterview = { candidateId: string; cancelled: boolean; submitted: boolean };

/** Owed: assigned to them, not cancelled, scorecard not submitted (whether or not the interview happened yet). */
function owes(interview: OwnInterview): boolean {
  return !interview.cancelled && !interview.submitted;
}

/**
 * What the viewer may see of other people's scores on one candidate:
 * - "withheld": they owe a scorecard for it; every role they hold stays blind until they submit;
 * - "visible": recruiters and admins, and interviewers who submitted for it;
 * - "none": an interviewer who took no part (the candidate is not their business).
 * `ownInterviews` are the viewer's interviews of this candidate.
 */
export type CandidateScores = "visible" | "withheld" | "none";

export function candidateScoresFor(viewerRoles: readonly string[], ownInterviews: readonly OwnInterview[]): CandidateScores {
  if (ownInterviews.some(owes)) return "withheld";
  if (viewerRoles.includes("RECRUITER") || viewerRoles.includes("ADMIN")) return "visible";
  return ownInterviews.some((interview) => interview.submitted) ? "visible" : "none";
}

/** The candidates whose scores are withheld from the viewer, from all of their interviews. */
export function withheldCandidateIds(ownInterviews: readonly OwnInterview[]): Set<string> {
  return new Set(ownInterviews.filter(owes).map((interview) => interview.candidateId));
}

export const WITHHELD_NOTICE =
  "You are an interviewer for this candidate: colleagues' scores, area means, the recommendation, its flags and the decision stay hidden until you submit your scorecard(s).";

export const SUBMIT_FIRST_MESSAGE =
  "Submit your own scorecard(s) for this candidate first: scoring stays independent until then.";

/** Who may read one scorecard. */
export type ScorecardAccess = "allowed" | "blind_until_own_submission" | "not_found";

export function scorecardAccess(input: {
  viewerId: string;
  authorId: string;
  submitted: boolean;
  /** candidateScoresFor the viewer and the scorecard's candidate. */
  scores: CandidateScores;
}): ScorecardAccess {
  if (input.viewerId === input.authorId) return "allowed";
  if (!input.submitted) return "not_found";
  switch (input.scores) {
    case "visible":
      return "allowed";
    case "withheld":
      return "blind_until_own_submission";
    case "none":
      return "not_found";
  }
}

/** Audit actions whose details carry scores, a recommendation or a decision. */
const SCORE_BEARING_ACTIONS: ReadonlySet<string> = new Set(["scorecard.submit", "decision.accept", "decision.override", "decision.reopen"]);

/**
 * What the viewer may not read in audit details: decisions on the candidates withheld from
 * them and colleagues' scorecards on those candidates (their own stay readable).
 */
export type WithheldEntities = { candidateIds: ReadonlySet<string>; scorecardIds: ReadonlySet<string> };

export const NOTHING_WITHHELD: WithheldEntities = { candidateIds: new Set(), scorecardIds: new Set() };

function withholdsAuditDetails(event: { action: string; entityType: string; entityId: string | null }, withheld: WithheldEntities): boolean {
  if (!SCORE_BEARING_ACTIONS.has(event.action) || event.entityId === null) return false;
  if (event.entityType === "Candidate") return withheld.candidateIds.has(event.entityId);
  if (event.entityType === "Scorecard") return withheld.scorecardIds.has(event.entityId);
  return false;
}

/** What an audit line shows in place of withheld details. */
export const WITHHELD_DETAILS = { withheld: "until you submit your scorecard(s) for this candidate" } as const;

/** An audit event's details as this viewer may read them (history lines, the audit log and its CSV). */
export function auditDetailsFor<Details>(
  event: { action: string; entityType: string; entityId: string | null; details: Details },
  withheld: WithheldEntities,
): Details | typeof WITHHELD_DETAILS {
  return withholdsAuditDetails(event, withheld) ? WITHHELD_DETAILS : event.details;
}

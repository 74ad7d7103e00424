/** Where an interview's scorecard stands, as the interviewer and recruiter see it. */
export type ScorecardStatus = "not_started" | "draft" | "submitted" | "overdue";

export const SCORECARD_STATUS_LABELS: Record<ScorecardStatus, string> = {
  not_started: "Not started",
  draft: "Draft",
  submitted: "Submitted",
  overdue: "Overdue",
};

/** A scorecard is overdue when it is not submitted 24 hours after the interview ended. */
export const OVERDUE_AFTER_MS = 24 * 3_600_000;

export function scorecardStatus(input: {
  scheduledAt: Date;
  durationMinutes: number;
  scorecard: { submittedAt: Date | null } | null;
  now: Date;
}): ScorecardStatus {
  if (input.scorecard?.submittedAt) return "submitted";
  const endedAt = input.scheduledAt.getTime() + input.durationMinutes * 60_000;
  if (input.now.getTime() >= endedAt + OVERDUE_AFTER_MS) return "overdue";
  return input.scorecard ? "draft" : "not_started";
}

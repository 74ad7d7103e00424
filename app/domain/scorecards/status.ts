/** Where an interview's scorecard stands, as the interviewer and recruiter see it. */
export const SCORECARD_STATUSES = ["not_started", "draft", "due", "overdue", "submitted"] as const;
export type ScorecardStatus = (typeof SCORECARD_STATUSES)[number];

export const SCORECARD_STATUS_LABELS: Record<ScorecardStatus, string> = {
  not_started: "Not started",
  draft: "Draft",
  due: "Due",
  overdue: "Overdue",
  submitted: "Submitted",
};

/** A scorecard is due when it is not submitted 1 hour after the interview ended… */
export const DUE_AFTER_MS = 3_600_000;
/** …and overdue when it is still not submitted 24 hours after the interview ended. */
export const OVERDUE_AFTER_MS = 24 * 3_600_000;

/** When the interview ends: its start plus its planned duration. */
export function interviewEndsAt(interview: { scheduledAt: Date; durationMinutes: number }): Date {
  return new Date(interview.scheduledAt.getTime() + interview.durationMinutes * 60_000);
}

/**
 * Submitted wins; then, counted from the interview's end, due (≥ 1 h) and overdue
 * (≥ 24 h) win over draft and not started: the reminder job uses the same thresholds.
 */
export function scorecardStatus(input: {
  scheduledAt: Date;
  durationMinutes: number;
  scorecard: { submittedAt: Date | null } | null;
  now: Date;
}): ScorecardStatus {
  if (input.scorecard?.submittedAt) return "submitted";
  const sinceEnd = input.now.getTime() - interviewEndsAt(input).getTime();
  if (sinceEnd >= OVERDUE_AFTER_MS) return "overdue";
  if (sinceEnd >= DUE_AFTER_MS) return "due";
  return input.scorecard ? "draft" : "not_started";
}

import type { ReminderKind } from "./plan";

/** What a reminder is about, as the job reads it from the database. */
export type ReminderContext = {
  interviewId: string;
  candidateId: string;
  candidateName: string;
  areaName: string;
  interviewerName: string;
  endedAt: Date;
};

export type ReminderMessage = {
  /** Stored as Notification.kind. */
  kind: `reminder.${ReminderKind}`;
  title: string;
  body: string;
  /** A path inside the app: the scorecard for the interviewer, the candidate for the recruiter. */
  link: string;
};

function utc(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The words of one reminder; the same for every channel. Pure, so it can be tested and previewed. */
export function reminderMessage(
  kind: ReminderKind,
  sequence: number,
  context: ReminderContext,
  limits: { maxOverdueReminders: number },
): ReminderMessage {
  const about = `${context.candidateName} · ${context.areaName}`;
  switch (kind) {
    case "due":
      return {
        kind: "reminder.due",
        title: `Scorecard due: ${about}`,
        body: `Your ${context.areaName} interview with ${context.candidateName} ended at ${utc(context.endedAt)}. Please submit the scorecard while the evidence is fresh.`,
        link: `/interviews/${context.interviewId}`,
      };
    case "overdue":
      return {
        kind: "reminder.overdue",
        title: `Scorecard overdue: ${about}`,
        body:
          `Your ${context.areaName} interview with ${context.candidateName} ended at ${utc(context.endedAt)}, ` +
          `more than ${24 * (sequence + 1)} hours ago, and the scorecard is not submitted ` +
          `(reminder ${sequence + 1} of ${limits.maxOverdueReminders}). The candidate's leveling waits for it` +
          (sequence === 0 ? "; 48 hours after the interview, the candidate's recruiter is told." : "."),
        link: `/interviews/${context.interviewId}`,
      };
    case "escalation":
      return {
        kind: "reminder.escalation",
        title: `Escalation: scorecard 48 h overdue: ${about}`,
        body:
          `${context.interviewerName} has not submitted the ${context.areaName} scorecard for ${context.candidateName}; ` +
          `the interview ended at ${utc(context.endedAt)}, more than 48 hours ago. Follow up with them, or reassign or cancel the interview.`,
        link: `/candidates/${context.candidateId}`,
      };
  }
}

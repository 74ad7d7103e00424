import { DUE_AFTER_MS, interviewEndsAt, OVERDUE_AFTER_MS } from "../scorecards/status";

/*
 * Which scorecard reminders are due at `now`: a pure function of the interviews, what was
 * already delivered and the clock. The job inserts each planned message into
 * ReminderDelivery (unique on the whole key) and sends only when its insert won, so a
 * rerun, a restart or two concurrent runs plan the same keys and send nothing twice.
 */

export const REMINDER_KINDS = ["due", "overdue", "escalation"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_CHANNELS = ["in_app", "email"] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

const HOUR = 3_600_000;

export type ReminderPolicy = {
  /** "Due" reminder to the interviewer this long after the interview ended. */
  dueAfterMs: number;
  /** First "overdue" reminder to the interviewer this long after the end. */
  overdueAfterMs: number;
  /** Overdue reminders repeat once per this period… */
  repeatEveryMs: number;
  /** …at most this many times in all (the first one included). */
  maxOverdueReminders: number;
  /** Escalation to the candidate's recruiter this long after the end, once. */
  escalateAfterMs: number;
  /** Interviews that ended longer ago than this are left alone (a job that was down for weeks does not wake everyone up). */
  stopAfterMs: number;
};

/** The thresholds of scorecardStatus ("due" at 1 h, "overdue" at 24 h), daily repeats up to 3, escalation at 48 h. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  dueAfterMs: DUE_AFTER_MS,
  overdueAfterMs: OVERDUE_AFTER_MS,
  repeatEveryMs: 24 * HOUR,
  maxOverdueReminders: 3,
  escalateAfterMs: 48 * HOUR,
  stopAfterMs: 7 * 24 * HOUR,
};

/** A person who may receive reminders; inactive people (deactivated, or without the role the link needs) get none. */
export type ReminderRecipient = { id: string; active: boolean };

export type ReminderInterview = {
  id: string;
  scheduledAt: Date;
  durationMinutes: number;
  cancelled: boolean;
  submitted: boolean;
  interviewer: ReminderRecipient;
  /** The candidate's recruiter (Candidate.recruiterId), if any. */
  recruiter: ReminderRecipient | null;
};

/** One message on one channel: the job's idempotency key (ReminderDelivery's unique index). */
export type PlannedReminder = {
  interviewId: string;
  kind: ReminderKind;
  /** 0 for the first message of its kind, then one per daily repeat. */
  sequence: number;
  recipientId: string;
  channel: ReminderChannel;
};

export function reminderKey(reminder: PlannedReminder): string {
  return [reminder.interviewId, reminder.kind, reminder.sequence, reminder.recipientId, reminder.channel].join("|");
}

/**
 * The messages to send at `now`, in a stable order (interview, kind, channel), leaving out
 * every key in `delivered`.
 *
 * - due: once, from `dueAfterMs` after the end until the scorecard turns overdue (an
 *   overdue reminder replaces it when the job catches up late);
 * - overdue: the reminder of the current daily window, `sequence` = whole repeat periods
 *   since `overdueAfterMs`, capped at `maxOverdueReminders - 1`; a window the job missed is
 *   not sent late, so there are never two overdue reminders at once;
 * - escalation: once, to the candidate's active recruiter, from `escalateAfterMs`, even when
 *   the interviewer is inactive (that is when the recruiter most needs to know);
 * - nothing for cancelled interviews, submitted scorecards, inactive recipients, or
 *   interviews that ended `stopAfterMs` or longer ago.
 */
export function planReminders(input: {
  interviews: readonly ReminderInterview[];
  delivered: readonly PlannedReminder[];
  now: Date;
  policy?: ReminderPolicy;
  channels?: readonly ReminderChannel[];
}): PlannedReminder[] {
  const policy = input.policy ?? DEFAULT_REMINDER_POLICY;
  const channels = input.channels ?? REMINDER_CHANNELS;
  const delivered = new Set(input.delivered.map(reminderKey));
  const planned: PlannedReminder[] = [];
  const add = (interviewId: string, kind: ReminderKind, sequence: number, recipient: ReminderRecipient | null) => {
    if (!recipient?.active) return;
    for (const channel of channels) {
      const reminder = { interviewId, kind, sequence, recipientId: recipient.id, channel };
      if (!delivered.has(reminderKey(reminder))) planned.push(reminder);
    }
  };

  for (const interview of input.interviews) {
    if (interview.cancelled || interview.submitted) continue;
    const sinceEnd = input.now.getTime() - interviewEndsAt(interview).getTime();
    if (sinceEnd < policy.dueAfterMs || sinceEnd >= policy.stopAfterMs) continue;

    if (sinceEnd < policy.overdueAfterMs) {
      add(interview.id, "due", 0, interview.interviewer);
    } else if (policy.maxOverdueReminders > 0) {
      const window = Math.floor((sinceEnd - policy.overdueAfterMs) / policy.repeatEveryMs);
      add(interview.id, "overdue", Math.min(window, policy.maxOverdueReminders - 1), interview.interviewer);
    }
    if (sinceEnd >= policy.escalateAfterMs) add(interview.id, "escalation", 0, interview.recruiter);
  }
  return planned;
}

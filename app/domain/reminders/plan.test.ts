import { describe, expect, it } from "vitest";
import { reminderMessage } from "./messages";
import { DEFAULT_REMINDER_POLICY, planReminders, type PlannedReminder, type ReminderInterview } from "./plan";

const HOUR = 3_600_000;
const scheduledAt = new Date("2026-03-02T15:00:00Z");
/** The interview (60 min) ends at 16:00; `afterEnd(h)` is h hours later. */
const afterEnd = (hours: number) => new Date(scheduledAt.getTime() + HOUR + hours * HOUR);

const ana = { id: "interviewer-ana", active: true };
const rita = { id: "recruiter-rita", active: true };

function interview(overrides: Partial<ReminderInterview> = {}): ReminderInterview {
  return {
    id: "interview-1",
    scheduledAt,
    durationMinutes: 60,
    cancelled: false,
    submitted: false,
    interviewer: ana,
    recruiter: rita,
    ...overrides,
  };
}

/** The plan as compact strings, in-app channel only unless asked: kind#sequence→recipient. */
function plan(interviews: ReminderInterview[], hoursAfterEnd: number, delivered: PlannedReminder[] = [], channels = ["in_app"] as const) {
  return planReminders({ interviews, delivered, now: afterEnd(hoursAfterEnd), channels });
}
const short = (reminders: PlannedReminder[]) => reminders.map((r) => `${r.kind}#${r.sequence}→${r.recipientId}`);

/** Runs the planner hour by hour, recording what it plans as delivered, like the job does. */
function simulate(interviews: ReminderInterview[], untilHours: number, stepHours = 1) {
  const delivered: PlannedReminder[] = [];
  const log: string[] = [];
  for (let hours = 0; hours <= untilHours; hours += stepHours) {
    const planned = plan(interviews, hours, delivered);
    delivered.push(...planned);
    for (const reminder of planned) log.push(`${hours}h ${reminder.kind}#${reminder.sequence}→${reminder.recipientId}`);
  }
  return log;
}

describe("planReminders", () => {
  it("plans nothing in the first hour after the interview ends, nor before it", () => {
    expect(plan([interview()], -2)).toEqual([]);
    expect(plan([interview()], 0)).toEqual([]);
    expect(planReminders({ interviews: [interview()], delivered: [], now: new Date(afterEnd(1).getTime() - 1) })).toEqual([]);
  });

  it("sends the due reminder to the interviewer at exactly 1 hour, on every channel, once", () => {
    const planned = planReminders({ interviews: [interview()], delivered: [], now: afterEnd(1) });
    expect(planned).toEqual([
      { interviewId: "interview-1", kind: "due", sequence: 0, recipientId: ana.id, channel: "in_app" },
      { interviewId: "interview-1", kind: "due", sequence: 0, recipientId: ana.id, channel: "email" },
    ]);
    expect(planReminders({ interviews: [interview()], delivered: planned, now: afterEnd(5) })).toEqual([]);
  });

  it("retries only the channel that was not delivered", () => {
    const [inApp] = planReminders({ interviews: [interview()], delivered: [], now: afterEnd(1) });
    expect(planReminders({ interviews: [interview()], delivered: [inApp!], now: afterEnd(2) })).toEqual([
      { interviewId: "interview-1", kind: "due", sequence: 0, recipientId: ana.id, channel: "email" },
    ]);
  });

  it("sends the first overdue reminder at exactly 24 hours", () => {
    const due = plan([interview()], 1);
    expect(planReminders({ interviews: [interview()], delivered: due, now: new Date(afterEnd(24).getTime() - 1), channels: ["in_app"] })).toEqual([]);
    expect(short(plan([interview()], 24, due))).toEqual([`overdue#0→${ana.id}`]);
  });

  it("repeats the overdue reminder once a day, three times in all, and escalates to the recruiter once at 48 hours", () => {
    expect(simulate([interview()], 24 * 10)).toEqual([
      `1h due#0→${ana.id}`,
      `24h overdue#0→${ana.id}`,
      `48h overdue#1→${ana.id}`,
      `48h escalation#0→${rita.id}`,
      `72h overdue#2→${ana.id}`,
    ]);
  });

  it("escalates to the recruiter only: never to the interviewer, and not at all without an active recruiter", () => {
    const at48 = plan([interview()], 48, plan([interview()], 24));
    expect(at48.filter((r) => r.kind === "escalation").map((r) => r.recipientId)).toEqual([rita.id]);
    expect(short(plan([interview({ recruiter: null })], 48))).toEqual([`overdue#1→${ana.id}`]);
    expect(short(plan([interview({ recruiter: { ...rita, active: false } })], 48))).toEqual([`overdue#1→${ana.id}`]);
    expect(short(plan([interview()], 47.99))).not.toContain(`escalation#0→${rita.id}`);
  });

  it("sends a late-starting job only the current reminder, not every window it missed", () => {
    expect(short(plan([interview()], 50))).toEqual([`overdue#1→${ana.id}`, `escalation#0→${rita.id}`]);
    expect(short(plan([interview()], 24 * 6))).toEqual([`overdue#2→${ana.id}`, `escalation#0→${rita.id}`]);
  });

  it("plans nothing for submitted or cancelled interviews", () => {
    for (const hours of [1, 24, 48, 72]) {
      expect(plan([interview({ submitted: true })], hours)).toEqual([]);
      expect(plan([interview({ cancelled: true })], hours)).toEqual([]);
    }
  });

  it("plans nothing for inactive interviewers, but still escalates to the recruiter", () => {
    const inactive = interview({ interviewer: { ...ana, active: false } });
    expect(simulate([inactive], 24 * 5)).toEqual([`48h escalation#0→${rita.id}`]);
  });

  it("leaves interviews alone once they ended 7 days ago or more", () => {
    expect(plan([interview()], 24 * 7)).toEqual([]);
    expect(plan([interview()], 24 * 7 - 0.01)).not.toEqual([]);
  });

  it("counts from the interview's end, so a longer interview is reminded later", () => {
    const long = interview({ durationMinutes: 120 });
    expect(plan([long], 1)).toEqual([]);
    expect(short(plan([long], 2))).toEqual([`due#0→${ana.id}`]);
  });

  it("plans each interview independently, in input order", () => {
    const other = interview({ id: "interview-2", scheduledAt: new Date(scheduledAt.getTime() - 24 * HOUR), recruiter: null });
    expect(plan([interview(), other], 1).map((r) => [r.interviewId, r.kind])).toEqual([
      ["interview-1", "due"],
      ["interview-2", "overdue"],
    ]);
  });

  it("is deterministic: the same input gives the same plan", () => {
    const input = { interviews: [interview(), interview({ id: "interview-2" })], delivered: [], now: afterEnd(49) };
    expect(planReminders(input)).toEqual(planReminders(structuredClone(input)));
  });

  it("follows a custom policy", () => {
    const policy = { ...DEFAULT_REMINDER_POLICY, maxOverdueReminders: 1 };
    const delivered = planReminders({ interviews: [interview()], delivered: [], now: afterEnd(24), policy, channels: ["in_app"] });
    expect(planReminders({ interviews: [interview()], delivered, now: afterEnd(48), policy, channels: ["in_app"] }).map((r) => r.kind)).toEqual([
      "escalation",
    ]);
  });
});

describe("reminderMessage", () => {
  const context = {
    interviewId: "i-1",
    candidateId: "c-1",
    candidateName: "Ana Test",
    areaName: "Feature engineering",
    interviewerName: "Bruno",
    endedAt: afterEnd(0),
  };

  it("links the interviewer to the scorecard and the recruiter to the candidate", () => {
    expect(reminderMessage("due", 0, context, { maxOverdueReminders: 3 })).toMatchObject({
      kind: "reminder.due",
      link: "/interviews/i-1",
      title: "Scorecard due: Ana Test · Feature engineering",
    });
    const firstOverdue = reminderMessage("overdue", 0, context, { maxOverdueReminders: 3 }).body;
    expect(firstOverdue).toContain("more than 24 hours ago");
    expect(firstOverdue).toContain("recruiter is told");
    const secondOverdue = reminderMessage("overdue", 1, context, { maxOverdueReminders: 3 }).body;
    expect(secondOverdue).toContain("more than 48 hours ago");
    expect(secondOverdue).toContain("reminder 2 of 3");
    expect(secondOverdue).not.toContain("recruiter");
    const escalation = reminderMessage("escalation", 0, context, { maxOverdueReminders: 3 });
    expect(escalation).toMatchObject({ kind: "reminder.escalation", link: "/candidates/c-1" });
    expect(escalation.body).toContain("Bruno has not submitted");
    expect(escalation.body).toContain("2026-03-02 16:00 UTC");
  });
});

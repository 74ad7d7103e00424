import { randomUUID } from "node:crypto";
import pg from "pg";
import { reminderMessage, type ReminderContext } from "~/domain/reminders/messages";
import {
  DEFAULT_REMINDER_POLICY,
  planReminders,
  type PlannedReminder,
  type ReminderInterview,
  type ReminderPolicy,
} from "~/domain/reminders/plan";
import { interviewEndsAt } from "~/domain/scorecards/status";
import type { Role } from "~/generated/prisma/enums";
import { getDb, type Db } from "~/utils/db.server";
import { log } from "~/utils/logger.server";
import type { MailSender } from "./mail";

/*
 * The reminder job: load the unsubmitted interviews that may need a reminder and what was
 * already delivered, plan purely (app/domain/reminders/plan.ts), then deliver each planned
 * message in its own transaction that first inserts its ReminderDelivery row with
 * ON CONFLICT DO NOTHING and delivers only if that insert won. The unique key makes the
 * job idempotent: a rerun with the same clock, a restart, or two runs at once (the second
 * insert waits for the first transaction and then does nothing) never deliver twice.
 *
 * In-app notifications are written in the same transaction as their delivery row: exactly
 * once. Emails are sent inside it too: a failed send rolls the row back and the next run
 * retries; only a crash between a successful send and the commit could repeat an email.
 */

export type ReminderRunResult = {
  /** Messages the planner asked for (one per channel). */
  planned: number;
  /** Delivered by this run. */
  sent: number;
  /** Already delivered by another run meanwhile (its insert lost). */
  skipped: number;
  /** Delivery threw; rolled back, retried by the next run. */
  failed: number;
};

export type ReminderJobOptions = {
  sender: MailSender;
  now?: Date;
  db?: Db;
  policy?: ReminderPolicy;
  /** Prefix for links in emails (https://leveling.example.com); without it they are paths. */
  appOrigin?: string;
};

/** Interviews longer than this are not expected; it only bounds the query. */
const LONGEST_INTERVIEW_MS = 24 * 3_600_000;

type Person = { id: string; name: string; email: string; active: boolean; roles: Role[] };

const personSelect = { id: true, name: true, email: true, active: true, roles: true } as const;

/** Reminders are for people who can act on them: active, and holding the role the link needs. */
const recipient = (person: Person | null, role: Role) => person && { id: person.id, active: person.active && person.roles.includes(role) };

export async function runReminderJob(options: ReminderJobOptions): Promise<ReminderRunResult> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const policy = options.policy ?? DEFAULT_REMINDER_POLICY;

  const rows = await db.interview.findMany({
    where: {
      status: "SCHEDULED",
      scheduledAt: {
        lte: new Date(now.getTime() - policy.dueAfterMs),
        gt: new Date(now.getTime() - policy.stopAfterMs - LONGEST_INTERVIEW_MS),
      },
      OR: [{ scorecard: null }, { scorecard: { submittedAt: null } }],
    },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      candidateId: true,
      scheduledAt: true,
      durationMinutes: true,
      status: true,
      scorecard: { select: { submittedAt: true } },
      area: { select: { name: true } },
      interviewer: { select: personSelect },
      candidate: { select: { name: true, recruiter: { select: personSelect } } },
    },
  });
  if (rows.length === 0) return { planned: 0, sent: 0, skipped: 0, failed: 0 };

  const delivered = await db.reminderDelivery.findMany({
    where: { interviewId: { in: rows.map((row) => row.id) } },
    select: { interviewId: true, kind: true, sequence: true, recipientId: true, channel: true },
  });
  const interviews: ReminderInterview[] = rows.map((row) => ({
    id: row.id,
    scheduledAt: row.scheduledAt,
    durationMinutes: row.durationMinutes,
    cancelled: row.status !== "SCHEDULED",
    submitted: row.scorecard?.submittedAt != null,
    interviewer: recipient(row.interviewer, "INTERVIEWER")!,
    recruiter: recipient(row.candidate.recruiter, "RECRUITER"),
  }));
  const planned = planReminders({ interviews, delivered: delivered as PlannedReminder[], now, policy });

  const byId = new Map(rows.map((row) => [row.id, row]));
  const result: ReminderRunResult = { planned: planned.length, sent: 0, skipped: 0, failed: 0 };
  for (const reminder of planned) {
    const row = byId.get(reminder.interviewId)!;
    const person = reminder.recipientId === row.interviewer.id ? row.interviewer : row.candidate.recruiter!;
    const context: ReminderContext = {
      interviewId: row.id,
      candidateId: row.candidateId,
      candidateName: row.candidate.name,
      areaName: row.area.name,
      interviewerName: row.interviewer.name,
      endedAt: interviewEndsAt(row),
    };
    try {
      const outcome = await deliver(db, reminder, person, context, options, policy);
      result[outcome] += 1;
    } catch (error) {
      result.failed += 1;
      // Ids only: no names or addresses in logs.
      log("warn", "reminder delivery failed; will retry on the next run", {
        interviewId: reminder.interviewId,
        kind: reminder.kind,
        sequence: reminder.sequence,
        channel: reminder.channel,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}

async function deliver(
  db: Db,
  reminder: PlannedReminder,
  person: Person,
  context: ReminderContext,
  options: ReminderJobOptions,
  policy: ReminderPolicy,
): Promise<"sent" | "skipped"> {
  const message = reminderMessage(reminder.kind, reminder.sequence, context, policy);
  return db.$transaction(
    async (tx) => {
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "ReminderDelivery" ("id", "interviewId", "kind", "sequence", "recipientId", "channel")
        VALUES (${randomUUID()}::uuid, ${reminder.interviewId}::uuid, ${reminder.kind}::"ReminderKind", ${reminder.sequence},
                ${reminder.recipientId}::uuid, ${reminder.channel})
        ON CONFLICT DO NOTHING
        RETURNING "id"`;
      if (inserted.length === 0) return "skipped" as const;
      if (reminder.channel === "in_app") {
        await tx.notification.create({
          data: {
            userId: person.id,
            kind: message.kind,
            title: message.title,
            body: message.body,
            link: message.link,
            interviewId: reminder.interviewId,
          },
        });
      } else {
        const link = options.appOrigin ? new URL(message.link, options.appOrigin).href : message.link;
        await options.sender.send({
          to: { email: person.email, name: person.name },
          subject: message.title,
          text: `${message.body}\n\n${link}\n\nML Leveling: you get this because the scorecard is assigned to you or you recruit this candidate.`,
        });
      }
      return "sent" as const;
    },
    // An email is sent inside the transaction; give a slow sender time.
    { maxWait: 10_000, timeout: 60_000 },
  );
}

const LOCK_NAME = "ml-leveling:reminder-job";

/**
 * Runs the job only if no other process (another app server, `npm run jobs` from cron) is
 * running it: a session-level advisory lock on a connection of its own, released when the
 * run ends or, if the process dies, when the connection drops. Null when the lock is taken.
 * Correctness does not depend on it (the delivery key does); it saves duplicate work.
 */
export async function runReminderJobExclusively(
  databaseUrl: string,
  options: ReminderJobOptions,
): Promise<ReminderRunResult | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // The lock's connection sits idle while the job runs: if the database restarts meanwhile,
  // pg reports it as an 'error' event, which would crash the server without a listener.
  client.on("error", (error) => log("warn", "reminder job lost its lock connection", { error: error.message }));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [LOCK_NAME]);
    if (!rows[0]?.locked) return null;
    return await runReminderJob(options);
  } finally {
    // Closing the session releases its advisory locks.
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs `task` every `intervalMs` (first after `firstRunAfterMs`), never two at once in this
 * process; timers do not keep the process alive. `stop()` waits for a run in progress.
 */
export function startSchedule(options: {
  intervalMs: number;
  firstRunAfterMs: number;
  task: () => Promise<void>;
}): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = options.task().finally(() => (running = null));
  };
  const first = setTimeout(tick, options.firstRunAfterMs);
  const every = setInterval(tick, options.intervalMs);
  first.unref();
  every.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}

/** The in-server schedule `scripts/lib/serve.ts` starts: every run logged when it did something, errors logged, never thrown. */
export function startReminderSchedule(options: {
  databaseUrl: string;
  intervalMs: number;
  sender: MailSender;
  appOrigin?: string;
  firstRunAfterMs?: number;
}): { stop(): Promise<void> } {
  return startSchedule({
    intervalMs: options.intervalMs,
    firstRunAfterMs: options.firstRunAfterMs ?? 15_000,
    task: async () => {
      try {
        const result = await runReminderJobExclusively(options.databaseUrl, { sender: options.sender, appOrigin: options.appOrigin });
        if (result && (result.sent || result.failed)) log("info", "reminder job ran", result);
      } catch (error) {
        log("error", "reminder job failed", { error: error instanceof Error ? error.message : String(error) });
      }
    },
  });
}

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailSender, type MailMessage, type MailSender } from "~/jobs/mail";
import { startFakeSmtpServer } from "../support/fake-smtp";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let db: import("~/utils/db.server").Db;
let jobs: typeof import("~/jobs/reminders.server");
let ivan: TestUser;
let ines: TestUser;
let rosa: TestUser;
let olga: TestUser;
let cookies: Record<"ivan" | "rosa" | "olga", string>;

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  jobs = await import("~/jobs/reminders.server");
  [ivan, ines, rosa, olga] = await Promise.all([
    createTestUser(["INTERVIEWER"]),
    createTestUser(["INTERVIEWER"]),
    createTestUser(["RECRUITER"]),
    createTestUser(["RECRUITER", "INTERVIEWER"]),
  ]);
  cookies = { ivan: await login(app, ivan), rosa: await login(app, rosa), olga: await login(app, olga) };
});
afterAll(async () => app?.close());

const HOUR = 3_600_000;
let nextBase = 0;

/**
 * An interview that ended at a time of its own (a month apart per call, so one test's
 * interviews are outside another's 7-day reminder window), for a candidate owned by Rosa.
 */
async function endedInterview(options: { interviewerId?: string; recruiterId?: string | null } = {}) {
  const endedAt = new Date(Date.UTC(2026, 0, 1) + nextBase++ * 30 * 24 * HOUR);
  const candidate = await db.candidate.create({
    data: {
      name: `Reminded Candidate ${nextBase}`,
      email: `reminded-${crypto.randomUUID()}@test.example`,
      country: "Chile",
      currentTitle: "ML Engineer",
      yearsExperience: 7,
      recruiterId: options.recruiterId === undefined ? rosa.id : options.recruiterId,
    },
  });
  const interview = await db.interview.create({
    data: {
      candidateId: candidate.id,
      areaKey: "ml_system_design",
      interviewerId: options.interviewerId ?? ivan.id,
      scheduledAt: new Date(endedAt.getTime() - 60 * 60_000),
      durationMinutes: 60,
    },
  });
  const at = (hoursAfterEnd: number) => new Date(endedAt.getTime() + hoursAfterEnd * HOUR);
  return { candidate, interview, at };
}

function memorySender(): MailSender & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { description: "memory", sent, send: async (message) => void sent.push(message) };
}

const notificationsOf = (userId: string, interviewId: string) =>
  db.notification.findMany({ where: { userId, interviewId }, orderBy: { createdAt: "asc" } });

describe("the reminder job", () => {
  it("sends each reminder once across two runs, a restart and concurrent runs", async () => {
    const { interview, at } = await endedInterview();
    const run = (now: Date, sender: MailSender) => jobs.runReminderJob({ now, sender });

    // Nothing in the first hour after the end.
    const sender = memorySender();
    expect(await run(at(0.5), sender)).toEqual({ planned: 0, sent: 0, skipped: 0, failed: 0 });

    // Due at 1 hour: in-app and email, once; a second run with the same clock sends nothing.
    expect(await run(at(1), sender)).toMatchObject({ sent: 2, failed: 0 });
    expect(await run(at(1), sender)).toMatchObject({ planned: 0, sent: 0 });
    // A restart: a new process with a new sender, later the same day.
    const afterRestart = memorySender();
    expect(await run(at(3), afterRestart)).toMatchObject({ planned: 0, sent: 0 });
    expect(afterRestart.sent).toEqual([]);
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]).toMatchObject({ to: { email: ivan.email }, subject: expect.stringContaining("Scorecard due") });
    expect((await notificationsOf(ivan.id, interview.id)).map((n) => n.kind)).toEqual(["reminder.due"]);

    // Overdue at 24 hours, with three runs at once (three servers, or a server and cron).
    const senders = [memorySender(), memorySender(), memorySender()];
    const results = await Promise.all(senders.map((each) => run(at(24), each)));
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(2);
    expect(results.every((result) => result.failed === 0)).toBe(true);
    expect(senders.flatMap((each) => each.sent)).toHaveLength(1);
    expect((await notificationsOf(ivan.id, interview.id)).map((n) => n.kind)).toEqual(["reminder.due", "reminder.overdue"]);
    // And once more after everything settled.
    expect(await run(at(24), memorySender())).toMatchObject({ planned: 0, sent: 0 });

    const deliveries = await db.reminderDelivery.findMany({ where: { interviewId: interview.id }, orderBy: [{ kind: "asc" }, { channel: "asc" }] });
    expect(deliveries.map((d) => `${d.kind}#${d.sequence}:${d.channel}→${d.recipientId === ivan.id ? "ivan" : d.recipientId}`)).toEqual([
      "due#0:email→ivan",
      "due#0:in_app→ivan",
      "overdue#0:email→ivan",
      "overdue#0:in_app→ivan",
    ]);
  });

  it("retries an email whose sending failed, without repeating the in-app message", async () => {
    const { interview, at } = await endedInterview();
    const broken: MailSender = {
      description: "broken",
      send: async () => {
        throw new Error("outbox unavailable");
      },
    };
    expect(await jobs.runReminderJob({ now: at(2), sender: broken })).toMatchObject({ sent: 1, failed: 1 });
    expect(await db.reminderDelivery.count({ where: { interviewId: interview.id, channel: "email" } })).toBe(0);
    const working = memorySender();
    expect(await jobs.runReminderJob({ now: at(3), sender: working })).toMatchObject({ planned: 1, sent: 1, failed: 0 });
    expect(working.sent).toHaveLength(1);
    expect(await notificationsOf(ivan.id, interview.id)).toHaveLength(1);
  });

  it("escalates to the candidate's recruiter only, once, at 48 hours, and repeats the interviewer's reminder daily up to 3 times", async () => {
    const { candidate, interview, at } = await endedInterview();
    const sender = memorySender();
    for (const hours of [1, 24, 47]) await jobs.runReminderJob({ now: at(hours), sender });
    expect(await notificationsOf(rosa.id, interview.id)).toEqual([]);

    await jobs.runReminderJob({ now: at(48), sender });
    await jobs.runReminderJob({ now: at(60), sender });
    const recruiterInbox = await notificationsOf(rosa.id, interview.id);
    expect(recruiterInbox.map((n) => n.kind)).toEqual(["reminder.escalation"]);
    expect(recruiterInbox[0]!.link).toBe(`/candidates/${candidate.id}`);
    const interviewerInbox = await notificationsOf(ivan.id, interview.id);
    expect(interviewerInbox.map((n) => n.kind)).toEqual(["reminder.due", "reminder.overdue", "reminder.overdue"]);
    expect(interviewerInbox.some((n) => n.kind === "reminder.escalation")).toBe(false);
    expect(sender.sent.filter((m) => m.subject.startsWith("Escalation")).map((m) => m.to.email)).toEqual([rosa.email]);

    for (const hours of [72, 96, 24 * 6]) await jobs.runReminderJob({ now: at(hours), sender });
    expect((await notificationsOf(ivan.id, interview.id)).map((n) => n.kind)).toEqual([
      "reminder.due",
      "reminder.overdue",
      "reminder.overdue",
      "reminder.overdue",
    ]);
    expect(await notificationsOf(rosa.id, interview.id)).toHaveLength(1);

    // Over HTTP: the recruiter's inbox shows the escalation, the interviewer's does not.
    const rosasPage = await (await app.request("/inbox", { cookie: cookies.rosa })).text();
    expect(rosasPage).toContain('data-notification-kind="reminder.escalation"');
    const ivansPage = await (await app.request("/inbox", { cookie: cookies.ivan })).text();
    expect(ivansPage).toContain('data-notification-kind="reminder.overdue"');
    expect(ivansPage).not.toContain('data-notification-kind="reminder.escalation"');
  });

  it("sends nothing for submitted or cancelled interviews, nor to inactive interviewers", async () => {
    const submitted = await endedInterview();
    const rubric = await db.rubricVersion.findFirstOrThrow({ where: { areaKey: "ml_system_design", status: "PUBLISHED" } });
    await db.scorecard.create({ data: { interviewId: submitted.interview.id, rubricVersionId: rubric.id, submittedAt: submitted.at(0.5) } });
    const sender = memorySender();
    for (const hours of [1, 24, 48]) expect(await jobs.runReminderJob({ now: submitted.at(hours), sender })).toMatchObject({ planned: 0 });

    const cancelled = await endedInterview();
    await db.interview.update({ where: { id: cancelled.interview.id }, data: { status: "CANCELLED" } });
    for (const hours of [1, 24, 48]) expect(await jobs.runReminderJob({ now: cancelled.at(hours), sender })).toMatchObject({ planned: 0 });

    const inactive = await endedInterview({ interviewerId: ines.id, recruiterId: null });
    await db.user.update({ where: { id: ines.id }, data: { active: false } });
    try {
      for (const hours of [1, 24, 48]) expect(await jobs.runReminderJob({ now: inactive.at(hours), sender })).toMatchObject({ planned: 0 });
    } finally {
      await db.user.update({ where: { id: ines.id }, data: { active: true } });
    }
    expect(sender.sent).toEqual([]);
  });

  it("runs in one process at a time: the exclusive run steps aside while another holds the lock", async () => {
    const { at } = await endedInterview();
    const holder = new pg.Client({ connectionString: app.databaseUrl });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(hashtext('ml-leveling:reminder-job'))");
      expect(await jobs.runReminderJobExclusively(app.databaseUrl, { now: at(1), sender: memorySender() })).toBeNull();
      await holder.query("SELECT pg_advisory_unlock(hashtext('ml-leveling:reminder-job'))");
      expect(await jobs.runReminderJobExclusively(app.databaseUrl, { now: at(1), sender: memorySender() })).toMatchObject({ sent: 2 });
    } finally {
      await holder.end();
    }
  });

  it("survives losing its lock connection while it runs (a database restart)", async () => {
    const { at } = await endedInterview();
    const admin = new pg.Client({ connectionString: app.databaseUrl });
    await admin.connect();
    try {
      const sent: MailMessage[] = [];
      // The first email is sent while the lock's connection sits idle: end that backend as a
      // restart would (FATAL 57P01). Without an 'error' listener pg would throw it uncaught.
      const sender: MailSender = {
        description: "memory, ends the lock connection",
        send: async (message) => {
          if (sent.length === 0) {
            const { rowCount } = await admin.query(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_try_advisory_lock%' AND pid <> pg_backend_pid()",
            );
            expect(rowCount).toBe(1);
            await new Promise((resolve) => setTimeout(resolve, 200)); // the FATAL message arrives meanwhile
          }
          sent.push(message);
        },
      };
      expect(await jobs.runReminderJobExclusively(app.databaseUrl, { now: at(1), sender })).toMatchObject({ sent: 2, failed: 0 });
    } finally {
      await admin.end();
    }
  });
});

describe("the reminder job over SMTP", () => {
  it("sends each email once across runs, and one the server refused is not recorded and goes out with the next run", async () => {
    const server = await startFakeSmtpServer({ user: "mailer", password: "s3cret" });
    try {
      const sender = createSmtpMailSender({ url: server.url, from: { name: "ML Leveling", email: "reminders@firm.example" }, timeoutMs: 10_000 });
      const { interview, at } = await endedInterview();
      const run = (hoursAfterEnd: number) => jobs.runReminderJob({ now: at(hoursAfterEnd), sender, appOrigin: "https://leveling.firm.example" });
      const emailDeliveries = () => db.reminderDelivery.findMany({ where: { interviewId: interview.id, channel: "email" }, orderBy: { kind: "asc" } });

      expect(await run(1)).toMatchObject({ sent: 2, failed: 0 });
      expect(await run(2)).toMatchObject({ planned: 0, sent: 0 });
      expect(server.received).toHaveLength(1);
      expect(server.received[0]!.envelope).toEqual({ from: "reminders@firm.example", to: [ivan.email] });
      expect(server.received[0]!.message.subject).toMatch(/^Scorecard due: Reminded Candidate/);
      expect(server.received[0]!.message.text).toContain(`https://leveling.firm.example/interviews/${interview.id}`);

      // The relay refuses the overdue email: the in-app message goes out, the email is not recorded.
      server.refuse = "DATA";
      expect(await run(24)).toMatchObject({ planned: 2, sent: 1, failed: 1 });
      expect((await emailDeliveries()).map((delivery) => delivery.kind)).toEqual(["due"]);

      // The relay is back: the next run sends that email, and only it, once.
      server.refuse = null;
      expect(await run(25)).toMatchObject({ planned: 1, sent: 1, failed: 0 });
      expect(await run(26)).toMatchObject({ planned: 0, sent: 0 });
      expect(server.received.map((mail) => mail.message.subject?.split(":")[0])).toEqual(["Scorecard due", "Scorecard overdue"]);
      expect((await emailDeliveries()).map((delivery) => delivery.kind)).toEqual(["due", "overdue"]);
      expect((await notificationsOf(ivan.id, interview.id)).map((n) => n.kind)).toEqual(["reminder.due", "reminder.overdue"]);
    } finally {
      await server.close();
    }
  });
});

describe("the inbox", () => {
  it("shows each user their own notifications only, with the unread count in the nav", async () => {
    const { interview, at } = await endedInterview();
    await jobs.runReminderJob({ now: at(1), sender: memorySender() });
    const [notification] = await notificationsOf(ivan.id, interview.id);
    expect(notification).toBeDefined();

    const ivansPage = await app.request("/inbox", { cookie: cookies.ivan });
    expect(ivansPage.status).toBe(200);
    const html = await ivansPage.text();
    expect(html).toContain(notification!.title.replaceAll("&", "&amp;"));
    const unread = await db.notification.count({ where: { userId: ivan.id, readAt: null } });
    expect(html).toMatch(new RegExp(`data-testid="unread-count"[^>]*>${unread}<`));

    const olgasPage = await (await app.request("/inbox", { cookie: cookies.olga })).text();
    expect(olgasPage).toContain("Your inbox is empty.");
    expect(olgasPage).not.toContain(notification!.id);
    expect(olgasPage).not.toContain('data-testid="unread-count"');
    const olgasData = await (await app.request("/inbox.data", { cookie: cookies.olga })).text();
    expect(olgasData).not.toContain(notification!.id);
    // Unauthenticated visitors go to the login page.
    const anonymous = await app.request("/inbox");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/login");
  });

  it("answers 404 when someone marks or opens another user's notification, and changes nothing", async () => {
    const { interview, at } = await endedInterview();
    await jobs.runReminderJob({ now: at(1), sender: memorySender() });
    const [notification] = await notificationsOf(ivan.id, interview.id);
    for (const intent of ["mark-read", "open"]) {
      const response = await app.request("/inbox", { cookie: cookies.olga, form: { intent, notificationId: notification!.id } });
      expect(response.status, intent).toBe(404);
    }
    expect((await app.request("/inbox", { cookie: cookies.olga, form: { intent: "mark-read", notificationId: "nope" } })).status).toBe(404);
    expect((await app.request("/inbox", { cookie: cookies.olga, form: { intent: "shred" } })).status).toBe(400);
    expect((await app.request("/inbox", { cookie: cookies.olga, form: { intent: "mark-all-read" } })).status).toBe(302);
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification!.id } })).readAt).toBeNull();
  });

  it("marks one read, opens one (marking it read and following its link), and marks all read", async () => {
    const first = await endedInterview();
    const second = await endedInterview();
    await jobs.runReminderJob({ now: first.at(1), sender: memorySender() });
    await jobs.runReminderJob({ now: second.at(1), sender: memorySender() });
    const [a] = await notificationsOf(ivan.id, first.interview.id);
    const [b] = await notificationsOf(ivan.id, second.interview.id);

    const marked = await app.request("/inbox", { cookie: cookies.ivan, form: { intent: "mark-read", notificationId: a!.id } });
    expect(marked.status).toBe(302);
    expect(marked.headers.get("location")).toBe("/inbox");
    expect((await db.notification.findUniqueOrThrow({ where: { id: a!.id } })).readAt).not.toBeNull();
    // Again: still fine, still read.
    expect((await app.request("/inbox", { cookie: cookies.ivan, form: { intent: "mark-read", notificationId: a!.id } })).status).toBe(302);

    const opened = await app.request("/inbox", { cookie: cookies.ivan, form: { intent: "open", notificationId: b!.id } });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(`/interviews/${second.interview.id}`);
    expect((await db.notification.findUniqueOrThrow({ where: { id: b!.id } })).readAt).not.toBeNull();

    const all = await app.request("/inbox", { cookie: cookies.ivan, form: { intent: "mark-all-read" } });
    expect(all.status).toBe(302);
    expect(await db.notification.count({ where: { userId: ivan.id, readAt: null } })).toBe(0);
    const page = await (await app.request("/inbox", { cookie: cookies.ivan })).text();
    expect(page).not.toContain('data-testid="unread-count"');
    expect(page).toContain("Nothing unread.");
  });
});

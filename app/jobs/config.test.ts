import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getJobsConfig } from "./config.server";
import { createMailSender } from "./mail";

const FROM = "ML Leveling <reminders@firm.example>";

/** The message getJobsConfig throws for `env`, or a failure if it accepts it. */
function refusal(env: Record<string, string>): string {
  try {
    getJobsConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe("getJobsConfig", () => {
  it("defaults to a file outbox and a 5-minute schedule", () => {
    expect(getJobsConfig({})).toEqual({
      REMINDER_INTERVAL_MINUTES: 5,
      webhooks: { intervalMs: 2000, timeoutMs: 10_000 },
      mail: { kind: "file", outboxFile: ".data/outbox.log" },
    });
    // `SMTP_URL=` in a .env file is "not set".
    expect(getJobsConfig({ REMINDER_INTERVAL_MINUTES: "0", SMTP_URL: " ", MAIL_FROM: "" })).toEqual({
      REMINDER_INTERVAL_MINUTES: 0,
      webhooks: { intervalMs: 2000, timeoutMs: 10_000 },
      mail: { kind: "file", outboxFile: ".data/outbox.log" },
    });
  });

  it("reads the webhook schedule and timeout, and names bad values", () => {
    expect(getJobsConfig({ WEBHOOK_INTERVAL_MS: "0", WEBHOOK_TIMEOUT_MS: "2500" }).webhooks).toEqual({ intervalMs: 0, timeoutMs: 2500 });
    expect(() => getJobsConfig({ WEBHOOK_TIMEOUT_MS: "0" })).toThrow(/WEBHOOK_TIMEOUT_MS/);
    expect(() => getJobsConfig({ WEBHOOK_INTERVAL_MS: "soon" })).toThrow(/WEBHOOK_INTERVAL_MS/);
  });

  it("names a bad interval", () => {
    expect(() => getJobsConfig({ REMINDER_INTERVAL_MINUTES: "often" })).toThrow(/REMINDER_INTERVAL_MINUTES/);
    expect(() => getJobsConfig({ REMINDER_INTERVAL_MINUTES: "-1" })).toThrow(/REMINDER_INTERVAL_MINUTES/);
  });

  it("sends over SMTP when SMTP_URL is set, with MAIL_FROM and a 10-second timeout by default", () => {
    expect(getJobsConfig({ SMTP_URL: "smtp://mailer:s3cret@mail.firm.example:587", MAIL_FROM: FROM })).toEqual({
      REMINDER_INTERVAL_MINUTES: 5,
      webhooks: { intervalMs: 2000, timeoutMs: 10_000 },
      mail: {
        kind: "smtp",
        url: "smtp://mailer:s3cret@mail.firm.example:587",
        from: { name: "ML Leveling", email: "reminders@firm.example" },
        timeoutMs: 10_000,
      },
    });
    const smtps = getJobsConfig({ SMTP_URL: "smtps://mail.firm.example", MAIL_FROM: " reminders@firm.example ", SMTP_TIMEOUT_MS: "2500" });
    expect(smtps.mail).toMatchObject({ kind: "smtp", from: { name: "", email: "reminders@firm.example" }, timeoutMs: 2500 });
  });

  it.each([
    ["a URL of another scheme", "https://mailer:s3cret@mail.firm.example"],
    ["something that is not a URL", "mailer:s3cret at mail.firm.example"],
    ["a URL without a host", "smtp://mailer:s3cret@:587"],
    ["a user without a password", "smtp://mailer@mail.firm.example"],
    ["options after the host", "smtp://mailer:s3cret@mail.firm.example:587/?tls.rejectUnauthorized=false"],
    ["a malformed percent-encoding", "smtp://mailer:s3cret%zz@mail.firm.example"],
  ])("refuses %s in SMTP_URL, naming the variable and never the password", (_, url) => {
    const message = refusal({ SMTP_URL: url, MAIL_FROM: FROM });
    expect(message).toMatch(/^Invalid environment variable SMTP_URL: /);
    expect(message).not.toContain("s3cret");
  });

  it("requires MAIL_FROM with SMTP_URL, and an address in it", () => {
    expect(refusal({ SMTP_URL: "smtp://mail.firm.example" })).toMatch(/^Invalid environment variable MAIL_FROM: is required with SMTP_URL/);
    expect(refusal({ SMTP_URL: "smtp://mail.firm.example", MAIL_FROM: "" })).toMatch(/MAIL_FROM: is required/);
    for (const from of ["reminders", "ML Leveling", "ML Leveling <reminders>", "A <a@firm.example> B <b@firm.example>", "Bad\rName <a@firm.example>"]) {
      expect(refusal({ SMTP_URL: "smtp://mail.firm.example", MAIL_FROM: from }), from).toMatch(/MAIL_FROM: must be an email address/);
    }
  });

  it("names a bad SMTP_TIMEOUT_MS", () => {
    for (const timeout of ["soon", "0", "60000"]) {
      expect(refusal({ SMTP_URL: "smtp://mail.firm.example", MAIL_FROM: FROM, SMTP_TIMEOUT_MS: timeout }), timeout).toMatch(/SMTP_TIMEOUT_MS/);
    }
  });
});

describe("createMailSender", () => {
  it("picks SMTP when configured, described without the password", () => {
    const sender = createMailSender(
      getJobsConfig({ SMTP_URL: "smtp://mailer:s3cret@mail.firm.example", MAIL_FROM: FROM }).mail,
      "/unused",
    );
    expect(sender.description).toBe("smtp://mail.firm.example:587");
    expect(createMailSender(getJobsConfig({ SMTP_URL: "smtps://[::1]", MAIL_FROM: FROM }).mail, "/unused").description).toBe(
      "smtps://[::1]:465",
    );
  });

  it("otherwise appends one JSON line per email to the outbox, relative to the base folder, creating it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "outbox-"));
    try {
      const sender = createMailSender({ kind: "file", outboxFile: "nested/outbox.log" }, dir);
      const file = path.join(dir, "nested", "outbox.log");
      await Promise.all([
        sender.send({ to: { email: "a@example.com", name: "A" }, subject: "First", text: "Line one\nline two" }),
        sender.send({ to: { email: "b@example.com", name: "B" }, subject: "Second", text: "Body" }),
      ]);
      const lines = (await readFile(file, "utf8")).trimEnd().split("\n").map((line) => JSON.parse(line));
      expect(lines.map((line) => line.subject).sort()).toEqual(["First", "Second"]);
      expect(lines.find((line) => line.subject === "First")).toMatchObject({ to: { email: "a@example.com" }, text: "Line one\nline two" });
      expect(sender.description).toBe(`file:${file}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

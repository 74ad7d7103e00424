import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getJobsConfig } from "./config.server";
import { createMailSender } from "./mail";

describe("getJobsConfig", () => {
  it("defaults to a file outbox and a 5-minute schedule", () => {
    expect(getJobsConfig({})).toEqual({ MAIL_OUTBOX_FILE: ".data/outbox.log", REMINDER_INTERVAL_MINUTES: 5 });
    expect(getJobsConfig({ REMINDER_INTERVAL_MINUTES: "0", SMTP_URL: "" })).toMatchObject({ REMINDER_INTERVAL_MINUTES: 0 });
  });

  it("refuses SMTP_URL with a message saying SMTP is not implemented and what happens instead", () => {
    expect(() => getJobsConfig({ SMTP_URL: "smtp://mail.example.com:587" })).toThrow(
      /SMTP_URL: SMTP_URL is set, but sending email over SMTP is not implemented yet.*\.data\/outbox\.log/,
    );
  });

  it("names a bad interval", () => {
    expect(() => getJobsConfig({ REMINDER_INTERVAL_MINUTES: "often" })).toThrow(/REMINDER_INTERVAL_MINUTES/);
    expect(() => getJobsConfig({ REMINDER_INTERVAL_MINUTES: "-1" })).toThrow(/REMINDER_INTERVAL_MINUTES/);
  });
});

describe("the file mail sender", () => {
  it("appends one JSON line per email, creating the folder", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "outbox-"));
    try {
      const file = path.join(dir, "nested", "outbox.log");
      const sender = createMailSender({ MAIL_OUTBOX_FILE: file });
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

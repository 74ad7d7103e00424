import { z } from "zod";
import { parseSmtpUrl } from "./mail/smtp-url";
import type { MailAddress } from "./mail/types";

/*
 * Settings of the background jobs (reminders, their email), validated like the app's
 * environment: a bad value stops start-up with a message naming it.
 */

/** Where reminder emails go: SMTP when SMTP_URL is set, otherwise the outbox file. */
export type MailConfig =
  | { kind: "file"; outboxFile: string }
  | { kind: "smtp"; url: string; from: MailAddress; timeoutMs: number };

export type WebhookConfig = { intervalMs: number; timeoutMs: number };

export type JobsConfig = { REMINDER_INTERVAL_MINUTES: number; mail: MailConfig; webhooks: WebhookConfig };

/** `VAR=` in a .env file means "not set". */
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const smtpUrl = z.string().superRefine((value, ctx) => {
  try {
    parseSmtpUrl(value);
  } catch (error) {
    // parseSmtpUrl's messages never repeat the value: it may hold a password.
    ctx.addIssue({ code: "custom", message: (error as Error).message });
  }
});

const MAILBOX = /^(?:"?([^"<>]*?)"?\s*<([^<>]*)>|([^<>]*))$/;
const emailAddress = z.email();

/** "reminders@firm.com" or "ML Leveling <reminders@firm.com>". */
const mailbox = z
  .string()
  .trim()
  .transform((value, ctx): MailAddress => {
    const match = MAILBOX.exec(value);
    const email = (match?.[2] ?? match?.[3] ?? "").trim();
    const name = (match?.[1] ?? "").trim();
    // No control characters: the name ends up in a mail header.
    if (!emailAddress.safeParse(email).success || /[\x00-\x1f\x7f]/.test(name)) {
      ctx.addIssue({ code: "custom", message: 'must be an email address, or a name and one: "ML Leveling <reminders@firm.com>"' });
      return z.NEVER;
    }
    return { email, name };
  });

const jobsEnvSchema = z
  .object({
    /** Unset: emails go to MAIL_OUTBOX_FILE and nothing leaves the machine. */
    SMTP_URL: optionalText(smtpUrl),
    /** The sender of every email; required with SMTP_URL (no default: it must be an address the relay accepts). */
    MAIL_FROM: optionalText(mailbox),
    // Capped so that a dead server fails an email well within the reminder job's 60-second transaction.
    SMTP_TIMEOUT_MS: z.coerce.number().int().min(1).max(30_000).default(10_000),
    /** The file sender's outbox: one JSON line per email. */
    MAIL_OUTBOX_FILE: z.string().trim().min(1).default(".data/outbox.log"),
    /** How often a server runs the reminder job; 0 turns the in-server schedule off (use `npm run jobs` from cron). */
    REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(5),
    /** How often a server looks for webhook deliveries that are due; 0 turns it off. */
    WEBHOOK_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(2000),
    /** How long a receiver may take to answer before the attempt counts as failed. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  })
  .transform((env, ctx): JobsConfig => {
    const { REMINDER_INTERVAL_MINUTES } = env;
    const webhooks = { intervalMs: env.WEBHOOK_INTERVAL_MS, timeoutMs: env.WEBHOOK_TIMEOUT_MS };
    if (!env.SMTP_URL) return { REMINDER_INTERVAL_MINUTES, webhooks, mail: { kind: "file", outboxFile: env.MAIL_OUTBOX_FILE } };
    if (!env.MAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: 'is required with SMTP_URL, e.g. "ML Leveling <reminders@firm.com>"' });
      return z.NEVER;
    }
    return {
      REMINDER_INTERVAL_MINUTES,
      webhooks,
      mail: { kind: "smtp", url: env.SMTP_URL, from: env.MAIL_FROM, timeoutMs: env.SMTP_TIMEOUT_MS },
    };
  });

/** Throws an Error whose message names every bad variable. */
export function getJobsConfig(env: Record<string, string | undefined> = process.env): JobsConfig {
  const result = jobsEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  throw new Error(`Invalid environment variable ${problems}`);
}

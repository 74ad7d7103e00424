import { z } from "zod";

/*
 * Settings of the background jobs (reminders, their email), validated like the app's
 * environment: a bad value stops start-up with a message naming it.
 */

export const SMTP_NOT_IMPLEMENTED =
  "SMTP_URL is set, but sending email over SMTP is not implemented yet (docs/decisions/007-reminders.md). " +
  "Unset SMTP_URL: reminder emails are then appended to MAIL_OUTBOX_FILE (default .data/outbox.log).";

const jobsEnvSchema = z.object({
  /** Reserved for an SMTP sender; refused while none exists, so nobody believes mail is going out. */
  SMTP_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || value.trim() === "", { error: SMTP_NOT_IMPLEMENTED }),
  /** The file sender's outbox: one JSON line per email. */
  MAIL_OUTBOX_FILE: z.string().trim().min(1).default(".data/outbox.log"),
  /** How often a server runs the reminder job; 0 turns the in-server schedule off (use `npm run jobs` from cron). */
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(5),
});

export type JobsConfig = z.infer<typeof jobsEnvSchema>;

/** Throws an Error whose message names every bad variable. */
export function getJobsConfig(env: Record<string, string | undefined> = process.env): JobsConfig {
  const result = jobsEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  throw new Error(`Invalid environment variable ${problems}`);
}

import path from "node:path";
import type { MailConfig } from "../config.server";
import { createFileMailSender } from "./file-sender";
import { createSmtpMailSender } from "./smtp-sender";
import type { MailSender } from "./types";

export type { MailMessage, MailSender } from "./types";
export { createFileMailSender, createMemoryMailSender } from "./file-sender";
export { createSmtpMailSender } from "./smtp-sender";

/**
 * The configured sender: SMTP when SMTP_URL is set, else the outbox file. A relative
 * outbox path is taken from `baseDir` (the checkout), wherever the process was started from.
 */
export function createMailSender(config: MailConfig, baseDir: string): MailSender {
  return config.kind === "smtp"
    ? createSmtpMailSender(config)
    : createFileMailSender(path.resolve(baseDir, config.outboxFile));
}

import type { JobsConfig } from "../config.server";
import { createFileMailSender } from "./file-sender";
import type { MailSender } from "./types";

export type { MailMessage, MailSender } from "./types";
export { createFileMailSender, createMemoryMailSender } from "./file-sender";

/**
 * The configured sender. Only the file outbox exists today: the config refuses SMTP_URL
 * (see SMTP_NOT_IMPLEMENTED), and an SMTP sender would plug in here behind the same
 * interface.
 */
export function createMailSender(config: Pick<JobsConfig, "MAIL_OUTBOX_FILE">): MailSender {
  return createFileMailSender(config.MAIL_OUTBOX_FILE);
}

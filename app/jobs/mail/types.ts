/** A mailbox: the address, and a display name ("" for none). */
export type MailAddress = { email: string; name: string };

/** One plain-text email. */
export type MailMessage = {
  to: MailAddress;
  subject: string;
  text: string;
};

/**
 * Where emails go. Implementations must throw when a message was not accepted, so the
 * reminder job rolls its delivery record back and retries on the next run.
 */
export interface MailSender {
  /** For logs, never with credentials: "file:/path/outbox.log", "smtp://mail.example.com:587", "memory", … */
  readonly description: string;
  send(message: MailMessage): Promise<void>;
}

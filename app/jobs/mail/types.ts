/** One plain-text email. */
export type MailMessage = {
  to: { email: string; name: string };
  subject: string;
  text: string;
};

/**
 * Where emails go. Implementations must throw when a message was not accepted, so the
 * reminder job rolls its delivery record back and retries on the next run.
 */
export interface MailSender {
  /** For logs: "file:/path/outbox.log", "memory", … */
  readonly description: string;
  send(message: MailMessage): Promise<void>;
}

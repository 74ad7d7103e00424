import { createTransport } from "nodemailer";
import { parseSmtpUrl } from "./smtp-url";
import type { MailAddress, MailMessage, MailSender } from "./types";

type SmtpSenderOptions = {
  /** smtp://user:password@host:port or smtps://… (see parseSmtpUrl). */
  url: string;
  from: MailAddress;
  /** Bounds the DNS lookup, the connection, the greeting and each wait for the server. */
  timeoutMs: number;
};

const mailbox = (address: MailAddress) => ({ name: address.name, address: address.email });

/**
 * Hands each email to an SMTP server (a relay, or the firm's mail service), one connection
 * per email: the reminder job sends a few at a time, and nothing stays open between runs.
 * `send` rejects unless the server accepted the message (a refused sender, recipient or
 * message, a failed login, a timeout), which is what makes the reminder job roll its
 * delivery record back and try again on the next run.
 */
export function createSmtpMailSender(options: SmtpSenderOptions): MailSender {
  const endpoint = parseSmtpUrl(options.url);
  const transport = createTransport({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.secure,
    auth: endpoint.auth,
    // nodemailer's defaults wait minutes on a dead server; the reminder job sends inside
    // an open database transaction and must give up well before that transaction does.
    dnsTimeout: options.timeoutMs,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    description: endpoint.description,
    async send(message: MailMessage) {
      try {
        await transport.sendMail({ from: mailbox(options.from), to: mailbox(message.to), subject: message.subject, text: message.text });
      } catch (error) {
        throw withoutServerReply(error);
      }
    },
  };
}

/**
 * The failure as codes only. nodemailer's message quotes the server's reply, which often
 * repeats the recipient's address ("550 <ivan@…>: Recipient address rejected"), and the
 * reminder job logs this message: its logs carry ids, never addresses.
 */
function withoutServerReply(error: unknown): Error {
  const { command, code, originalCode, responseCode } = error as Partial<Record<"command" | "code" | "originalCode" | "responseCode", unknown>>;
  const codes = [code, originalCode, responseCode].filter(Boolean).join(" ") || "unknown error";
  return new Error(`SMTP send failed${command ? ` at ${command}` : ""}: ${codes}`, { cause: error });
}

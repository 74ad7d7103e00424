import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { MailMessage, MailSender } from "./types";

/**
 * The default sender: appends each email as one JSON line to a local outbox file (the
 * `.data/` folder is git-ignored). Nothing leaves the machine; an operator can read or
 * forward the file. Each line is appended in one write, so concurrent runs never interleave.
 */
export function createFileMailSender(file: string): MailSender {
  const target = path.resolve(file);
  return {
    description: `file:${target}`,
    async send(message: MailMessage) {
      await mkdir(path.dirname(target), { recursive: true });
      const line = JSON.stringify({ at: new Date().toISOString(), to: message.to, subject: message.subject, text: message.text });
      await appendFile(target, `${line}\n`, "utf8");
    },
  };
}

/** Keeps messages in memory; for tests and previews. */
export function createMemoryMailSender(): MailSender & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    description: "memory",
    sent,
    async send(message: MailMessage) {
      sent.push(message);
    },
  };
}

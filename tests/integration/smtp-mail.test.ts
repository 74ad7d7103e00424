import { afterEach, describe, expect, it } from "vitest";
import { createSmtpMailSender, type MailMessage } from "~/jobs/mail";
import { startFakeSmtpServer, startSilentServer } from "../support/fake-smtp";

// The SMTP sender against a real SMTP server on 127.0.0.1 (tests/support/fake-smtp.ts).

const FROM = { name: "ML Leveling", email: "reminders@firm.example" };
const CREDENTIALS = { user: "mailer", password: "s3cret:/@pass" };

// Non-ASCII in the subject and a line longer than 78 characters: both need MIME encoding.
const MESSAGE: MailMessage = {
  to: { email: "ivan@firm.example", name: "Iván Pérez" },
  subject: "Scorecard due: Ana Souza · ML system design",
  text: `Your interview ended at 2026-01-01 10:00 UTC.\n\n/interviews/42\n\nML Leveling: you get this because ${"the scorecard is assigned to you ".repeat(3)}`,
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function fakeServer(credentials?: typeof CREDENTIALS) {
  const server = await startFakeSmtpServer(credentials);
  cleanups.push(server.close);
  return server;
}

const senderFor = (url: string, timeoutMs = 10_000) => createSmtpMailSender({ url, from: FROM, timeoutMs });

describe("the SMTP mail sender", () => {
  it("logs in with the URL's credentials and delivers the plain-text email with its envelope", async () => {
    const server = await fakeServer(CREDENTIALS);
    const sender = senderFor(server.url);
    await sender.send(MESSAGE);

    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail!.user).toBe(CREDENTIALS.user);
    expect(mail!.envelope).toEqual({ from: FROM.email, to: [MESSAGE.to.email] });
    expect(mail!.message.from).toMatchObject({ name: FROM.name, address: FROM.email });
    expect(mail!.message.to).toEqual([expect.objectContaining({ name: MESSAGE.to.name, address: MESSAGE.to.email })]);
    expect(mail!.message.subject).toBe(MESSAGE.subject);
    expect(mail!.message.text?.trimEnd()).toBe(MESSAGE.text.trimEnd());
    expect(mail!.message.html).toBeUndefined();
    // Logs show where mail goes, never the password.
    expect(sender.description).toBe(server.url.replace(/\/\/.*@/, "//"));
  });

  it("delivers without AUTH when the URL has no credentials", async () => {
    const server = await fakeServer();
    await senderFor(server.url).send(MESSAGE);
    expect(server.received.map((mail) => mail.user)).toEqual([undefined]);
  });

  it("rejects when the login fails", async () => {
    const server = await fakeServer(CREDENTIALS);
    const wrong = server.url.replace(encodeURIComponent(CREDENTIALS.password), "wrong");
    await expect(senderFor(wrong).send(MESSAGE)).rejects.toThrow(/535/);
    expect(server.received).toEqual([]);
  });

  it.each(["RCPT", "DATA"] as const)("rejects when the server answers 550 to %s, without the reply's address", async (command) => {
    const server = await fakeServer();
    server.refuse = command;
    const failure = senderFor(server.url).send(MESSAGE);
    await expect(failure).rejects.toThrow(/550/);
    // The reminder job logs this message; its logs carry no addresses.
    await expect(failure).rejects.not.toThrow(MESSAGE.to.email);
    expect(server.received).toEqual([]);
  });

  it("rejects when the server never answers, once the timeout passes", async () => {
    const silent = await startSilentServer();
    cleanups.push(silent.close);
    await expect(senderFor(silent.url, 300).send(MESSAGE)).rejects.toThrow();
  });
});

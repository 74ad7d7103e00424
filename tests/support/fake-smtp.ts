import net, { type AddressInfo } from "node:net";
import { buffer } from "node:stream/consumers";
import PostalMime, { type Email } from "postal-mime";
import { SMTPServer } from "smtp-server";

/** One message the fake server accepted, with its envelope and the account that sent it. */
export type ReceivedMail = {
  envelope: { from: string; to: string[] };
  /** The user that logged in, undefined without AUTH. */
  user: string | undefined;
  /** Parsed as a mail client would: decoded headers and text. */
  message: Email;
};

export type FakeSmtpServer = {
  /** smtp://[user:password@]127.0.0.1:port */
  url: string;
  received: ReceivedMail[];
  /** Answer 550 to this command for every message until set back to null. */
  refuse: "RCPT" | "DATA" | null;
  close(): Promise<void>;
};

const refusal = (text: string) => Object.assign(new Error(text), { responseCode: 550 });

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 and a free port, in plain
 * text (STARTTLS off: the test relay has no certificate). With `credentials`, AUTH is
 * required and only those are accepted.
 */
export async function startFakeSmtpServer(credentials?: { user: string; password: string }): Promise<FakeSmtpServer> {
  const received: ReceivedMail[] = [];
  const fake: Omit<FakeSmtpServer, "url" | "close"> = { received, refuse: null };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: !credentials,
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const valid = credentials && auth.username === credentials.user && auth.password === credentials.password;
      callback(valid ? null : Object.assign(new Error("Invalid credentials"), { responseCode: 535 }), valid ? { user: auth.username } : undefined);
    },
    onRcptTo(address, _session, callback) {
      // Worded as Postfix does, repeating the address.
      callback(fake.refuse === "RCPT" ? refusal(`<${address.address}>: Recipient address rejected`) : null);
    },
    onData(stream, session, callback) {
      const receive = async () => {
        // Read to the end whatever the answer: smtp-server needs the stream consumed.
        const raw = await buffer(stream);
        if (fake.refuse === "DATA") throw refusal("Message refused");
        const { mailFrom, rcptTo } = session.envelope;
        received.push({
          envelope: { from: mailFrom ? mailFrom.address : "", to: rcptTo.map((rcpt) => rcpt.address) },
          user: session.user,
          message: await PostalMime.parse(raw),
        });
      };
      receive().then(() => callback(), callback);
    },
  });
  const port = await listenOnLoopback(server.server);
  const auth = credentials ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@` : "";
  return Object.assign(fake, {
    url: `smtp://${auth}127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  });
}

/** A server that accepts connections and never says a word, like a mail host that hangs. */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await listenOnLoopback(server);
  return {
    url: `smtp://127.0.0.1:${port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function listenOnLoopback(server: net.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Where and how the SMTP sender connects, read from SMTP_URL. */
export type SmtpEndpoint = {
  /** smtps://: TLS from the first byte. smtp://: plain, upgraded with STARTTLS when the server offers it. */
  secure: boolean;
  host: string;
  port: number;
  auth?: { user: string; pass: string };
  /** The URL without its credentials, for logs. */
  description: string;
};

// 587 is the mail submission port (RFC 6409) and 465 submission over TLS (RFC 8314):
// an app hands its mail to a relay, it does not deliver to recipients' servers on 25.
const DEFAULT_PORTS: Record<string, number> = { "smtp:": 587, "smtps:": 465 };

const FORM = "the form is smtp://user:password@host:port or smtps://…, with special characters of the password percent-encoded";

/**
 * Reads smtp://[user:password@]host[:port] or smtps://…. Throws an Error whose message
 * never repeats the value, since it may hold a password.
 */
export function parseSmtpUrl(value: string): SmtpEndpoint {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`is not a URL (${FORM})`);
  }
  const defaultPort = DEFAULT_PORTS[url.protocol];
  if (defaultPort === undefined) throw new Error(`must start with smtp:// or smtps:// (${FORM})`);
  if (!url.hostname) throw new Error(`has no host (${FORM})`);
  // Anything after host:port (a path, nodemailer-style ?options) would be silently ignored.
  if (url.pathname.replace(/^\/$/, "") || url.search || url.hash) throw new Error(`must end after host:port (${FORM})`);
  if (Boolean(url.username) !== Boolean(url.password)) throw new Error(`needs both a user and a password, or neither (${FORM})`);
  const port = url.port ? Number(url.port) : defaultPort;
  return {
    secure: url.protocol === "smtps:",
    // An IPv6 literal keeps its brackets in a URL, not in a socket address.
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port,
    auth: url.username ? { user: decode(url.username), pass: decode(url.password) } : undefined,
    description: `${url.protocol}//${url.hostname}:${port}`,
  };
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new Error(`has a malformed percent-encoding in its user or password (${FORM})`);
  }
}

import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { halfFilledDraft } from "../bench/forms";
import { connectChecker, withChecker } from "./checks";
import { Connection } from "./http-client";
import { RECOVERY_BOUND_MS } from "./outage";
import { record, type InterviewRef, type Recorded } from "./traffic";

/** The table every page reads first (the session check): a lock on it stops every signed-in request. */
export const LOCKED_TABLE = "Session";

export interface ExhaustionResult {
  /** Pool connections seen waiting on the lock before the probes were sent. */
  waitingOnLock: number;
  /** The requests sent first, one per pool connection, that block on the lock holding their connection. */
  holders: Recorded[];
  /** The requests sent once every pool connection was held. */
  probes: Recorded[];
  /** From the lock's release to the first 200 (undefined: none within 15 s). */
  recoveryMs: number | undefined;
  /** Scorecards the probes' saves (all refused with 503, if the server behaves) left behind. */
  probeWrites: number;
}

/**
 * Pool exhaustion, honestly: a client of our own takes `LOCK TABLE "Session" IN ACCESS
 * EXCLUSIVE MODE`, then one signed-in request per pool connection blocks on it, holding
 * its connection (seen in pg_stat_activity as waiting on a lock). Then the probes go out
 * together: pages, /healthz and draft saves, which can only wait for a connection. Once
 * the holders have answered (the app's lock timeout must end their wait) the lock is
 * released, and a page is requested until it answers 200.
 */
export async function runExhaustion(options: {
  baseUrl: string;
  databaseUrl: string;
  recruiterCookie: string;
  interviewerCookie: string;
  candidateIds: readonly string[];
  probeInterviews: readonly InterviewRef[];
  criterionKeys: Readonly<Record<string, readonly string[]>>;
  poolMax: number;
  poolTimeoutMs: number;
  lockTimeoutMs: number;
  probes: number;
  log: (message: string) => void;
}): Promise<ExhaustionResult> {
  const send = (connection: Connection, index: number) => {
    const recruiter = { Cookie: options.recruiterCookie };
    const interviewer = { Cookie: options.interviewerCookie };
    switch (index % 5) {
      case 0:
        return connection.send("candidate-list", "GET", "/candidates", { headers: recruiter });
      case 1:
        return connection.send("my-interviews", "GET", "/interviews", { headers: interviewer });
      case 2:
        return connection.send("healthz", "GET", "/healthz");
      case 3:
        return connection.send("candidate-page", "GET", `/candidates/${options.candidateIds[index % options.candidateIds.length]}`, { headers: recruiter });
      default: {
        const interview = options.probeInterviews[index % options.probeInterviews.length]!;
        const form = halfFilledDraft(interview.rubricVersionId, options.criterionKeys[interview.rubricVersionId] ?? [], { note: `[soak p3 probe ${index}]` });
        return connection.send("draft-save", "POST", `/interviews/${interview.id}.data`, { headers: interviewer, form });
      }
    }
  };
  // Long enough never to cut an answer short: a request still waiting after this has hung.
  const timeoutMs = options.lockTimeoutMs + options.poolTimeoutMs + 30_000;
  const once = async (index: number) => {
    const connection = new Connection(options.baseUrl, { headers: { Accept: "text/html" }, timeoutMs });
    try {
      return record(await send(connection, index));
    } finally {
      connection.close();
    }
  };

  const locker = await connectChecker(options.databaseUrl);
  let locked = false;
  const release = async () => {
    if (!locked) return;
    locked = false;
    await locker.query("COMMIT");
  };
  try {
    await locker.query("BEGIN");
    await locker.query(`LOCK TABLE "${LOCKED_TABLE}" IN ACCESS EXCLUSIVE MODE`);
    locked = true;

    const holderRequests = Array.from({ length: options.poolMax }, () => once(0));
    // From another connection: inside the locker's transaction pg_stat_activity would stay the snapshot of its first read.
    const waitingOnLock = await withChecker(options.databaseUrl, (client) => waitForLockWaiters(client, options.poolMax, options.lockTimeoutMs));
    options.log(`${waitingOnLock} of ${options.poolMax} pool connections waiting on the lock on "${LOCKED_TABLE}"; sending ${options.probes} requests`);

    const probes = await Promise.all(Array.from({ length: options.probes }, (_, index) => once(index)));
    // The holders end when the app's lock timeout cancels their statements; give them that
    // and a margin, then release the lock whatever happened, so a hung one ends too.
    const holdersDone = Promise.all(holderRequests);
    await Promise.race([holdersDone, sleep(options.lockTimeoutMs + 5_000)]);
    await release();
    const released = performance.now();
    const recoveryMs = await firstOk(once, released);
    const holders = await holdersDone;
    const probeWrites = await locker.query<{ count: string }>(`SELECT count(*) FROM "Scorecard" WHERE "interviewId" = ANY($1::uuid[])`, [
      options.probeInterviews.map((interview) => interview.id),
    ]);
    return { waitingOnLock, holders, probes, recoveryMs, probeWrites: Number(probeWrites.rows[0]!.count) };
  } finally {
    await release().catch(() => undefined);
    await locker.end().catch(() => undefined);
  }
}

/** Polls pg_stat_activity until `expected` client backends wait on a lock (or `timeoutMs` passed); returns how many did. */
async function waitForLockWaiters(client: pg.Client, expected: number, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let waiting = 0;
  while (performance.now() < deadline) {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM pg_stat_activity
       WHERE datname = current_database() AND backend_type = 'client backend' AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    waiting = Number(rows[0]!.count);
    if (waiting >= expected) break;
    await sleep(25);
  }
  return waiting;
}

/** Milliseconds from `since` to the end of the first 200 of the candidate list, polled every 100 ms; undefined after 15 s. */
async function firstOk(once: (index: number) => Promise<Recorded>, since: number): Promise<number | undefined> {
  while (performance.now() - since < RECOVERY_BOUND_MS * 3) {
    const exchange = await once(0);
    if (exchange.status === 200) return exchange.endedAt - since;
    await sleep(100);
  }
  return undefined;
}

import { setTimeout as sleep } from "node:timers/promises";
import { decode } from "turbo-stream";
import { completeScorecardForm } from "../../../tests/support/scorecards";
import { halfFilledDraft } from "../bench/forms";
import { Random } from "../bench/random";
import { Connection, type Exchange } from "./http-client";

/**
 * The soak's mixed traffic: N sequential workers, each on its own keep-alive connection,
 * each choosing its next request at random from recruiter reads (candidate list,
 * candidate page), interviewer reads (my interviews, scorecard page), draft saves and,
 * when asked, scorecard submissions.
 *
 * Every worker owns its draft scorecards, so its saves to one draft are sequential and
 * it always knows the version the next save must be based on. Each save carries a unique
 * marker (in the note for later interviewers) and is recorded with its outcome: only a
 * 200 answering `{ ok: true, version: expected + 1 }` is an acknowledgment. After a save
 * that was not acknowledged (503, 409, a reset…), the worker reads the scorecard page
 * before saving to that draft again, as a user reloading would: the page tells whether
 * the save was written after all (its marker is there) and which version is current.
 */

export interface InterviewRef {
  id: string;
  rubricVersionId: string;
}

export type SaveOutcome = "acked" | "refused" | "unavailable" | "failed";

export interface SaveAttempt {
  marker: string;
  expectedVersion: number;
  outcome: SaveOutcome;
  status: number;
  /** Not acknowledged, yet its marker was found afterwards (on the page or in the database). */
  writtenWithoutAck?: boolean;
}

export interface DraftTarget extends InterviewRef {
  /** The version the worker knows of (0: no scorecard yet). */
  version: number;
  /** The last save, when it was not acknowledged and the page was not read since. */
  unresolved?: SaveAttempt;
  saves: SaveAttempt[];
}

export interface SubmitTarget extends InterviewRef {
  outcome?: "acked" | "refused" | "unavailable" | "failed";
  status?: number;
}

export interface WorkerPlan {
  index: number;
  drafts: DraftTarget[];
  submits: SubmitTarget[];
}

export interface TrafficSetup {
  baseUrl: string;
  recruiterCookie: string;
  interviewerCookie: string;
  candidateIds: readonly string[];
  /** Criterion keys (form field names) per rubric version. */
  criterionKeys: Readonly<Record<string, readonly string[]>>;
  workers: WorkerPlan[];
  /** Bounds every exchange; one that runs out counts as a transport error. */
  timeoutMs: number;
}

/** An exchange as the soak keeps it: no body, plus what a 503 looked like. */
export interface Recorded extends Omit<Exchange, "body" | "headers"> {
  /** 503 only: a Retry-After header was sent. */
  retryAfter?: boolean;
  /** 503 HTML pages only: the text says the service is temporarily unavailable and to try again. */
  clearPage?: boolean;
}

export interface TrafficRun {
  exchanges: Recorded[];
  /** Things that should never happen whatever the database does (a save acknowledged with the wrong version…). */
  anomalies: string[];
}

type Op = "candidate-list" | "candidate-page" | "my-interviews" | "scorecard-page" | "draft-save" | "submit";

const MIX: readonly (readonly [Op, number])[] = [
  ["candidate-list", 15],
  ["candidate-page", 20],
  ["my-interviews", 10],
  ["scorecard-page", 15],
  ["draft-save", 40],
];
const SUBMIT_WEIGHT = 4;
/** After a refused or reset connection: no answer comes at once from a dead server, and a tight loop would only fill the log. */
const TRANSPORT_ERROR_PAUSE_MS = 100;

/** The 503 page must say what happened and what to do, in words a user understands. */
export function isClearUnavailablePage(html: string): boolean {
  const text = html.replace(/<script[\s\S]*?<\/script>/gi, " ").replace(/<[^>]+>/g, " ");
  return /temporarily unavailable/i.test(text) && /try again/i.test(text);
}

/** Keeps what the checks need from an exchange and drops its body. */
export function record(exchange: Exchange): Recorded {
  const { body, headers, ...kept } = exchange;
  const recorded: Recorded = kept;
  if (exchange.status === 503) {
    recorded.retryAfter = headers["retry-after"] !== undefined;
    if (String(headers["content-type"] ?? "").startsWith("text/html")) recorded.clearPage = isClearUnavailablePage(body);
  }
  return recorded;
}

export interface RunningTraffic {
  /** What happened so far; grows while the traffic runs. */
  run: TrafficRun;
  /** Stops every worker after the request it has in flight, and returns the run. */
  stop(): Promise<TrafficRun>;
}

/** Starts every worker; draft and submit targets keep their state from one run to the next. */
export function startTraffic(setup: TrafficSetup, options: { label: string; submits: boolean }): RunningTraffic {
  const run: TrafficRun = { exchanges: [], anomalies: [] };
  let stopped = false;
  const done = Promise.all(
    setup.workers.map(async (plan) => {
      const worker = new Worker(setup, plan, options, run);
      try {
        while (!stopped) await worker.step();
      } finally {
        worker.close();
      }
    }),
  );
  return {
    run,
    stop: async () => {
      stopped = true;
      await done;
      return run;
    },
  };
}

class Worker {
  private readonly connection: Connection;
  private readonly random: Random;
  private nextDraft = 0;
  private seq = 0;

  constructor(
    private readonly setup: TrafficSetup,
    private readonly plan: WorkerPlan,
    private readonly options: { label: string; submits: boolean },
    private readonly run: TrafficRun,
  ) {
    this.connection = new Connection(setup.baseUrl, { headers: { Accept: "text/html" }, timeoutMs: setup.timeoutMs });
    // A different sequence per worker and per run, the same on every soak.
    this.random = new Random(plan.index * 7919 + options.label.length * 104_729 + plan.drafts[0]!.saves.length);
  }

  close(): void {
    this.connection.close();
  }

  async step(): Promise<void> {
    const unresolved = this.plan.drafts.find((draft) => draft.unresolved);
    if (unresolved) return this.readBack(unresolved);
    const submitTarget = this.options.submits ? this.plan.submits.find((target) => !target.outcome) : undefined;
    const op = this.random.weighted<Op>(submitTarget ? [...MIX, ["submit", SUBMIT_WEIGHT]] : MIX);
    const draft = this.plan.drafts[this.nextDraft++ % this.plan.drafts.length]!;
    switch (op) {
      case "candidate-list":
        return this.get(op, "/candidates", this.setup.recruiterCookie);
      case "candidate-page":
        return this.get(op, `/candidates/${this.random.pick(this.setup.candidateIds)}`, this.setup.recruiterCookie);
      case "my-interviews":
        return this.get(op, "/interviews", this.setup.interviewerCookie);
      case "scorecard-page":
        return this.get(op, `/interviews/${draft.id}`, this.setup.interviewerCookie);
      case "draft-save":
        return this.save(draft);
      case "submit":
        return this.submit(submitTarget!);
    }
  }

  /** Sends, records, and after a transport error (a dead server refuses at once) waits a little before going on. */
  private async exchange(op: Op, method: "GET" | "POST", path: string, cookie: string, form?: URLSearchParams): Promise<Exchange> {
    const exchange = await this.connection.send(op, method, path, { headers: { Cookie: cookie }, form });
    this.run.exchanges.push(record(exchange));
    if (exchange.status === 0) await sleep(TRANSPORT_ERROR_PAUSE_MS);
    return exchange;
  }

  private async get(op: Op, path: string, cookie: string): Promise<void> {
    await this.exchange(op, "GET", path, cookie);
  }

  /** An autosave the way the page's fetcher sends it: Remix's single-fetch action request. */
  private async save(draft: DraftTarget): Promise<void> {
    const marker = `[soak ${this.options.label} w${this.plan.index} s${++this.seq}]`;
    const form = halfFilledDraft(draft.rubricVersionId, this.setup.criterionKeys[draft.rubricVersionId] ?? [], {
      version: draft.version,
      note: marker,
      scoreShift: this.seq,
    });
    const exchange = await this.exchange("draft-save", "POST", `/interviews/${draft.id}.data`, this.setup.interviewerCookie, form);
    const attempt: SaveAttempt = { marker, expectedVersion: draft.version, outcome: "failed", status: exchange.status };
    draft.saves.push(attempt);
    if (exchange.status === 200) {
      const answer = await actionAnswer(exchange.body);
      if (answer?.ok === true && answer.version === draft.version + 1) {
        attempt.outcome = "acked";
        draft.version = answer.version;
        return;
      }
      this.run.anomalies.push(`save to ${draft.id} based on version ${draft.version} answered 200 with ${JSON.stringify(answer)}`);
    } else if (exchange.status === 409) {
      attempt.outcome = "refused";
    } else if (exchange.status === 503) {
      attempt.outcome = "unavailable";
    }
    draft.unresolved = attempt;
  }

  /** After a save without acknowledgment: read the page, as a user reloading it would. */
  private async readBack(draft: DraftTarget): Promise<void> {
    const exchange = await this.exchange("scorecard-page", "GET", `/interviews/${draft.id}`, this.setup.interviewerCookie);
    if (exchange.status !== 200) return; // try again next step
    const attempt = draft.unresolved!;
    const shown = /name="version" value="(\d+)"/.exec(exchange.body)?.[1];
    if (shown === undefined) {
      this.run.anomalies.push(`scorecard page of ${draft.id} shows no version`);
      return;
    }
    const written = exchange.body.includes(attempt.marker);
    if (written) attempt.writtenWithoutAck = true;
    const expected = draft.version + (written ? 1 : 0);
    if (Number(shown) !== expected) {
      this.run.anomalies.push(`scorecard page of ${draft.id} shows version ${shown}, expected ${expected}`);
    }
    draft.version = Number(shown);
    draft.unresolved = undefined;
  }

  /** The final submit without JavaScript: a complete form, answered by a redirect to the scorecard. */
  private async submit(target: SubmitTarget): Promise<void> {
    const fields = completeScorecardForm(
      { id: target.rubricVersionId, criteria: (this.setup.criterionKeys[target.rubricVersionId] ?? []).map((key) => ({ key })) },
      { score: 1 + (this.plan.index % 4), evidenced: this.plan.index % 2 ? ["serving", "monitoring"] : [] },
    );
    const form = new URLSearchParams({ ...fields, intent: "submit" });
    const exchange = await this.exchange("submit", "POST", `/interviews/${target.id}`, this.setup.interviewerCookie, form);
    target.status = exchange.status;
    const location = String(exchange.headers.location ?? "");
    if ((exchange.status === 302 || exchange.status === 303) && location.endsWith(`/interviews/${target.id}`)) target.outcome = "acked";
    else if (exchange.status === 409) target.outcome = "refused";
    else if (exchange.status === 503) target.outcome = "unavailable";
    else target.outcome = "failed";
  }
}

/** The action's answer in a single-fetch response (turbo-stream): `{ data: { ok, version } }`. */
async function actionAnswer(body: string): Promise<{ ok?: unknown; version?: unknown } | undefined> {
  try {
    const { value, done } = await decode(new Response(body).body!);
    await done;
    const data = (value as { data?: unknown } | null)?.data;
    return typeof data === "object" && data !== null ? (data as { ok?: unknown; version?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

/** Worker plans over the seeded interviews: `drafts` and `submits` interviews per worker, none shared. */
export function planWorkers(
  interviews: readonly InterviewRef[],
  workers: number,
  { drafts, submits }: { drafts: number; submits: number },
): { plans: WorkerPlan[]; rest: InterviewRef[] } {
  const needed = workers * (drafts + submits);
  if (interviews.length < needed) throw new Error(`${workers} workers need ${needed} interviews, the dataset has ${interviews.length}`);
  let next = 0;
  const take = () => interviews[next++]!;
  const plans = Array.from({ length: workers }, (_, index) => ({
    index,
    drafts: Array.from({ length: drafts }, () => ({ ...take(), version: 0, saves: [] })),
    submits: Array.from({ length: submits }, () => ({ ...take() })),
  }));
  return { plans, rest: interviews.slice(next) };
}

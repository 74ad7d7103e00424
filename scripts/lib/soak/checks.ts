import pg from "pg";
import { recomputeRecommendation } from "~/models/recommendation.server";
import { createDbClient } from "~/utils/db.server";
import type { DraftTarget, SaveAttempt, SubmitTarget } from "./traffic";

/**
 * What the database holds after a soak phase, against what the server acknowledged.
 * Read with a client of our own, after the load stopped and every request was answered.
 */

export interface DraftLedger {
  drafts: number;
  acknowledged: number;
  /** Not acknowledged, but written (its marker found by a read-back or in the database). */
  writtenWithoutAck: SaveAttempt[];
  /** One line per draft whose row does not match its acknowledged saves. */
  lost: string[];
}

/**
 * For every draft: the row's version equals the number of saves that were written
 * (acknowledged, plus any found written without acknowledgment: each save increments it
 * once) and its note is the marker of the last of them. An acknowledged save missing, or
 * a save that should not have been written, breaks one of the two.
 */
export async function checkDrafts(client: pg.Client, drafts: readonly DraftTarget[]): Promise<DraftLedger> {
  const { rows } = await client.query<{ interviewId: string; version: number; note: string | null; submitted: boolean }>(
    `SELECT "interviewId", "version", "draft"->>'noteForLaterInterviewers' AS "note", "submittedAt" IS NOT NULL AS "submitted"
     FROM "Scorecard" WHERE "interviewId" = ANY($1::uuid[])`,
    [drafts.map((draft) => draft.id)],
  );
  const byInterview = new Map(rows.map((row) => [row.interviewId, row]));
  const ledger: DraftLedger = { drafts: drafts.length, acknowledged: 0, writtenWithoutAck: [], lost: [] };
  for (const draft of drafts) {
    const row = byInterview.get(draft.id);
    // A save the run ended on without reading it back: the database says whether it was written.
    const pending = draft.unresolved;
    if (pending && row?.note === pending.marker) pending.writtenWithoutAck = true;
    const written = draft.saves.filter((save) => save.outcome === "acked" || save.writtenWithoutAck);
    ledger.acknowledged += draft.saves.filter((save) => save.outcome === "acked").length;
    ledger.writtenWithoutAck.push(...draft.saves.filter((save) => save.outcome !== "acked" && save.writtenWithoutAck));
    const last = written.at(-1);
    const found = row ? `version ${row.version}, note ${JSON.stringify(row.note)}${row.submitted ? ", submitted" : ""}` : "no scorecard";
    if (!last) {
      if (row) ledger.lost.push(`${draft.id}: nothing was written, the database has ${found}`);
    } else if (!row || row.version !== written.length || row.note !== last.marker || row.submitted) {
      ledger.lost.push(`${draft.id}: expected version ${written.length} with note ${JSON.stringify(last.marker)}, the database has ${found}`);
    }
  }
  return ledger;
}

export interface SubmitLedger {
  attempted: number;
  acknowledged: number;
  /** Acknowledged (redirected) but not submitted in the database. */
  lost: string[];
  /** Submitted although the answer was not a redirect (e.g. a commit whose answer the shutdown cut off). */
  writtenWithoutAck: string[];
  /** Not submitted, yet a scorecard row exists: part of a submission stayed behind. */
  leftovers: string[];
}

export async function checkSubmits(client: pg.Client, targets: readonly SubmitTarget[]): Promise<SubmitLedger> {
  const tried = targets.filter((target) => target.outcome);
  const { rows } = await client.query<{ interviewId: string; submitted: boolean }>(
    `SELECT "interviewId", "submittedAt" IS NOT NULL AS "submitted" FROM "Scorecard" WHERE "interviewId" = ANY($1::uuid[])`,
    [tried.map((target) => target.id)],
  );
  const byInterview = new Map(rows.map((row) => [row.interviewId, row]));
  const ledger: SubmitLedger = { attempted: tried.length, acknowledged: 0, lost: [], writtenWithoutAck: [], leftovers: [] };
  for (const target of tried) {
    const row = byInterview.get(target.id);
    if (target.outcome === "acked") {
      ledger.acknowledged++;
      if (!row?.submitted) ledger.lost.push(`${target.id}: redirected after submit, but ${row ? "still a draft" : "no scorecard"}`);
    } else if (row?.submitted) {
      ledger.writtenWithoutAck.push(`${target.id} (answered ${target.status || "nothing"})`);
    } else if (row) {
      ledger.leftovers.push(`${target.id}: a draft row stayed behind after a submit answered ${target.status || "nothing"}`);
    }
  }
  return ledger;
}

export interface Integrity {
  submitted: number;
  /** Submitted scorecards missing a rating, a required answer, the production evidence or their audit event. */
  halfWritten: string[];
  /** Drafts holding rows only a submission writes. */
  draftsWithSubmissionRows: string[];
  /** Candidates whose stored recommendation is older than their last submitted scorecard, or missing. */
  staleRecommendations: string[];
}

/**
 * Over the whole database, not only what the soak wrote: a submission is one transaction,
 * so a submitted scorecard has every criterion of its rubric rated with evidence, every
 * required answer, its four production-evidence rows and one audit event; a draft has none
 * of those rows; and a candidate's stored recommendation was computed in the transaction
 * of their last submission, so it is never older than it.
 */
export async function checkIntegrity(client: pg.Client): Promise<Integrity> {
  const submitted = await client.query<{ count: string }>(`SELECT count(*) FROM "Scorecard" WHERE "submittedAt" IS NOT NULL`);
  const halfWritten = await client.query<{ id: string }>(`
    SELECT s."id" FROM "Scorecard" s
    WHERE s."submittedAt" IS NOT NULL AND (
      s."overallRecommendation" IS NULL OR s."levelSignal" IS NULL OR s."lifecycleOwnership" IS NULL
      OR s."sharedInfrastructure" IS NULL OR s."weightedScore" IS NULL
      OR EXISTS (SELECT 1 FROM "Criterion" c WHERE c."rubricVersionId" = s."rubricVersionId"
                 AND NOT EXISTS (SELECT 1 FROM "ScorecardRating" r WHERE r."scorecardId" = s."id" AND r."criterionId" = c."id"
                                 AND r."score" BETWEEN 1 AND 4 AND btrim(r."evidence") <> ''))
      OR EXISTS (SELECT 1 FROM "ScorecardRating" r JOIN "Criterion" c ON c."id" = r."criterionId"
                 WHERE r."scorecardId" = s."id" AND c."rubricVersionId" <> s."rubricVersionId")
      OR (SELECT count(*) FROM "ScorecardProductionEvidence" p WHERE p."scorecardId" = s."id") <> 4
      OR EXISTS (SELECT 1 FROM "ScorecardProductionEvidence" p WHERE p."scorecardId" = s."id" AND p."status" = 'evidenced' AND btrim(p."note") = '')
      OR (SELECT count(*) FROM "AuditEvent" a WHERE a."action" = 'scorecard.submit' AND a."entityType" = 'Scorecard' AND a."entityId" = s."id"::text) <> 1
    )`);
  const drafts = await client.query<{ id: string }>(`
    SELECT s."id" FROM "Scorecard" s
    WHERE s."submittedAt" IS NULL AND (
      s."overallRecommendation" IS NOT NULL OR s."weightedScore" IS NOT NULL
      OR EXISTS (SELECT 1 FROM "ScorecardRating" r WHERE r."scorecardId" = s."id")
      OR EXISTS (SELECT 1 FROM "ScorecardProductionEvidence" p WHERE p."scorecardId" = s."id")
      OR EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."action" = 'scorecard.submit' AND a."entityId" = s."id"::text)
    )`);
  const stale = await client.query<{ candidateId: string }>(`
    SELECT i."candidateId" FROM "Scorecard" s JOIN "Interview" i ON i."id" = s."interviewId"
    LEFT JOIN "CandidateRecommendation" cr ON cr."candidateId" = i."candidateId"
    WHERE s."submittedAt" IS NOT NULL
    GROUP BY i."candidateId", cr."computedAt"
    HAVING cr."computedAt" IS NULL OR cr."computedAt" < max(s."submittedAt")`);
  return {
    submitted: Number(submitted.rows[0]!.count),
    halfWritten: halfWritten.rows.map((row) => row.id),
    draftsWithSubmissionRows: drafts.rows.map((row) => row.id),
    staleRecommendations: stale.rows.map((row) => row.candidateId),
  };
}

class Rollback extends Error {}

/**
 * The stored recommendation of each candidate is what the leveling service computes from
 * their submitted scorecards now: recomputed with the app's own code in a transaction
 * that is rolled back, and compared field by field (numbers in the evidence to 1e-9: the
 * scorecards may be read in another order, and floating-point sums with them).
 */
export async function checkRecommendations(databaseUrl: string, candidateIds: readonly string[]): Promise<string[]> {
  const db = createDbClient(databaseUrl);
  const differences: string[] = [];
  const read = async (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], candidateId: string) =>
    tx.candidateRecommendation.findUnique({
      where: { candidateId },
      select: { policyVersion: true, status: true, level: true, bandMin: true, bandMax: true, premiumMin: true, premiumMax: true, flags: true, flagCount: true, evidence: true },
    });
  try {
    for (const candidateId of candidateIds) {
      try {
        await db.$transaction(async (tx) => {
          const stored = await read(tx, candidateId);
          await recomputeRecommendation(tx, candidateId);
          const recomputed = await read(tx, candidateId);
          if (!sameWithin(stored, recomputed, 1e-9)) {
            differences.push(`${candidateId}: stored ${JSON.stringify(stored)}, recomputed ${JSON.stringify(recomputed)}`);
          }
          throw new Rollback();
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
    }
  } finally {
    await db.$disconnect();
  }
  return differences;
}

function sameWithin(a: unknown, b: unknown, tolerance: number): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= tolerance;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameWithin(item, b[index], tolerance));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameWithin((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], tolerance));
  }
  return a === b;
}

/** Candidates of the given interviews (to recompute the recommendations a phase's submissions wrote). */
export async function candidatesOf(client: pg.Client, interviewIds: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ candidateId: string }>(
    `SELECT DISTINCT "candidateId" FROM "Interview" WHERE "id" = ANY($1::uuid[])`,
    [[...interviewIds]],
  );
  return rows.map((row) => row.candidateId);
}

/** A pg client of our own; a dropped connection rejects the query in flight instead of crashing. */
export async function connectChecker(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

/** Runs the checks on a connection opened for them (one opened earlier may not have survived an outage). */
export async function withChecker<T>(databaseUrl: string, check: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectChecker(databaseUrl);
  try {
    return await check(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

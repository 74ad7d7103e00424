import {
  candidateScoresFor,
  NOTHING_WITHHELD,
  withheldCandidateIds,
  type CandidateScores,
  type OwnInterview,
  type WithheldEntities,
} from "~/domain/scorecards/visibility";
import { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { isUuid } from "~/utils/params";

/**
 * The facts app/domain/scorecards/visibility.ts decides independent scoring from: the
 * viewer's own interviews. Every route that shows anyone's scores for a candidate asks here.
 */

type Viewer = { id: string; roles: readonly string[] };

const ownInterviewSelect = { candidateId: true, status: true, scorecard: { select: { submittedAt: true } } } as const;

function toOwnInterview(row: { candidateId: string; status: string; scorecard: { submittedAt: Date | null } | null }): OwnInterview {
  return { candidateId: row.candidateId, cancelled: row.status === "CANCELLED", submitted: Boolean(row.scorecard?.submittedAt) };
}

/** What the viewer may see of other people's scores on one candidate (one query). */
export async function candidateScoresOf(viewer: Viewer, candidateId: string): Promise<CandidateScores> {
  const rows = isUuid(candidateId)
    ? await getDb().interview.findMany({ where: { candidateId, interviewerId: viewer.id }, select: ownInterviewSelect })
    : [];
  return candidateScoresFor(viewer.roles, rows.map(toOwnInterview));
}

/**
 * Across the app (candidate list, audit log, analytics, simulation): the candidates withheld
 * from the viewer and colleagues' scorecards on them. Only interviews without a submitted
 * scorecard are read, since a submitted one is never owed.
 */
export async function withheldFrom(viewerId: string): Promise<WithheldEntities> {
  const db = getDb();
  const rows = await db.interview.findMany({
    where: { interviewerId: viewerId, OR: [{ scorecard: { is: null } }, { scorecard: { submittedAt: null } }] },
    select: ownInterviewSelect,
  });
  const candidateIds = withheldCandidateIds(rows.map(toOwnInterview));
  if (candidateIds.size === 0) return NOTHING_WITHHELD;
  const scorecards = await db.scorecard.findMany({
    where: { interview: { candidateId: { in: [...candidateIds] }, interviewerId: { not: viewerId } } },
    select: { id: true },
  });
  return { candidateIds, scorecardIds: new Set(scorecards.map((scorecard) => scorecard.id)) };
}

/** SQL: the candidate id in `column` is not one of `withheld` (TRUE when none is withheld). */
export function notWithheldSql(column: Prisma.Sql, withheld: ReadonlySet<string>): Prisma.Sql {
  return withheld.size ? Prisma.sql`${column} <> ALL(${[...withheld]}::uuid[])` : Prisma.sql`TRUE`;
}

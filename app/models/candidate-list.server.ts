import { CANDIDATES_PER_PAGE, type CandidateListQuery, type SortKey } from "~/domain/candidates/list-options";
import type { Level } from "~/domain/levels";
import type { RecommendationStatus } from "~/domain/leveling/types";
import { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { notWithheldSql } from "./visibility.server";

export type CandidateListRow = {
  id: string;
  name: string;
  country: string;
  currentTitle: string;
  track: "IC" | "M";
  createdAt: Date;
  /** Null for a candidate whose recommendation was never stored (created before it was). */
  recommendationStatus: RecommendationStatus | null;
  recommendedLevel: Level | null;
  flagCount: number | null;
  decisionKind: "accept" | "override" | null;
  /** Null means no hire when decisionKind is set. */
  decidedLevel: Level | null;
  /** The viewer owes a scorecard for this candidate: recommendation and decision are left out (null). */
  withheld: boolean;
};

export type CandidateListPage = { rows: CandidateListRow[]; total: number; pages: number };

/** `%` and `_` typed into the search box are searched for, not wildcards. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

type CandidateFilter = Pick<CandidateListQuery, "q" | "status" | "level" | "decision" | "country">;

function filterConditions(query: CandidateFilter, visible: Prisma.Sql): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(Prisma.sql`(c."name" ILIKE ${pattern} OR c."email" ILIKE ${pattern})`);
  }
  if (query.status) conditions.push(Prisma.sql`r."status" = ${query.status}::"RecommendationStatus"`);
  if (query.level) conditions.push(Prisma.sql`r."level" = ${query.level}::"LevelCode"`);
  if (query.decision === "decided") conditions.push(Prisma.sql`d."id" IS NOT NULL`);
  // A withheld candidate joins no decision, but is not known to be undecided either.
  if (query.decision === "undecided") conditions.push(Prisma.sql`d."id" IS NULL AND ${visible}`);
  if (query.country) conditions.push(Prisma.sql`c."country" = ${query.country}`);
  return conditions;
}

function whereClause(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/**
 * Fixed SQL per sort key (never built from the URL). The id breaks ties, so paging through
 * equal names or times neither repeats nor skips a row. Levels sort in the LevelCode enum's
 * order (IC3…IC6, then M1, M2); candidates without a level come last either way, no hire
 * before incomplete.
 */
function orderClause(sort: SortKey, descending: boolean): Prisma.Sql {
  const dir = Prisma.raw(descending ? "DESC" : "ASC");
  switch (sort) {
    case "name":
      // The database's own collation may be bytewise (C.UTF-8: "Zoe" before "ana" before
      // "Álvaro"); ICU's root collation sorts names as people read them.
      return Prisma.sql`ORDER BY c."name" COLLATE "und-x-icu" ${dir}, c."id" ${dir}`;
    case "created":
      return Prisma.sql`ORDER BY c."createdAt" ${dir}, c."id" ${dir}`;
    case "updated":
      return Prisma.sql`ORDER BY c."updatedAt" ${dir}, c."id" ${dir}`;
    case "level":
      return Prisma.sql`ORDER BY r."level" ${dir} NULLS LAST, r."status" DESC NULLS LAST, c."name" COLLATE "und-x-icu" ASC, c."id" ASC`;
  }
}

/**
 * A candidate whose scores are withheld from the viewer (models/visibility.server.ts) joins
 * no recommendation and no decision: its row shows neither, no filter on them matches it,
 * and it sorts with the candidates without a level.
 */
function fromClause(visible: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  FROM "Candidate" c
  LEFT JOIN "CandidateRecommendation" r ON r."candidateId" = c."id" AND ${visible}
  LEFT JOIN "HiringDecision" d ON d."candidateId" = c."id" AND ${visible}`;
}

/**
 * One page of the candidate list and the number of matching candidates: two queries,
 * reading the stored recommendation and decision through joins (never recomputing).
 * `withheldCandidateIds`: candidates whose scores are withheld from the viewer.
 */
export async function listCandidatePage(
  query: CandidateListQuery,
  withheldCandidateIds: ReadonlySet<string>,
): Promise<CandidateListPage> {
  const db = getDb();
  const visible = notWithheldSql(Prisma.sql`c."id"`, withheldCandidateIds);
  const from = fromClause(visible);
  const where = whereClause(filterConditions(query, visible));
  const offset = (query.page - 1) * CANDIDATES_PER_PAGE;
  const [rows, [counted]] = await Promise.all([
    db.$queryRaw<CandidateListRow[]>`
      SELECT c."id"::text AS "id", c."name", c."country", c."currentTitle", c."track"::text AS "track", c."createdAt",
             r."status"::text AS "recommendationStatus", r."level"::text AS "recommendedLevel", r."flagCount",
             d."kind"::text AS "decisionKind", d."level"::text AS "decidedLevel", NOT (${visible}) AS "withheld"
      ${from}
      ${where}
      ${orderClause(query.sort, query.dir === "desc")}
      LIMIT ${CANDIDATES_PER_PAGE} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" ${from} ${where}`,
  ]);
  const total = counted?.total ?? 0;
  return { rows, total, pages: Math.max(1, Math.ceil(total / CANDIDATES_PER_PAGE)) };
}

const apiCandidateSelect = Prisma.sql`
  c."id"::text AS "id", c."name", c."email", c."country", c."currentTitle", c."yearsExperience",
  c."track"::text AS "track", c."faangExperience", c."notes", c."recruiterId"::text AS "recruiterId",
  c."version", c."createdAt", c."updatedAt"`;

export type CandidateRecord = {
  id: string;
  name: string;
  email: string;
  country: string;
  currentTitle: string;
  yearsExperience: number;
  track: "IC" | "M";
  faangExperience: boolean;
  notes: string;
  recruiterId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * Keyset pagination for the API: candidates after `after` in (createdAt DESC, id DESC), with
 * the list page's filters. A service token is no person who could be anchored: nothing is
 * withheld from it (and the API shows no scores). One more row than asked tells whether a next page exists; a
 * candidate created meanwhile never shifts a page (unlike OFFSET).
 */
export async function listCandidatesAfter(
  filter: CandidateFilter,
  after: { createdAt: Date; id: string } | null,
  limit: number,
): Promise<{ rows: CandidateRecord[]; hasMore: boolean }> {
  const visible = Prisma.sql`TRUE`;
  const conditions = filterConditions(filter, visible);
  if (after) conditions.push(Prisma.sql`(c."createdAt", c."id") < (${after.createdAt}, ${after.id}::uuid)`);
  const rows = await getDb().$queryRaw<CandidateRecord[]>`
    SELECT ${apiCandidateSelect}
    ${fromClause(visible)}
    ${whereClause(conditions)}
    ORDER BY c."createdAt" DESC, c."id" DESC
    LIMIT ${limit + 1}`;
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function getCandidateRecord(id: string): Promise<CandidateRecord | null> {
  const [row] = await getDb().$queryRaw<CandidateRecord[]>`SELECT ${apiCandidateSelect} FROM "Candidate" c WHERE c."id" = ${id}::uuid`;
  return row ?? null;
}

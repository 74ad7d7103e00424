import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { IMPORT_MAX_ROWS, previewImport, type ImportDefaults, type ImportMapping } from "~/domain/candidates/import";
import { aggregate, level, type LevelingPolicy } from "~/domain/leveling";
import type { Prisma } from "~/generated/prisma/client";
import { getDb, isUniqueViolation } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import type { Actor } from "./candidate.server";
import { getCurrentPolicy, lockPolicyForReading } from "./policy.server";
import { recommendationColumns } from "./recommendation.server";
import { enqueueWebhookEvents } from "./webhook.server";

/**
 * Candidate import: an uploaded CSV is kept (CandidateImport) so the recruiter can map its
 * columns and preview every row, then committed all-or-nothing in one transaction. Idempotent
 * by email: a candidate whose email already exists is skipped, so importing the same file
 * twice creates nothing the second time.
 */

export type ParsedCsv = { ok: true; rows: string[][] } | { ok: false; message: string };

/** RFC 4180 CSV (quoted fields, commas and newlines inside quotes, a BOM), read by csv-parse. */
export function parseCsv(text: string): ParsedCsv {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, message: `The file is not valid CSV${line ? ` (near line ${line})` : ""}.` };
  }
  if (rows.length < 2) return { ok: false, message: "The file needs a header row and at least one candidate." };
  if (rows.length - 1 > IMPORT_MAX_ROWS) {
    return { ok: false, message: `At most ${IMPORT_MAX_ROWS.toLocaleString("en-US")} candidates per file; split it.` };
  }
  return { ok: true, rows };
}

export async function createCandidateImport(input: { fileName: string; csv: string }, actor: Actor) {
  const parsed = parseCsv(input.csv);
  if (!parsed.ok) return parsed;
  const row = await getDb().candidateImport.create({
    data: { fileName: input.fileName.slice(0, 200), csv: input.csv, rowCount: parsed.rows.length - 1, createdById: actor.id },
    select: { id: true },
  });
  return { ok: true as const, id: row.id };
}

/** An import of this user's (imports are private to who uploaded them), with its parsed rows. */
export async function getCandidateImport(id: string, userId: string) {
  const found = await getDb().candidateImport.findFirst({ where: { id, createdById: userId } });
  if (!found) return null;
  const parsed = parseCsv(found.csv);
  return { ...found, rows: parsed.ok ? parsed.rows : [] };
}

export type CommitResult =
  | { ok: true; created: number; skipped: number }
  | { ok: false; reason: "not_found" | "committed" | "invalid" | "conflict"; message: string };

/** The recommendation of a candidate with no scorecard yet ("incomplete"), once per profile. */
function incompleteRecommendations(policy: LevelingPolicy) {
  const cache = new Map<string, { evidence: Prisma.InputJsonValue; columns: ReturnType<typeof recommendationColumns> }>();
  return (profile: { track: "IC" | "M"; faangExperience: boolean }) => {
    const key = `${profile.track}:${profile.faangExperience}`;
    let stored = cache.get(key);
    if (!stored) {
      const evidence = aggregate([], [], profile);
      stored = { evidence: evidence as unknown as Prisma.InputJsonValue, columns: recommendationColumns(level(evidence, policy)) };
      cache.set(key, stored);
    }
    return stored;
  };
}

export async function commitCandidateImport(
  input: { id: string; mapping: ImportMapping; defaults: ImportDefaults },
  actor: Actor,
): Promise<CommitResult> {
  try {
    return await getDb().$transaction(
      async (tx): Promise<CommitResult> => {
        const [locked] = await tx.$queryRaw<{ csv: string; committedAt: Date | null }[]>`
          SELECT "csv", "committedAt" FROM "CandidateImport" WHERE "id" = ${input.id}::uuid AND "createdById" = ${actor.id}::uuid FOR UPDATE`;
        if (!locked) return { ok: false, reason: "not_found", message: "That import does not exist." };
        if (locked.committedAt) return { ok: false, reason: "committed", message: "This file was imported already." };
        const parsed = parseCsv(locked.csv);
        if (!parsed.ok) return { ok: false, reason: "invalid", message: parsed.message };
        // Never trust the preview the page showed: every row is validated again here.
        const preview = previewImport(parsed.rows, input.mapping, input.defaults);
        if (preview.invalid > 0) {
          return { ok: false, reason: "invalid", message: `${preview.invalid} row(s) have errors: fix the mapping or the file; nothing was imported.` };
        }
        const inputs = preview.rows.flatMap((row) => (row.ok ? [row.input] : []));
        const existing = await tx.candidate.findMany({ where: { email: { in: inputs.map((row) => row.email) } }, select: { email: true } });
        const taken = new Set(existing.map((row) => row.email));
        const fresh = inputs.filter((row) => !taken.has(row.email)).map((row) => ({ ...row, id: randomUUID() }));

        await lockPolicyForReading(tx);
        const policy = await getCurrentPolicy(tx);
        const recommendationOf = incompleteRecommendations(policy);
        // Three set-based statements, however many rows: row-by-row writes took ~25 s for 10,000.
        const now = new Date();
        await tx.$executeRaw`
          INSERT INTO "Candidate" ("id", "name", "email", "country", "currentTitle", "yearsExperience", "track", "faangExperience", "notes", "recruiterId", "createdAt", "updatedAt")
          SELECT x."id", x."name", x."email", x."country", x."currentTitle", x."yearsExperience", x."track"::"Track", x."faangExperience", x."notes", ${actor.id}::uuid, ${now}, ${now}
          FROM jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb) AS x(
            "id" uuid, "name" text, "email" text, "country" text, "currentTitle" text, "yearsExperience" int, "track" text, "faangExperience" boolean, "notes" text)`;
        const recommendations = fresh.map((row) => {
          const { evidence, columns } = recommendationOf(row);
          return { candidateId: row.id, ...columns, evidence };
        });
        await tx.$executeRaw`
          INSERT INTO "CandidateRecommendation" ("candidateId", "policyVersion", "status", "level", "bandMin", "bandMax", "premiumMin", "premiumMax", "flags", "flagCount", "explanation", "evidence", "computedAt")
          SELECT x."candidateId", ${policy.version}::int, x."status"::"RecommendationStatus", x."level"::"LevelCode", x."bandMin", x."bandMax", x."premiumMin", x."premiumMax", x."flags", x."flagCount", x."explanation", x."evidence", ${now}
          FROM jsonb_to_recordset(${JSON.stringify(recommendations)}::jsonb) AS x(
            "candidateId" uuid, "status" text, "level" text, "bandMin" int, "bandMax" int, "premiumMin" int, "premiumMax" int,
            "flags" jsonb, "flagCount" int, "explanation" jsonb, "evidence" jsonb)`;
        await tx.$executeRaw`
          INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "details", "ipAddress", "at")
          SELECT ${actor.id}::uuid, 'candidate.create', 'Candidate', x."id", jsonb_build_object('version', 1, 'importId', ${input.id}::text), ${actor.ipAddress ?? null}, ${now}
          FROM unnest(${fresh.map((row) => row.id)}::text[]) AS x("id")`;
        await enqueueWebhookEvents(tx, "candidate.created", fresh.map((row) => ({ candidateId: row.id })));
        const result = { created: fresh.length, skipped: inputs.length - fresh.length };
        await tx.candidateImport.update({ where: { id: input.id }, data: { committedAt: new Date(), result } });
        await recordAudit(
          { actorId: actor.id, action: "candidate.import", entityType: "CandidateImport", entityId: input.id, details: result, ipAddress: actor.ipAddress },
          tx,
        );
        return { ok: true, ...result };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, reason: "conflict", message: "A candidate with one of these emails was created meanwhile. Preview again and import." };
    }
    throw error;
  }
}

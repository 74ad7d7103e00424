import { level, levelingPolicySchema, type CandidateEvidence, type LevelingPolicy } from "~/domain/leveling";
import type { Level } from "~/domain/levels";
import { changedParts, storedOutcome, type SimulationRow } from "~/domain/leveling/simulation";
import type { RecommendationStatus } from "~/domain/leveling/types";
import type { WebhookEventData } from "~/domain/webhooks/events";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { parseStoredPolicy, POLICY_VERSIONS_LOCK } from "./policy.server";
import { recommendationColumns } from "./recommendation.server";
import { enqueueWebhookEvents } from "./webhook.server";

/*
 * Leveling policy versions as admins edit them: one draft at a time, optimistic `version`
 * on every draft write, and a publish that retires the published version and recomputes
 * every stored recommendation from its stored evidence in the same transaction.
 *
 * The policy table has no parent row to lock, so starting, publishing and discarding a
 * draft take a transaction-scoped advisory lock (one at a time), and every write to a
 * draft also locks the draft's row.
 */

export type Actor = { id: string; ipAddress?: string };

export type PolicyWriteFailure =
  | { ok: false; reason: "conflict" }
  | { ok: false; reason: "gone" }
  | { ok: false; reason: "draft_exists"; number: number }
  | { ok: false; reason: "invalid"; issues: { path: string; message: string }[] };

type Tx = Prisma.TransactionClient;

/** Rows per UPDATE statement when recomputing stored recommendations. */
const RECOMPUTE_BATCH = 500;
/** Publishing 10k recommendations takes seconds, not Prisma's default 5 s budget. */
const PUBLISH_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };


export async function getPolicyAdminView() {
  const db = getDb();
  const versions = await db.levelingPolicyVersion.findMany({
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      status: true,
      version: true,
      policy: true,
      createdAt: true,
      createdById: true,
      publishedAt: true,
      publishedById: true,
    },
  });
  const peopleIds = [...new Set(versions.flatMap((version) => [version.createdById, version.publishedById]))].filter(
    (id): id is string => id !== null,
  );
  const people = new Map(
    (await db.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  const nameOf = (id: string | null) => (id ? (people.get(id) ?? "a former user") : "the installation");
  const publishedRow = versions.find((version) => version.status === "PUBLISHED");
  const draftRow = versions.find((version) => version.status === "DRAFT");
  return {
    published: publishedRow
      ? {
          id: publishedRow.id,
          number: publishedRow.number,
          policy: parseStoredPolicy(publishedRow.policy, publishedRow.number),
          publishedAt: publishedRow.publishedAt,
          publishedBy: nameOf(publishedRow.publishedById),
        }
      : null,
    draft: draftRow
      ? {
          id: draftRow.id,
          number: draftRow.number,
          version: draftRow.version,
          policy: parseStoredPolicy(draftRow.policy, draftRow.number),
          createdAt: draftRow.createdAt,
          createdBy: nameOf(draftRow.createdById),
        }
      : null,
    history: versions.map((version) => ({
      number: version.number,
      status: version.status,
      createdAt: version.createdAt,
      publishedAt: version.publishedAt,
      publishedBy: version.publishedAt ? nameOf(version.publishedById) : null,
    })),
  };
}

async function lockPolicyVersions(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${POLICY_VERSIONS_LOCK}::bigint)`;
}

async function lockDraft(tx: Tx, draftId: string) {
  const [row] = await tx.$queryRaw<{ id: string; number: number; version: number; policy: unknown }[]>`
    SELECT "id", "number", "version", "policy" FROM "LevelingPolicyVersion"
    WHERE "id" = ${draftId}::uuid AND "status" = 'DRAFT'
    FOR UPDATE`;
  return row ?? null;
}

/** Copies the published policy into a new draft numbered after every existing version. */
export async function startPolicyDraft(actor: Actor): Promise<{ ok: true; id: string; number: number } | PolicyWriteFailure> {
  return getDb().$transaction(async (tx) => {
    await lockPolicyVersions(tx);
    const existing = await tx.levelingPolicyVersion.findFirst({ where: { status: "DRAFT" }, select: { number: true } });
    if (existing) return { ok: false, reason: "draft_exists", number: existing.number } as const;
    const published = await tx.levelingPolicyVersion.findFirst({ where: { status: "PUBLISHED" }, select: { number: true, policy: true } });
    if (!published) throw new Error("No published leveling policy to copy");
    const { _max } = await tx.levelingPolicyVersion.aggregate({ _max: { number: true } });
    const number = (_max.number ?? 0) + 1;
    const policy = { ...parseStoredPolicy(published.policy, published.number), version: number };
    const draft = await tx.levelingPolicyVersion.create({
      data: { number, policy: policy as unknown as Prisma.InputJsonValue, createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "policy.draft_start",
        entityType: "LevelingPolicyVersion",
        entityId: draft.id,
        details: { number, from: published.number },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true, id: draft.id, number } as const;
  });
}

/** Stores `policy` in the draft if nobody saved since `expectedVersion`; otherwise writes nothing. */
export async function savePolicyDraft(input: {
  draftId: string;
  expectedVersion: number;
  policy: LevelingPolicy;
  actor: Actor;
}): Promise<{ ok: true; version: number } | PolicyWriteFailure> {
  return getDb().$transaction(async (tx) => {
    const draft = await lockDraft(tx, input.draftId);
    if (!draft) return { ok: false, reason: "gone" } as const;
    if (draft.version !== input.expectedVersion) return { ok: false, reason: "conflict" } as const;
    const parsed = levelingPolicySchema.safeParse({ ...input.policy, version: draft.number });
    if (!parsed.success) {
      return {
        ok: false,
        reason: "invalid",
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
      } as const;
    }
    const version = draft.version + 1;
    await tx.levelingPolicyVersion.update({
      where: { id: draft.id },
      data: { policy: parsed.data as unknown as Prisma.InputJsonValue, version },
    });
    await recordAudit(
      {
        actorId: input.actor.id,
        action: "policy.draft_save",
        entityType: "LevelingPolicyVersion",
        entityId: draft.id,
        details: { number: draft.number, version },
        ipAddress: input.actor.ipAddress,
      },
      tx,
    );
    return { ok: true, version } as const;
  });
}

export async function discardPolicyDraft(input: {
  draftId: string;
  expectedVersion: number;
  actor: Actor;
}): Promise<{ ok: true; number: number } | PolicyWriteFailure> {
  return getDb().$transaction(async (tx) => {
    await lockPolicyVersions(tx);
    const draft = await lockDraft(tx, input.draftId);
    if (!draft) return { ok: false, reason: "gone" } as const;
    if (draft.version !== input.expectedVersion) return { ok: false, reason: "conflict" } as const;
    await tx.levelingPolicyVersion.delete({ where: { id: draft.id } });
    await recordAudit(
      {
        actorId: input.actor.id,
        action: "policy.draft_discard",
        entityType: "LevelingPolicyVersion",
        entityId: draft.id,
        details: { number: draft.number, version: draft.version },
        ipAddress: input.actor.ipAddress,
      },
      tx,
    );
    return { ok: true, number: draft.number } as const;
  });
}

/**
 * Publishes the draft the admin reviewed: the published version becomes RETIRED, the draft
 * PUBLISHED, and every stored recommendation is recomputed from its stored evidence under
 * it, all in one transaction. Recorded decisions keep the policy version they were made under.
 */
export async function publishPolicyDraft(input: {
  draftId: string;
  expectedVersion: number;
  actor: Actor;
}): Promise<{ ok: true; number: number; previous: number | null; recomputed: number; changed: number } | PolicyWriteFailure> {
  const result = await getDb().$transaction(async (tx) => {
    await lockPolicyVersions(tx);
    const draft = await lockDraft(tx, input.draftId);
    if (!draft) return { ok: false, reason: "gone" } as const;
    if (draft.version !== input.expectedVersion) return { ok: false, reason: "conflict" } as const;
    const parsed = levelingPolicySchema.safeParse({ ...(draft.policy as object), version: draft.number });
    if (!parsed.success) {
      return {
        ok: false,
        reason: "invalid",
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
      } as const;
    }
    const policy = parsed.data;
    const previous = await tx.levelingPolicyVersion.findFirst({ where: { status: "PUBLISHED" }, select: { id: true, number: true } });
    const now = new Date();
    if (previous) await tx.levelingPolicyVersion.update({ where: { id: previous.id }, data: { status: "RETIRED" } });
    await tx.levelingPolicyVersion.update({
      where: { id: draft.id },
      data: { status: "PUBLISHED", publishedAt: now, publishedById: input.actor.id, version: draft.version + 1 },
    });
    const { recomputed, changed } = await recomputeStoredRecommendations(tx, policy, now);
    await recordAudit(
      {
        actorId: input.actor.id,
        action: "policy.publish",
        entityType: "LevelingPolicyVersion",
        entityId: draft.id,
        details: { number: draft.number, previous: previous?.number ?? null, recomputed, changed },
        ipAddress: input.actor.ipAddress,
      },
      tx,
    );
    return { ok: true, number: draft.number, previous: previous?.number ?? null, recomputed, changed } as const;
  }, PUBLISH_TRANSACTION);
  return result;
}

type StoredRow = {
  candidateId: string;
  evidence: unknown;
  status: RecommendationStatus;
  level: Level | null;
  bandMin: number | null;
  bandMax: number | null;
  premiumMin: number | null;
  premiumMax: number | null;
};

/**
 * Levels every stored recommendation's evidence again under `policy` and writes the results
 * in batched UPDATEs (rows are locked first, so a scorecard submitted meanwhile waits and
 * then recomputes on top). Returns how many rows were rewritten and how many changed level or pay.
 */
async function recomputeStoredRecommendations(
  tx: Tx,
  policy: LevelingPolicy,
  now: Date,
): Promise<{ recomputed: number; changed: number }> {
  const rows = await tx.$queryRaw<StoredRow[]>`
    SELECT "candidateId"::text AS "candidateId", "evidence", "status"::text AS "status", "level"::text AS "level",
           "bandMin", "bandMax", "premiumMin", "premiumMax"
    FROM "CandidateRecommendation"
    ORDER BY "candidateId"
    FOR UPDATE`;
  const events: WebhookEventData["recommendation.changed"][] = [];
  const updates = rows.map((row) => {
    const recommendation = level(row.evidence as CandidateEvidence, policy);
    if (changedParts(storedOutcome(row), recommendation).length > 0) {
      events.push({
        candidateId: row.candidateId,
        policyVersion: policy.version,
        previous: { status: row.status, level: row.level },
        current: { status: recommendation.status, level: recommendation.level },
      });
    }
    return { candidateId: row.candidateId, ...recommendationColumns(recommendation) };
  });
  for (let start = 0; start < updates.length; start += RECOMPUTE_BATCH) {
    const batch = JSON.stringify(updates.slice(start, start + RECOMPUTE_BATCH));
    await tx.$executeRaw`
      UPDATE "CandidateRecommendation" AS r SET
        "policyVersion" = ${policy.version}::int,
        "status" = x."status"::"RecommendationStatus",
        "level" = x."level"::"LevelCode",
        "bandMin" = x."bandMin",
        "bandMax" = x."bandMax",
        "premiumMin" = x."premiumMin",
        "premiumMax" = x."premiumMax",
        "flags" = x."flags",
        "flagCount" = x."flagCount",
        "explanation" = x."explanation",
        "computedAt" = ${now}
      FROM jsonb_to_recordset(${batch}::jsonb) AS x(
        "candidateId" uuid, "status" text, "level" text, "bandMin" int, "bandMax" int,
        "premiumMin" int, "premiumMax" int, "flags" jsonb, "flagCount" int, "explanation" jsonb)
      WHERE r."candidateId" = x."candidateId"`;
  }
  await enqueueWebhookEvents(tx, "recommendation.changed", events, now);
  return { recomputed: rows.length, changed: events.length };
}

/**
 * Every stored recommendation with its candidate's name, in the simulation's input shape:
 * one query, only the columns the simulation needs.
 */
export async function loadSimulationRows(): Promise<SimulationRow[]> {
  const rows = await getDb().$queryRaw<(StoredRow & { name: string })[]>`
    SELECT r."candidateId"::text AS "candidateId", c."name", r."evidence", r."status"::text AS "status", r."level"::text AS "level",
           r."bandMin", r."bandMax", r."premiumMin", r."premiumMax"
    FROM "CandidateRecommendation" r
    JOIN "Candidate" c ON c."id" = r."candidateId"`;
  return rows.map((row) => ({
    candidateId: row.candidateId,
    name: row.name,
    evidence: row.evidence as CandidateEvidence,
    current: storedOutcome(row),
  }));
}

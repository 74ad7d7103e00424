import { diffRubrics } from "~/domain/rubrics/rubric-diff";
import { validateRubricDraft, type FieldErrors } from "~/domain/rubrics/rubric-validation";
import type { RubricDraft } from "~/domain/rubrics/types";
import type { ScreenAreaKey } from "~/domain/screen-areas";
import type { Prisma } from "~/generated/prisma/client";
import { getDb } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { criterionRows } from "./criterion-rows.server";
import { getRubricVersion, type RubricView } from "./rubric.server";

/*
 * Rubric versions as admins edit them. One draft per area at a time; a draft is edited
 * with optimistic concurrency (`version`); publishing retires the published version and
 * freezes the draft (database triggers refuse any later change to its criteria).
 *
 * Locks: starting, publishing and discarding a draft lock the area's ScreenArea row, so
 * they run one at a time per area; every write to a draft also locks the draft's row,
 * so a save and a publish of the same draft never interleave.
 */

export type Actor = { id: string; ipAddress?: string };

/** Why a draft operation wrote nothing; the route turns each into a status and a message. */
export type RubricWriteFailure =
  | { ok: false; reason: "not_found" }
  /** Another admin saved the draft since this one was loaded (409). */
  | { ok: false; reason: "conflict" }
  /** The draft was published or discarded meanwhile (409). */
  | { ok: false; reason: "gone" }
  | { ok: false; reason: "draft_exists"; number: number }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors };

type Tx = Prisma.TransactionClient;

export function toRubricDraft(view: Pick<RubricView, "areaKey" | "criteria">): RubricDraft {
  return {
    areaKey: view.areaKey as ScreenAreaKey,
    criteria: view.criteria.map(({ key, title, lookFor, weight, anchors, questions }) => ({ key, title, lookFor, weight, anchors, questions })),
  };
}

/** The five areas with their published version and open draft, for the rubric index. */
export async function listRubricAreas() {
  const areas = await getDb().screenArea.findMany({
    orderBy: { position: "asc" },
    select: {
      key: true,
      name: true,
      description: true,
      rubricVersions: {
        where: { status: { in: ["PUBLISHED", "DRAFT"] } },
        select: { number: true, status: true, publishedAt: true, createdAt: true, _count: { select: { criteria: true } } },
      },
    },
  });
  return areas.map((area) => {
    const published = area.rubricVersions.find((version) => version.status === "PUBLISHED");
    const draft = area.rubricVersions.find((version) => version.status === "DRAFT");
    return {
      key: area.key,
      name: area.name,
      description: area.description,
      published: published
        ? { number: published.number, publishedAt: published.publishedAt, criteriaCount: published._count.criteria }
        : null,
      draft: draft ? { number: draft.number, createdAt: draft.createdAt } : null,
    };
  });
}

/** Everything the editor of one area shows: published version, draft, their diff, history. */
export async function getRubricAdminView(areaKey: string) {
  const db = getDb();
  const area = await db.screenArea.findUnique({ where: { key: areaKey }, select: { key: true, name: true, description: true } });
  if (!area) return null;
  const versions = await db.rubricVersion.findMany({
    where: { areaKey },
    orderBy: { number: "desc" },
    select: { id: true, number: true, status: true, version: true, createdAt: true, createdById: true, publishedAt: true, publishedById: true },
  });
  const publishedRow = versions.find((version) => version.status === "PUBLISHED");
  const draftRow = versions.find((version) => version.status === "DRAFT");
  const [published, draft] = await Promise.all([
    publishedRow ? getRubricVersion(publishedRow.id) : null,
    draftRow ? getRubricVersion(draftRow.id) : null,
  ]);
  const peopleIds = [...new Set(versions.flatMap((version) => [version.createdById, version.publishedById]))].filter(
    (id): id is string => id !== null,
  );
  const people = new Map(
    (await db.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  const nameOf = (id: string | null) => (id ? (people.get(id) ?? "a former user") : "the installation");
  return {
    area,
    published: published && publishedRow ? { ...published, publishedAt: publishedRow.publishedAt, publishedBy: nameOf(publishedRow.publishedById) } : null,
    draft: draft && draftRow ? { ...draft, version: draftRow.version, createdAt: draftRow.createdAt, createdBy: nameOf(draftRow.createdById) } : null,
    changes: published && draft ? diffRubrics(toRubricDraft(published), toRubricDraft(draft)) : [],
    history: versions.map((version) => ({
      number: version.number,
      status: version.status,
      createdAt: version.createdAt,
      publishedAt: version.publishedAt,
      publishedBy: version.publishedAt ? nameOf(version.publishedById) : null,
    })),
  };
}

const criteriaSelect = {
  orderBy: { position: "asc" as const },
  select: { key: true, title: true, lookFor: true, weight: true, anchor1: true, anchor2: true, anchor3: true, anchor4: true, questions: true },
};

/** A version's criteria read through the transaction, as the domain's rubric shape. */
async function readRubric(tx: Tx, id: string): Promise<RubricDraft> {
  const row = await tx.rubricVersion.findUniqueOrThrow({ where: { id }, select: { areaKey: true, criteria: criteriaSelect } });
  return {
    areaKey: row.areaKey as ScreenAreaKey,
    criteria: row.criteria.map((c) => ({
      key: c.key,
      title: c.title,
      lookFor: c.lookFor,
      weight: c.weight,
      anchors: { 1: c.anchor1, 2: c.anchor2, 3: c.anchor3, 4: c.anchor4 },
      questions: c.questions ?? [],
    })),
  };
}

async function lockArea(tx: Tx, areaKey: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ key: string }[]>`SELECT "key" FROM "ScreenArea" WHERE "key" = ${areaKey} FOR UPDATE`;
  return rows.length === 1;
}

/** The draft's row, locked; null when it is no longer a draft of this area. */
async function lockDraft(tx: Tx, areaKey: string, draftId: string) {
  const [row] = await tx.$queryRaw<{ id: string; number: number; version: number }[]>`
    SELECT "id", "number", "version" FROM "RubricVersion"
    WHERE "id" = ${draftId}::uuid AND "areaKey" = ${areaKey} AND "status" = 'DRAFT'
    FOR UPDATE`;
  return row ?? null;
}

/** Copies the published version into a new draft numbered after every existing version. */
export async function startRubricDraft(
  areaKey: string,
  actor: Actor,
): Promise<{ ok: true; id: string; number: number } | RubricWriteFailure> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockArea(tx, areaKey))) return { ok: false, reason: "not_found" } as const;
    const existing = await tx.rubricVersion.findFirst({ where: { areaKey, status: "DRAFT" }, select: { number: true } });
    if (existing) return { ok: false, reason: "draft_exists", number: existing.number } as const;
    const { _max } = await tx.rubricVersion.aggregate({ where: { areaKey }, _max: { number: true } });
    const number = (_max.number ?? 0) + 1;
    const publishedRow = await tx.rubricVersion.findFirst({ where: { areaKey, status: "PUBLISHED" }, select: { id: true, number: true } });
    const published = publishedRow ? await readRubric(tx, publishedRow.id) : null;
    const draft = await tx.rubricVersion.create({
      data: {
        areaKey,
        number,
        createdById: actor.id,
        criteria: { create: published ? criterionRows(published) : [] },
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "rubric.draft_start",
        entityType: "RubricVersion",
        entityId: draft.id,
        details: { areaKey, number, from: publishedRow?.number ?? null },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true, id: draft.id, number } as const;
  });
}

/**
 * Replaces the draft's criteria with `rubric` if nobody saved since `expectedVersion`;
 * otherwise writes nothing. The caller validated `rubric`; it is validated again here
 * because a stored draft must always be publishable.
 */
export async function saveRubricDraft(input: {
  areaKey: string;
  draftId: string;
  expectedVersion: number;
  rubric: RubricDraft;
  actor: Actor;
}): Promise<{ ok: true; version: number } | RubricWriteFailure> {
  const validated = validateRubricDraft({ ...input.rubric, areaKey: input.areaKey });
  if (!validated.success) return { ok: false, reason: "invalid", fieldErrors: validated.fieldErrors };
  return getDb().$transaction(async (tx) => {
    const draft = await lockDraft(tx, input.areaKey, input.draftId);
    if (!draft) return { ok: false, reason: "gone" } as const;
    if (draft.version !== input.expectedVersion) return { ok: false, reason: "conflict" } as const;
    // Allowed while the version is a draft (the Criterion trigger checks it).
    await tx.criterion.deleteMany({ where: { rubricVersionId: draft.id } });
    await tx.criterion.createMany({ data: criterionRows(validated.rubric).map((row) => ({ ...row, rubricVersionId: draft.id })) });
    const version = draft.version + 1;
    await tx.rubricVersion.update({ where: { id: draft.id }, data: { version } });
    await recordAudit(
      {
        actorId: input.actor.id,
        action: "rubric.draft_save",
        entityType: "RubricVersion",
        entityId: draft.id,
        details: { areaKey: input.areaKey, number: draft.number, version, criteria: validated.rubric.criteria.length },
        ipAddress: input.actor.ipAddress,
      },
      tx,
    );
    return { ok: true, version } as const;
  });
}

/**
 * Publishes the draft the admin reviewed (`expectedVersion`): the published version
 * becomes RETIRED, the draft PUBLISHED. Interviews without a scorecard use it from now on;
 * scorecards already started stay on the version they pinned.
 */
export async function publishRubricDraft(input: {
  areaKey: string;
  draftId: string;
  expectedVersion: number;
  actor: Actor;
}): Promise<{ ok: true; number: number; previous: number | null } | RubricWriteFailure> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockArea(tx, input.areaKey))) return { ok: false, reason: "not_found" } as const;
    const draft = await lockDraft(tx, input.areaKey, input.draftId);
    if (!draft) return { ok: false, reason: "gone" } as const;
    if (draft.version !== input.expectedVersion) return { ok: false, reason: "conflict" } as const;
    const validated = validateRubricDraft(await readRubric(tx, draft.id));
    if (!validated.success) return { ok: false, reason: "invalid", fieldErrors: validated.fieldErrors } as const;

    const previousRow = await tx.rubricVersion.findFirst({
      where: { areaKey: input.areaKey, status: "PUBLISHED" },
      select: { id: true, number: true },
    });
    const previous = previousRow ? await readRubric(tx, previousRow.id) : null;
    if (previousRow) await tx.rubricVersion.update({ where: { id: previousRow.id }, data: { status: "RETIRED" } });
    await tx.rubricVersion.update({
      where: { id: draft.id },
      data: { status: "PUBLISHED", publishedAt: new Date(), publishedById: input.actor.id, version: draft.version + 1 },
    });
    const changes = previous ? diffRubrics(previous, validated.rubric) : [];
    await recordAudit(
      {
        actorId: input.actor.id,
        action: "rubric.publish",
        entityType: "RubricVersion",
        entityId: draft.id,
        details: {
          areaKey: input.areaKey,
          number: draft.number,
          previous: previousRow?.number ?? null,
          changes: changes.map((change) => (change.kind === "anchor_changed" ? `${change.kind}:${change.key}:${change.score}` : `${change.kind}:${change.key}`)),
        },
        ipAddress: input.actor.ipAddress,
      },
      tx,
    );
    return { ok: true, number: draft.number, previous: previousRow?.number ?? null } as const;
  });
}

/** Deletes the draft the admin reviewed; its number is free again for the next draft. */
export async function discardRubricDraft(input: {
  areaKey: string;
  draftId: string;
  expectedVersion: number;
  actor: Actor;
}): Promise<{ ok: true; number: number } | RubricWriteFailure> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockArea(tx, input.areaKey))) return { ok: false, reason: "not_found" } as const;
    const draft = await lockDraft(tx, input.areaKey, input.draftId);
    if (!draft) return { ok: false, reason: "gone" } as const;
    if (draft.version !== input.expectedVersion) return { ok: false, reason: "conflict" } as const;
    // Criteria first, while the version is still visibly a draft to the Criterion trigger.
    await tx.criterion.deleteMany({ where: { rubricVersionId: draft.id } });
    await tx.rubricVersion.delete({ where: { id: draft.id } });
    await recordAudit(
      {
        actorId: input.actor.id,
        action: "rubric.draft_discard",
        entityType: "RubricVersion",
        entityId: draft.id,
        details: { areaKey: input.areaKey, number: draft.number, version: draft.version },
        ipAddress: input.actor.ipAddress,
      },
      tx,
    );
    return { ok: true, number: draft.number } as const;
  });
}

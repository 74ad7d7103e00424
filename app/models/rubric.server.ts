import type { RubricAnchors } from "~/domain/rubrics/types";
import type { ScreenAreaKey } from "~/domain/screen-areas";
import { getDb } from "~/utils/db.server";

export type RubricCriterionView = {
  id: string;
  key: string;
  title: string;
  lookFor: string;
  weight: number;
  anchors: RubricAnchors;
  /** Interview kit: suggested questions and follow-ups. */
  questions: string[];
};

export type RubricView = {
  id: string;
  areaKey: string;
  number: number;
  /** Published at some point (now or retired since): its criteria can never change again. */
  frozen: boolean;
  criteria: RubricCriterionView[];
};

const rubricSelect = {
  id: true,
  areaKey: true,
  number: true,
  status: true,
  criteria: { orderBy: { position: "asc" as const } },
};

type RubricRow = {
  id: string;
  areaKey: string;
  number: number;
  status: string;
  criteria: {
    id: string;
    key: string;
    title: string;
    lookFor: string;
    weight: number;
    anchor1: string;
    anchor2: string;
    anchor3: string;
    anchor4: string;
    questions: string[] | null;
  }[];
};

function toView(row: RubricRow): RubricView {
  return {
    id: row.id,
    areaKey: row.areaKey,
    number: row.number,
    frozen: row.status !== "DRAFT",
    criteria: row.criteria.map((c) => ({
      id: c.id,
      key: c.key,
      title: c.title,
      lookFor: c.lookFor,
      weight: c.weight,
      anchors: { 1: c.anchor1, 2: c.anchor2, 3: c.anchor3, 4: c.anchor4 },
      questions: c.questions ?? [],
    })),
  };
}

/*
 * Frozen versions, kept by id: database triggers refuse any change to a published
 * version's criteria, so a copy read once stays true, and every scorecard page, save and
 * submit skips reading (and parsing) its rubric again. Versions are few (one per publish).
 */
const frozenVersions = new Map<string, RubricView>();

function remember(view: RubricView): RubricView {
  if (!view.frozen) return view;
  // Shared by every request from now on: frozen in memory too, so no caller can edit it.
  for (const criterion of view.criteria) {
    Object.freeze(criterion.questions);
    Object.freeze(criterion.anchors);
    Object.freeze(criterion);
  }
  Object.freeze(view.criteria);
  frozenVersions.set(view.id, Object.freeze(view));
  return view;
}

/** The version new scorecards of this area are filled against. */
export async function getPublishedRubric(areaKey: ScreenAreaKey | string): Promise<RubricView | null> {
  const db = getDb();
  // Which version is published can change at any time (from any process): always asked.
  const current = await db.rubricVersion.findFirst({
    where: { areaKey, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  return current && getRubricVersion(current.id);
}

export async function getRubricVersion(id: string): Promise<RubricView | null> {
  const cached = frozenVersions.get(id);
  if (cached) return cached;
  const row = await getDb().rubricVersion.findUnique({ where: { id }, select: rubricSelect });
  return row && remember(toView(row));
}

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

export type RubricView = { id: string; areaKey: string; number: number; status: string; criteria: RubricCriterionView[] };

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
    status: row.status,
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

/** The version new scorecards of this area are filled against. */
export async function getPublishedRubric(areaKey: ScreenAreaKey | string): Promise<RubricView | null> {
  const row = await getDb().rubricVersion.findFirst({
    where: { areaKey, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: rubricSelect,
  });
  return row && toView(row);
}

export async function getRubricVersion(id: string): Promise<RubricView | null> {
  const row = await getDb().rubricVersion.findUnique({ where: { id }, select: rubricSelect });
  return row && toView(row);
}

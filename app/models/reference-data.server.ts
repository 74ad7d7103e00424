import { DEFAULT_RUBRICS } from "~/domain/rubrics/default-rubrics";
import { SCREEN_AREA_DESCRIPTIONS, SCREEN_AREA_KEYS, SCREEN_AREA_NAMES } from "~/domain/screen-areas";
import type { Db } from "~/utils/db.server";
import { criterionRows } from "./criterion-rows.server";
import { ensureDefaultPolicy } from "./policy.server";

/**
 * Data every installation needs, demo or not: the five screen areas, version 1 of each
 * rubric (with the interview kit's suggested questions) and of the leveling policy.
 * Idempotent: what exists is left alone, so a database created before the kit existed
 * keeps its version 1 without questions until an admin adds them in a new version.
 */
export async function ensureReferenceData(db: Db): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const [position, key] of SCREEN_AREA_KEYS.entries()) {
      await tx.screenArea.upsert({
        where: { key },
        update: {},
        create: { key, position, name: SCREEN_AREA_NAMES[key], description: SCREEN_AREA_DESCRIPTIONS[key] },
      });
      if (await tx.rubricVersion.findFirst({ where: { areaKey: key }, select: { id: true } })) continue;
      // Criteria can only be written into a draft (a database trigger enforces it): create, then publish.
      const draft = await tx.rubricVersion.create({
        select: { id: true },
        data: {
          areaKey: key,
          number: 1,
          criteria: { create: criterionRows(DEFAULT_RUBRICS[key]) },
        },
      });
      await tx.rubricVersion.update({ where: { id: draft.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    }
    await ensureDefaultPolicy(tx);
  });
}

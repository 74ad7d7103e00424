import { PRODUCTION_CAPABILITIES, type ProductionCapability } from "~/domain/scorecards/scorecard-fields";
import type { ScreenAreaKey } from "~/domain/screen-areas";
import type { Db } from "~/utils/db.server";

export type FormFields = Record<string, string>;

export async function publishedCriteria(db: Db, areaKey: ScreenAreaKey) {
  const rubric = await db.rubricVersion.findFirstOrThrow({
    where: { areaKey, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: { id: true, criteria: { orderBy: { position: "asc" }, select: { id: true, key: true, weight: true } } },
  });
  return rubric;
}

/** A complete scorecard form as a browser posts it: every criterion rated with evidence. */
export function completeScorecardForm(
  rubric: { id: string; criteria: { key: string }[] },
  options: { score?: number; evidenced?: ProductionCapability[]; version?: number } = {},
): FormFields {
  const fields: FormFields = {
    rubricVersionId: rubric.id,
    version: String(options.version ?? 0),
    recommendation: "yes",
    levelSignal: "IC4",
    lifecycleOwnership: "yes",
    sharedInfrastructure: "no",
  };
  for (const criterion of rubric.criteria) {
    fields[`ratings.${criterion.key}.score`] = String(options.score ?? 3);
    fields[`ratings.${criterion.key}.evidence`] = `Concrete evidence observed for ${criterion.key} during the screen.`;
  }
  for (const capability of PRODUCTION_CAPABILITIES) {
    const evidenced = options.evidenced?.includes(capability);
    fields[`production.${capability}.status`] = evidenced ? "evidenced" : "not_discussed";
    if (evidenced) fields[`production.${capability}.note`] = `Described running ${capability} in production.`;
  }
  return fields;
}

/** Candidate, interviews and users wired together directly in the database. */
export async function createCandidateWithInterviews(
  db: Db,
  assignments: { areaKey: ScreenAreaKey; interviewerId: string; hoursAgo?: number }[],
  candidate: { name?: string; track?: "IC" | "M"; faangExperience?: boolean } = {},
) {
  const created = await db.candidate.create({
    data: {
      name: candidate.name ?? "Ana Test",
      email: `candidate-${crypto.randomUUID()}@test.example`,
      country: "Colombia",
      currentTitle: "ML Engineer",
      yearsExperience: 6,
      track: candidate.track ?? "IC",
      faangExperience: candidate.faangExperience ?? false,
    },
  });
  const interviews = [];
  for (const assignment of assignments) {
    interviews.push(
      await db.interview.create({
        data: {
          candidateId: created.id,
          areaKey: assignment.areaKey,
          interviewerId: assignment.interviewerId,
          scheduledAt: new Date(Date.now() - (assignment.hoursAgo ?? 2) * 3_600_000),
        },
      }),
    );
  }
  return { candidate: created, interviews };
}

import { scoreScorecard } from "~/domain/leveling";
import type { ProductionCapability } from "~/domain/scorecards/scorecard-fields";
import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "~/domain/screen-areas";
import type { Level } from "~/domain/levels";
import type { Prisma } from "~/generated/prisma/client";
import { recomputeRecommendation } from "~/models/recommendation.server";
import type { Db } from "~/utils/db.server";

type DemoEvaluation = {
  candidateEmail: string;
  /** Target mean per area; an area left out gets no interview. */
  areas: Partial<Record<ScreenAreaKey, number>>;
  /** Areas whose interview happened but whose scorecard is still a draft or not started. */
  pending?: ScreenAreaKey[];
  /** Areas interviewed tomorrow. */
  upcoming?: ScreenAreaKey[];
  evidenced: ProductionCapability[];
  lifecycleOwnership: boolean;
  sharedInfrastructure: boolean;
  peopleManagement: boolean;
  levelSignal: Level;
};

/** Stories the demo tells: a Staff engineer, a capped researcher, a manager, work in progress. */
const EVALUATIONS: DemoEvaluation[] = [
  {
    candidateEmail: "tomas.rojas@example.org",
    areas: { problem_formulation: 3.6, feature_engineering: 3.8, model_development: 3.6, ml_system_design: 4, code_quality: 3.6 },
    evidenced: ["serving", "monitoring", "featureStore", "modelCicd"],
    lifecycleOwnership: true,
    sharedInfrastructure: true,
    peopleManagement: false,
    levelSignal: "IC5",
  },
  {
    candidateEmail: "gabriel.souza@example.org",
    areas: { problem_formulation: 3, feature_engineering: 3.2, model_development: 3, ml_system_design: 3.4, code_quality: 3.4 },
    evidenced: ["monitoring", "modelCicd"],
    lifecycleOwnership: true,
    sharedInfrastructure: false,
    peopleManagement: false,
    levelSignal: "IC4",
  },
  {
    candidateEmail: "andres.castillo@example.org",
    areas: { problem_formulation: 3.4, feature_engineering: 3.6, model_development: 4, ml_system_design: 3.6, code_quality: 3.2 },
    evidenced: [],
    lifecycleOwnership: false,
    sharedInfrastructure: false,
    peopleManagement: false,
    levelSignal: "IC5",
  },
  {
    candidateEmail: "florencia.acosta@example.org",
    areas: { problem_formulation: 3.4, feature_engineering: 3, model_development: 3.2, ml_system_design: 3.2, code_quality: 3 },
    evidenced: ["serving", "monitoring"],
    lifecycleOwnership: true,
    sharedInfrastructure: false,
    peopleManagement: true,
    levelSignal: "M1",
  },
  {
    candidateEmail: "daniela.vargas@example.org",
    areas: { problem_formulation: 2.8, feature_engineering: 3 },
    pending: ["model_development"],
    upcoming: ["ml_system_design"],
    evidenced: ["serving"],
    lifecycleOwnership: false,
    sharedInfrastructure: false,
    peopleManagement: false,
    levelSignal: "IC3",
  },
  {
    candidateEmail: "renata.morales@example.org",
    areas: {},
    upcoming: ["code_quality", "problem_formulation"],
    evidenced: [],
    lifecycleOwnership: false,
    sharedInfrastructure: false,
    peopleManagement: false,
    levelSignal: "M1",
  },
];

/** Whole-point scores for n criteria whose plain mean is as close to `target` as n allows. */
function scoresFor(target: number, count: number): number[] {
  const low = Math.floor(target);
  const highCount = Math.round((target - low) * count);
  return Array.from({ length: count }, (_, index) => Math.min(4, index < highCount ? low + 1 : low));
}

const DAY = 86_400_000;

/**
 * Interviews and submitted scorecards for the demo candidates, so every page has something
 * real to show. Skipped for a candidate that already has interviews (idempotent).
 */
export async function seedDemoEvaluations(db: Db): Promise<number> {
  const interviewers = await db.user.findMany({
    where: { email: { startsWith: "interviewer" }, roles: { has: "INTERVIEWER" } },
    orderBy: { email: "asc" },
    select: { id: true },
  });
  const rubrics = await db.rubricVersion.findMany({
    where: { status: "PUBLISHED" },
    select: { id: true, areaKey: true, criteria: { orderBy: { position: "asc" }, select: { id: true, key: true, title: true, weight: true } } },
  });
  let seeded = 0;
  for (const [candidateIndex, evaluation] of EVALUATIONS.entries()) {
    const candidate = await db.candidate.findUnique({ where: { email: evaluation.candidateEmail }, select: { id: true, _count: { select: { interviews: true } } } });
    if (!candidate || candidate._count.interviews > 0) continue;
    await db.$transaction(async (tx) => {
      for (const [areaIndex, areaKey] of SCREEN_AREA_KEYS.entries()) {
        const target = evaluation.areas[areaKey];
        const upcoming = evaluation.upcoming?.includes(areaKey);
        if (target === undefined && !upcoming && !evaluation.pending?.includes(areaKey)) continue;
        const interviewer = interviewers[(candidateIndex + areaIndex) % interviewers.length]!;
        const interview = await tx.interview.create({
          data: {
            candidateId: candidate.id,
            areaKey,
            interviewerId: interviewer.id,
            scheduledAt: new Date(Date.now() + (upcoming ? DAY : -(7 - areaIndex) * DAY)),
          },
        });
        const rubric = rubrics.find((row) => row.areaKey === areaKey)!;
        if (target === undefined) continue;
        await submitDemoScorecard(tx, interview.id, rubric, scoresFor(target, rubric.criteria.length), evaluation, interviewer.id);
      }
      await recomputeRecommendation(tx, candidate.id);
    });
    seeded++;
  }
  return seeded;
}

async function submitDemoScorecard(
  tx: Prisma.TransactionClient,
  interviewId: string,
  rubric: { id: string; criteria: { id: string; key: string; title: string; weight: number }[] },
  scores: number[],
  evaluation: DemoEvaluation,
  interviewerId: string,
) {
  const ratings = rubric.criteria.map((criterion, index) => ({
    criterionId: criterion.id,
    score: scores[index] as 1 | 2 | 3 | 4,
    evidence: `Demo evidence: discussed ${criterion.title.toLowerCase()} with a concrete example from their last role.`,
  }));
  const yesNo = (value: boolean) => (value ? "yes" : "no");
  const production = (["serving", "monitoring", "featureStore", "modelCicd"] as const).map((capability) => ({
    capability,
    status: evaluation.evidenced.includes(capability) ? ("evidenced" as const) : ("not_evidenced" as const),
    note: evaluation.evidenced.includes(capability) ? `Ran ${capability} in production for a customer-facing model.` : "",
  }));
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const recommendation = mean >= 3.5 ? "strong_yes" : mean >= 2.75 ? "yes" : "no";
  const submitted = {
    ratings: Object.fromEntries(rubric.criteria.map((criterion, index) => [criterion.key, { score: ratings[index]!.score, evidence: ratings[index]!.evidence }])),
    recommendation,
    levelSignal: evaluation.levelSignal,
    production: Object.fromEntries(production.map((item) => [item.capability, { status: item.status, ...(item.note ? { note: item.note } : {}) }])),
    lifecycleOwnership: yesNo(evaluation.lifecycleOwnership),
    sharedInfrastructure: yesNo(evaluation.sharedInfrastructure),
    peopleManagement: yesNo(evaluation.peopleManagement),
  };
  const scorecard = await tx.scorecard.create({
    select: { id: true },
    data: {
      interviewId,
      rubricVersionId: rubric.id,
      draft: submitted,
      version: 2,
      submittedAt: new Date(),
      overallRecommendation: recommendation,
      levelSignal: evaluation.levelSignal,
      lifecycleOwnership: evaluation.lifecycleOwnership,
      sharedInfrastructure: evaluation.sharedInfrastructure,
      peopleManagement: evaluation.peopleManagement,
      weightedScore: scoreScorecard(ratings, { id: rubric.id, criteria: rubric.criteria }),
      ratings: { create: ratings },
      production: { create: production },
    },
  });
  await tx.auditEvent.create({
    data: { actorId: interviewerId, action: "scorecard.submit", entityType: "Scorecard", entityId: scorecard.id, details: { interviewId, demo: true } },
  });
}

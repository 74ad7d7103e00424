import { randomUUID } from "node:crypto";
import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "~/domain/screen-areas";
import type { Db } from "~/utils/db.server";
import { createTestUser, login, TEST_PASSWORD, type TestUser } from "../support/fixtures";
import { completeScorecardForm, createCandidateWithInterviews, publishedCriteria, type FormFields } from "../support/scorecards";
import type { TestApp } from "../support/test-app";

/**
 * The people of the security tests and the data they act on, built through the app's own
 * HTTP forms where that is what users do (drafts, submissions) and directly in the database
 * where the test only needs the data to exist.
 */

export const ACTORS = ["anonymous", "assigned", "unassigned", "recruiter", "admin"] as const;
export type ActorKey = (typeof ACTORS)[number];

/**
 * A: interviewer of candidate C with a draft (not submitted) — the default "assigned";
 * B: interviewer of C who submitted; P: a peer on C who submitted;
 * out: an interviewer with interviews of their own (candidate D), none of C's;
 * recruiter and admin hold only that role.
 */
export type CastMember = "A" | "B" | "P" | "out" | "recruiter" | "admin";
export type Cast = Record<CastMember, TestUser> & { cookies: Record<CastMember, string> };

export async function createCast(app: TestApp): Promise<Cast> {
  const [A, B, P, out, recruiter, admin] = await Promise.all([
    createTestUser(["INTERVIEWER"]),
    createTestUser(["INTERVIEWER"]),
    createTestUser(["INTERVIEWER"]),
    createTestUser(["INTERVIEWER"]),
    createTestUser(["RECRUITER"]),
    createTestUser(["ADMIN"]),
  ]);
  const members = { A, B, P, out, recruiter, admin };
  const cookies = {} as Record<CastMember, string>;
  for (const [key, user] of Object.entries(members) as [CastMember, TestUser][]) cookies[key] = await login(app, user);
  return { ...members, cookies };
}

export type Person = { id: string; name: string; email: string };

/** Shared read-only data for GET checks. */
export type World = {
  /** C: interviewed by A (draft), B and P (submitted). */
  candidate: Person;
  /** D: interviewed by `out` only (draft). */
  other: Person;
  interviews: Record<"A" | "B" | "P" | "out", string>;
  scorecards: Record<"A" | "B" | "P" | "out", string>;
};

/** A partly filled scorecard form, as autosave posts it. */
export async function draftForm(db: Db, areaKey: ScreenAreaKey, version = 0): Promise<FormFields> {
  const rubric = await publishedCriteria(db, areaKey);
  const [first] = rubric.criteria;
  return {
    intent: "save-draft",
    version: String(version),
    rubricVersionId: rubric.id,
    [`ratings.${first!.key}.score`]: "2",
    [`ratings.${first!.key}.evidence`]: "Half-written notes from the screen.",
  };
}

export async function submitForm(db: Db, areaKey: ScreenAreaKey, version = 0): Promise<FormFields> {
  const rubric = await publishedCriteria(db, areaKey);
  return { ...completeScorecardForm(rubric, { version, evidenced: ["serving"] }), intent: "submit" };
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}, expected ${status}: ${(await response.text()).slice(0, 300)}`);
}

/** Saves a draft through the scorecard form; returns the scorecard id. */
export async function saveDraftOverHttp(app: TestApp, db: Db, cookie: string, interviewId: string, areaKey: ScreenAreaKey) {
  await expectStatus(await app.request(`/interviews/${interviewId}`, { cookie, form: await draftForm(db, areaKey) }), 200, "save-draft");
  return (await db.scorecard.findUniqueOrThrow({ where: { interviewId }, select: { id: true } })).id;
}

/** Submits a complete scorecard through the form (which also recomputes the recommendation). */
export async function submitOverHttp(app: TestApp, db: Db, cookie: string, interviewId: string, areaKey: ScreenAreaKey) {
  await expectStatus(await app.request(`/interviews/${interviewId}`, { cookie, form: await submitForm(db, areaKey) }), 302, "submit");
  return (await db.scorecard.findUniqueOrThrow({ where: { interviewId }, select: { id: true } })).id;
}

export const uniqueName = (prefix: string) => `${prefix} ${randomUUID().slice(0, 6)}`;

export async function createWorld(app: TestApp, db: Db, cast: Cast): Promise<World> {
  const c = await createCandidateWithInterviews(
    db,
    [
      { areaKey: "problem_formulation", interviewerId: cast.A.id },
      { areaKey: "feature_engineering", interviewerId: cast.B.id },
      { areaKey: "model_development", interviewerId: cast.P.id },
    ],
    { name: uniqueName("Camila Matrix") },
  );
  const d = await createCandidateWithInterviews(db, [{ areaKey: "code_quality", interviewerId: cast.out.id }], {
    name: uniqueName("Diego Other"),
  });
  const [iA, iB, iP] = c.interviews.map((interview) => interview.id) as [string, string, string];
  const iOut = d.interviews[0]!.id;
  const scorecards = {
    A: await saveDraftOverHttp(app, db, cast.cookies.A, iA, "problem_formulation"),
    B: await submitOverHttp(app, db, cast.cookies.B, iB, "feature_engineering"),
    P: await submitOverHttp(app, db, cast.cookies.P, iP, "model_development"),
    out: await saveDraftOverHttp(app, db, cast.cookies.out, iOut, "code_quality"),
  };
  const person = (row: { id: string; name: string; email: string }): Person => ({ id: row.id, name: row.name, email: row.email });
  return {
    candidate: person(c.candidate),
    other: person(d.candidate),
    interviews: { A: iA, B: iB, P: iP, out: iOut },
    scorecards,
  };
}

/**
 * A candidate with a submitted scorecard in every area (all criteria at 3 with evidence,
 * serving evidenced, lifecycle owned) and the stored recommendation the submit computes:
 * IC4, band 7,000–10,000 under the default policy. `interviewers` gives each area's author.
 */
export async function createRecommendedCandidate(
  db: Db,
  interviewers: Partial<Record<ScreenAreaKey, string>> & { default: string },
  candidate: { name?: string; faangExperience?: boolean } = {},
) {
  const { recomputeRecommendation } = await import("~/models/recommendation.server");
  const created = await createCandidateWithInterviews(
    db,
    SCREEN_AREA_KEYS.map((areaKey) => ({ areaKey, interviewerId: interviewers[areaKey] ?? interviewers.default, hoursAgo: 30 })),
    { name: candidate.name ?? uniqueName("Renata Recommended"), faangExperience: candidate.faangExperience ?? true },
  );
  const scorecards: string[] = [];
  await db.$transaction(async (tx) => {
    for (const interview of created.interviews) {
      const rubric = await tx.rubricVersion.findFirstOrThrow({
        where: { areaKey: interview.areaKey, status: "PUBLISHED" },
        orderBy: { number: "desc" },
        select: { id: true, criteria: { select: { id: true, key: true } } },
      });
      const scorecard = await tx.scorecard.create({
        data: {
          interviewId: interview.id,
          rubricVersionId: rubric.id,
          submittedAt: new Date(),
          overallRecommendation: "yes",
          levelSignal: "IC4",
          lifecycleOwnership: true,
          sharedInfrastructure: false,
          peopleManagement: false,
          weightedScore: 3,
          draft: {},
        },
      });
      scorecards.push(scorecard.id);
      await tx.scorecardRating.createMany({
        data: rubric.criteria.map((criterion) => ({
          scorecardId: scorecard.id,
          criterionId: criterion.id,
          score: 3,
          evidence: `Walked through the ${criterion.key} of a fraud model they run in production.`,
        })),
      });
      await tx.scorecardProductionEvidence.create({
        data: { scorecardId: scorecard.id, capability: "serving", status: "evidenced", note: "Serves it behind a feature store." },
      });
    }
  });
  await db.$transaction((tx) => recomputeRecommendation(tx, created.candidate.id));
  const recommendation = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: created.candidate.id } });
  return { candidate: created.candidate, interviews: created.interviews, scorecards, recommendation };
}

/** A throwaway account an admin action can be aimed at. */
export async function createTarget(roles: TestUser["roles"] = ["INTERVIEWER"]): Promise<TestUser> {
  return createTestUser(roles);
}

export { TEST_PASSWORD };

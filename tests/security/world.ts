import { randomUUID } from "node:crypto";
import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "~/domain/screen-areas";
import type { Role } from "~/generated/prisma/enums";
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

// ---------------------------------------------------------------------------------------
// Independent scoring with people who hold several roles (issue 11, item 3).

/** Every non-empty set of roles. */
export const ROLE_SETS: readonly (readonly Role[])[] = [
  ["INTERVIEWER"],
  ["RECRUITER"],
  ["ADMIN"],
  ["INTERVIEWER", "RECRUITER"],
  ["INTERVIEWER", "ADMIN"],
  ["RECRUITER", "ADMIN"],
  ["INTERVIEWER", "RECRUITER", "ADMIN"],
];

/**
 * A person's part in candidate X: none (not assigned); owes (assigned, nothing submitted);
 * submitted (assigned, submitted); half (two interviews on X, one submitted). Someone without
 * the interviewer role who is assigned lost the role after the assignment (or submission).
 */
export const BLIND_STATES = ["none", "owes", "submitted", "half"] as const;
export type BlindState = (typeof BLIND_STATES)[number];

/** Scores on X are withheld from whoever still owes a scorecard for X, whatever their roles. */
export const isBlind = (state: BlindState) => state === "owes" || state === "half";

export type BlindActor = {
  key: string;
  roles: readonly Role[];
  state: BlindState;
  user: TestUser;
  cookie: string;
  /** Their interviews on X (0, 1 or 2), the submitted one first. */
  interviews: string[];
  /** Their own submitted scorecards on X. */
  ownScorecards: string[];
};

export type BlindWorld = {
  /** X: scored in every area by the colleague Q (with markers), and by the actors as their state says; decided. */
  candidate: Person;
  /** X's stored recommended level (for list filters). */
  level: string;
  colleagueScorecards: string[];
  /** Text and numbers only Q's scorecards, their audit lines and X's decision hold. */
  markers: string[];
  /** Q's weighted score, as stored (the pages show it with two decimals). */
  colleagueScore: number;
  actors: BlindActor[];
};

const COLLEAGUE_SCORE = 1.2345;

/**
 * Candidate X and the 28 multi-role actors (7 role sets × 4 states). Q's scorecards are
 * written directly (with markers in the evidence, notes and audit lines); the actors submit
 * through the scorecard form, as interviewers do, and only then get their final roles.
 */
export async function createBlindWorld(app: TestApp, db: Db): Promise<BlindWorld> {
  const { recordAudit } = await import("~/models/audit.server");
  const { recordDecision } = await import("~/models/decision.server");
  const { recomputeRecommendation } = await import("~/models/recommendation.server");
  const tag = randomUUID().slice(0, 8);
  const colleague = await createTestUser(["INTERVIEWER"]);
  const created = await createCandidateWithInterviews(
    db,
    SCREEN_AREA_KEYS.map((areaKey) => ({ areaKey, interviewerId: colleague.id, hoursAgo: 30 })),
    { name: uniqueName("Ximena Blind"), faangExperience: true },
  );
  const markers = [`BLINDMARK-${tag}-decision-reason`];
  const colleagueScorecards: string[] = [];
  for (const interview of created.interviews) {
    const rubric = await publishedCriteria(db, interview.areaKey as ScreenAreaKey);
    const evidence = `BLINDMARK-${tag}-${interview.areaKey}-evidence`;
    const note = `BLINDMARK-${tag}-${interview.areaKey}-note`;
    markers.push(evidence, note);
    const scorecard = await db.scorecard.create({
      data: {
        interviewId: interview.id,
        rubricVersionId: rubric.id,
        submittedAt: new Date(),
        overallRecommendation: "yes",
        levelSignal: "IC4",
        lifecycleOwnership: true,
        sharedInfrastructure: false,
        peopleManagement: false,
        weightedScore: COLLEAGUE_SCORE,
        draft: {},
        ratings: { create: rubric.criteria.map((criterion) => ({ criterionId: criterion.id, score: 3, evidence })) },
        production: { create: { capability: "serving", status: "evidenced", note } },
      },
    });
    colleagueScorecards.push(scorecard.id);
    await recordAudit({
      actorId: colleague.id,
      action: "scorecard.submit",
      entityType: "Scorecard",
      entityId: scorecard.id,
      details: { interviewId: interview.id, rubricVersionId: rubric.id, weightedScore: COLLEAGUE_SCORE, recommendation: "yes" },
    });
  }

  const [first, second] = ["problem_formulation", "ml_system_design"] as const;
  const actors: BlindActor[] = [];
  for (const roles of ROLE_SETS) {
    for (const state of BLIND_STATES) {
      const user = await createTestUser([...new Set<Role>(["INTERVIEWER", ...roles])]);
      const areas = state === "none" ? [] : state === "half" ? [first, second] : [first];
      const interviews = [];
      for (const areaKey of areas) {
        const interview = await db.interview.create({
          data: { candidateId: created.candidate.id, areaKey, interviewerId: user.id, scheduledAt: new Date(Date.now() - 3 * 3_600_000) },
        });
        interviews.push(interview.id);
      }
      const ownScorecards = [];
      if (state === "submitted" || state === "half") {
        const cookie = await login(app, user);
        ownScorecards.push(await submitOverHttp(app, db, cookie, interviews[0]!, first));
      }
      await db.user.update({ where: { id: user.id }, data: { roles: [...roles] } });
      await db.session.deleteMany({ where: { userId: user.id } });
      actors.push({
        key: `${roles.join("+")} ${state}`,
        roles,
        state,
        user: { ...user, roles: [...roles] },
        cookie: await login(app, user),
        interviews,
        ownScorecards,
      });
    }
  }

  await db.$transaction((tx) => recomputeRecommendation(tx, created.candidate.id));
  const recommendation = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: created.candidate.id } });
  if (recommendation.status !== "recommended" || !recommendation.level) throw new Error(`X is ${recommendation.status}, expected a level`);
  const recruiter = await createTestUser(["RECRUITER"]);
  const decided = await recordDecision({
    candidateId: created.candidate.id,
    basedOn: recommendation.computedAt,
    decision: { kind: "override", choice: recommendation.level === "IC5" ? "IC6" : "IC5", reason: markers[0]! },
    actor: { id: recruiter.id },
  });
  if (!decided.ok) throw new Error(`could not decide on X: ${decided.reason}`);
  return {
    candidate: { id: created.candidate.id, name: created.candidate.name, email: created.candidate.email },
    level: recommendation.level,
    colleagueScorecards,
    markers,
    colleagueScore: COLLEAGUE_SCORE,
    actors,
  };
}

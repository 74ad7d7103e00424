import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  aggregate,
  DEFAULT_POLICY,
  level,
  scoreScorecard,
  type ProductionCapability,
  type ProductionEvidence,
  type RubricVersion,
  type SubmittedScorecard,
} from "~/domain/leveling";
import type { Level } from "~/domain/levels";
import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "~/domain/screen-areas";
import type { Prisma } from "~/generated/prisma/client";
import { parseCsv } from "../support/csv";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { fetchPageText, textOf } from "../support/page-text";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let db: import("~/utils/db.server").Db;
let recomputeRecommendation: typeof import("~/models/recommendation.server").recomputeRecommendation;
let recruiter: TestUser;
let recruiter2: TestUser;
let cookie: string;
let cookie2: string;
let interviewers: TestUser[];
const interviewerNames = new Map<string, string>();

/** Each area's published rubric, as the scorecards below are filled against it. */
const rubrics = new Map<ScreenAreaKey, { id: string; number: number; criteria: { id: string; title: string; weight: number }[] }>();

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  const { ensureReferenceData } = await import("~/models/reference-data.server");
  await ensureReferenceData(db);
  ({ recomputeRecommendation } = await import("~/models/recommendation.server"));
  recruiter = await createTestUser(["RECRUITER"]);
  recruiter2 = await createTestUser(["RECRUITER"]);
  [cookie, cookie2] = await Promise.all([login(app, recruiter), login(app, recruiter2)]);
  interviewers = [];
  for (const name of ["Ana Interviewer", "Bruno Interviewer", "Carla Interviewer", "Davi Interviewer", "Elena Interviewer", "Fabio Interviewer"]) {
    const user = await createTestUser(["INTERVIEWER"]);
    await db.user.update({ where: { id: user.id }, data: { name } });
    interviewerNames.set(user.id, name);
    interviewers.push(user);
  }
  for (const areaKey of SCREEN_AREA_KEYS) {
    const rubric = await db.rubricVersion.findFirstOrThrow({
      where: { areaKey, status: "PUBLISHED" },
      orderBy: { number: "desc" },
      select: { id: true, number: true, criteria: { orderBy: { position: "asc" }, select: { id: true, title: true, weight: true } } },
    });
    rubrics.set(areaKey, rubric);
  }
});
afterAll(async () => app?.close());

/* ---------------------------------------------------------------- helpers */

type ScorecardSpec = {
  areaKey: ScreenAreaKey;
  interviewer: TestUser;
  /** Every criterion gets this score unless `scores` lists one per criterion. */
  score?: 1 | 2 | 3 | 4;
  scores?: (1 | 2 | 3 | 4)[];
  evidence?: string;
  recommendation?: "strong_no" | "no" | "yes" | "strong_yes";
  levelSignal?: Level | null;
  production?: Partial<Record<ProductionCapability, ProductionEvidence>>;
  lifecycleOwnership?: boolean;
  sharedInfrastructure?: boolean;
  peopleManagement?: boolean;
};

function ratingsOf(spec: ScorecardSpec) {
  const rubric = rubrics.get(spec.areaKey)!;
  return rubric.criteria.map((criterion, index) => ({
    criterionId: criterion.id,
    score: spec.scores?.[index] ?? spec.score ?? 3,
  }));
}

function productionOf(spec: ScorecardSpec): Record<ProductionCapability, ProductionEvidence> {
  return { serving: "not_discussed", monitoring: "not_discussed", featureStore: "not_discussed", modelCicd: "not_discussed", ...spec.production };
}

const rubricInputs = (): RubricVersion[] =>
  [...rubrics.values()].map((rubric) => ({ id: rubric.id, criteria: rubric.criteria.map(({ id, weight }) => ({ id, weight })) }));

async function newCandidate(overrides: Partial<Prisma.CandidateUncheckedCreateInput> = {}): Promise<string> {
  const { createCandidate } = await import("~/models/candidate.server");
  const result = await createCandidate(
    {
      name: "Renata Alves",
      email: `renata-${randomUUID().slice(0, 8)}@candidates.example`,
      country: "Brazil",
      currentTitle: "Senior ML Engineer",
      yearsExperience: 9,
      track: "IC",
      faangExperience: false,
      notes: "",
      recruiterId: recruiter.id,
      ...(overrides as object),
    },
    { id: recruiter.id },
  );
  if (!result.ok) throw new Error(`createCandidate: ${JSON.stringify(result)}`);
  return result.id;
}

/**
 * Interviews and submitted scorecards written straight through Prisma in one transaction
 * (the submit route is another feature), then the recommendation recomputed as the submit
 * transaction does. Returns the scorecards in the leveling service's input shape.
 */
async function submitScorecards(candidateId: string, specs: ScorecardSpec[]): Promise<{ ids: string[]; inputs: SubmittedScorecard[] }> {
  const inputs: SubmittedScorecard[] = [];
  const ids = await db.$transaction(async (tx) => {
    const created: string[] = [];
    for (const spec of specs) {
      const rubric = rubrics.get(spec.areaKey)!;
      const ratings = ratingsOf(spec);
      const interview = await tx.interview.create({
        data: { candidateId, areaKey: spec.areaKey, interviewerId: spec.interviewer.id, scheduledAt: new Date("2026-01-10T15:00:00Z") },
      });
      const production = productionOf(spec);
      const scorecard = await tx.scorecard.create({
        data: {
          interviewId: interview.id,
          rubricVersionId: rubric.id,
          submittedAt: new Date(),
          overallRecommendation: spec.recommendation ?? "yes",
          levelSignal: spec.levelSignal ?? null,
          lifecycleOwnership: spec.lifecycleOwnership ?? true,
          sharedInfrastructure: spec.sharedInfrastructure ?? false,
          peopleManagement: spec.peopleManagement ?? false,
          weightedScore: scoreScorecard(ratings, { id: rubric.id, criteria: rubric.criteria }),
        },
      });
      await tx.scorecardRating.createMany({
        data: ratings.map((rating) => ({
          scorecardId: scorecard.id,
          criterionId: rating.criterionId,
          score: rating.score,
          evidence: spec.evidence ?? `Evidence for ${spec.areaKey}: walked through a production system in detail.`,
        })),
      });
      await tx.scorecardProductionEvidence.createMany({
        data: Object.entries(production).map(([capability, status]) => ({
          scorecardId: scorecard.id,
          capability: capability as ProductionCapability,
          status,
          note: status === "evidenced" ? `Ran ${capability} in production` : "",
        })),
      });
      inputs.push({
        id: scorecard.id,
        interviewerId: spec.interviewer.id,
        areaKey: spec.areaKey,
        rubricVersionId: rubric.id,
        ratings: ratings.map((rating) => ({ criterionId: rating.criterionId, score: rating.score as 1 | 2 | 3 | 4 })),
        overallRecommendation: spec.recommendation ?? "yes",
        levelSignal: spec.levelSignal ?? null,
        production,
        lifecycleOwnership: spec.lifecycleOwnership ?? true,
        sharedInfrastructure: spec.sharedInfrastructure ?? false,
        peopleManagement: spec.peopleManagement ?? false,
      });
      created.push(scorecard.id);
    }
    return created;
  });
  await db.$transaction((tx) => recomputeRecommendation(tx, candidateId));
  return { ids, inputs };
}

/** One scorecard per area, every criterion at `score` unless overridden per area. */
function fiveAreas(
  score: 1 | 2 | 3 | 4,
  common: Omit<ScorecardSpec, "areaKey" | "interviewer"> = {},
  perArea: Partial<Record<ScreenAreaKey, Omit<ScorecardSpec, "areaKey" | "interviewer">>> = {},
): ScorecardSpec[] {
  return SCREEN_AREA_KEYS.map((areaKey, index) => ({
    areaKey,
    interviewer: interviewers[index]!,
    score,
    ...common,
    ...perArea[areaKey],
  }));
}

function page(path: string, pageCookie = cookie) {
  return fetchPageText(app, path, pageCookie);
}

async function computedAt(candidateId: string): Promise<string> {
  const stored = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId } });
  return stored.computedAt.toISOString();
}

const decisionAudits = (candidateId: string) =>
  db.auditEvent.findMany({ where: { entityId: candidateId, action: { startsWith: "decision." } }, orderBy: { id: "asc" } });

/** A recommended IC4 with FAANG-type experience: the usual case for the decision tests. */
async function recommendedCandidate(): Promise<string> {
  const id = await newCandidate({ faangExperience: true });
  await submitScorecards(id, fiveAreas(3, { production: { serving: "evidenced" } }));
  return id;
}

/* ---------------------------------------------------------------- recommendation */

describe("the stored recommendation", () => {
  it("matches level(aggregate(...), DEFAULT_POLICY) computed directly from the same scorecards", async () => {
    const id = await newCandidate({ faangExperience: true });
    const { inputs } = await submitScorecards(
      id,
      fiveAreas(
        3,
        { production: { serving: "evidenced", monitoring: "evidenced" } },
        {
          ml_system_design: { scores: [4, 3, 4, 3] },
          model_development: { levelSignal: "IC6" },
        },
      ),
    );
    const expected = level(aggregate(inputs, rubricInputs(), { track: "IC", faangExperience: true }), DEFAULT_POLICY);
    const stored = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: id } });
    expect(stored).toMatchObject({
      status: expected.status,
      level: expected.level,
      bandMin: expected.band?.min ?? null,
      bandMax: expected.band?.max ?? null,
      premiumMin: expected.premiumBand?.min ?? null,
      premiumMax: expected.premiumBand?.max ?? null,
      policyVersion: expected.policyVersion,
      flagCount: expected.flags.length,
    });
    expect(stored.flags).toEqual(JSON.parse(JSON.stringify(expected.flags)));
    expect(stored.explanation).toEqual(JSON.parse(JSON.stringify(expected.explanation)));
    // The scenario is the one intended: a recommended IC4 with the premium and a level-signal flag.
    expect(expected).toMatchObject({ status: "recommended", level: "IC4", band: { min: 7000, max: 10000 } });
    expect(expected.premiumBand).toEqual({ min: 8400, max: 15000 });
    expect(expected.flags.map((flag) => flag.kind)).toEqual(["level_signal_mismatch"]);
  });

  it("is shown on the candidate page: scores per interviewer, level, bands, flags, evidence and the explanation", async () => {
    const id = await newCandidate({ faangExperience: true });
    const { ids, inputs } = await submitScorecards(id, [
      ...fiveAreas(3, { production: { serving: "evidenced" } }, { model_development: { levelSignal: "IC6" } }),
      { areaKey: "ml_system_design", interviewer: interviewers[5]!, scores: [4, 4, 3, 4], production: { monitoring: "not_evidenced" } },
    ]);
    const expected = level(aggregate(inputs, rubricInputs(), { track: "IC", faangExperience: true }), DEFAULT_POLICY);
    const { status, text } = await page(`/candidates/${id}`);
    expect(status).toBe(200);
    const section = text.slice(text.indexOf('<section id="recommendation"'), text.indexOf('<section id="decision"'));
    expect(section).toContain(`${expected.level} · Senior ML Engineer`);
    expect(section).toContain("USD 7,000–10,000 / month");
    expect(section).toContain("With the FAANG-type premium");
    expect(section).toContain("USD 8,400–15,000 / month");
    expect(section).toContain("Leveling policy version 1");
    // Every explanation step, in order, marked with its outcome.
    let from = 0;
    for (const step of expected.explanation) {
      const at = section.indexOf(step.message.replaceAll(interviewers[2]!.id, "Carla Interviewer"), from);
      expect(at, step.message).toBeGreaterThan(from);
      from = at;
    }
    expect(section.match(/<li data-outcome="(met|not_met|capped|info)"/g)).toHaveLength(expected.explanation.length);
    // Flags are listed with interviewers named, not identified by id.
    expect(section).toContain('data-flag="level_signal_mismatch"');
    expect(section).toContain("Interviewer Carla Interviewer (Model development) saw IC6");
    expect(section).not.toContain(interviewers[2]!.id);
    // Each interviewer's weighted score links to their scorecard; two interviewers in ML system design.
    for (const scorecardId of ids) expect(section).toContain(`href="/scorecards/${scorecardId}"`);
    const mlsd = section.slice(section.indexOf('data-area="ml_system_design"'), section.indexOf('data-area="code_quality"'));
    expect(mlsd).toContain("Davi Interviewer");
    expect(mlsd).toContain("Fabio Interviewer");
    const fabio = scoreScorecard(inputs[5]!.ratings, rubricInputs().find((rubric) => rubric.id === inputs[5]!.rubricVersionId)!);
    expect(mlsd).toContain(fabio.toFixed(2));
    expect(mlsd).toContain(((3 + fabio) / 2).toFixed(2));
    // Production evidence: serving was evidenced by someone; monitoring by nobody.
    expect(section).toContain("Serving: evidenced");
    expect(section).toContain("Monitoring: not evidenced");
  });

  it("marks the production cap as capped and names what was missing", async () => {
    const id = await newCandidate();
    await submitScorecards(id, fiveAreas(4, { sharedInfrastructure: true }));
    const stored = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: id } });
    expect(stored).toMatchObject({ status: "recommended", level: "IC3" });
    const { text } = await page(`/candidates/${id}`);
    expect(text).toMatch(/<li data-outcome="capped" data-rule="production_cap">/);
    expect(text).toContain("IC3 · Semi Senior ML Engineer");
    expect(text).toContain("USD 4,000–6,000 / month");
    expect(text).not.toContain("With the FAANG-type premium");
  });
});

/* ---------------------------------------------------------------- decisions */

describe("deciding", () => {
  it("accepting records the decision with the recommendation it was based on, and audits it in the same change", async () => {
    const id = await recommendedCandidate();
    const basedOn = await computedAt(id);
    const response = await app.request(`/candidates/${id}`, { cookie, form: { intent: "accept", basedOn } });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/candidates/${id}#decision`);
    const decision = await db.hiringDecision.findUniqueOrThrow({ where: { candidateId: id } });
    expect(decision).toMatchObject({
      kind: "accept",
      level: "IC4",
      recommendedLevel: "IC4",
      recommendationStatus: "recommended",
      policyVersion: 1,
      reason: "",
      decidedById: recruiter.id,
    });
    const [audit, ...more] = await decisionAudits(id);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({ action: "decision.accept", actorId: recruiter.id, entityType: "Candidate" });
    expect(audit!.details).toEqual({ decisionId: decision.id, from: "IC4", to: "IC4", policyVersion: 1 });

    const { text } = await page(`/candidates/${id}`);
    expect(text).toContain("Accepted the recommendation");
    expect(text).toContain("Reopen decision");
    expect(text).not.toContain('name="intent" value="accept"');
  });

  it("accepting a no-hire decides no hire", async () => {
    const id = await newCandidate();
    await submitScorecards(id, fiveAreas(2, { production: { serving: "evidenced" } }));
    const response = await app.request(`/candidates/${id}`, { cookie, form: { intent: "accept", basedOn: await computedAt(id) } });
    expect(response.status).toBe(302);
    expect(await db.hiringDecision.findUniqueOrThrow({ where: { candidateId: id } })).toMatchObject({
      kind: "accept",
      level: null,
      recommendationStatus: "no_hire",
    });
    expect((await decisionAudits(id))[0]!.details).toMatchObject({ from: "no_hire", to: "no_hire" });
  });

  it("refuses to accept an incomplete recommendation, but takes an override", async () => {
    const id = await newCandidate();
    const basedOn = await computedAt(id);
    const { text } = await page(`/candidates/${id}`);
    expect(text).toMatch(/<button type="submit" disabled=""[^>]*>Accept the recommendation<\/button>/);
    const refused = await app.request(`/candidates/${id}`, { cookie, form: { intent: "accept", basedOn } });
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("There is no recommendation to accept yet");
    expect(await db.hiringDecision.count({ where: { candidateId: id } })).toBe(0);
    expect(await decisionAudits(id)).toHaveLength(0);

    const reason = "Candidate withdrew after accepting another offer.";
    const override = await app.request(`/candidates/${id}`, { cookie, form: { intent: "override", basedOn, level: "no_hire", reason } });
    expect(override.status).toBe(302);
    expect(await db.hiringDecision.findUniqueOrThrow({ where: { candidateId: id } })).toMatchObject({
      kind: "override",
      level: null,
      recommendationStatus: "incomplete",
      recommendedLevel: null,
      reason,
    });
    expect((await decisionAudits(id))[0]!.details).toMatchObject({ from: "incomplete", to: "no_hire", reason });
  });

  it("an override records the level and the written reason, also in the audit", async () => {
    const id = await recommendedCandidate();
    const reason = '  Led the "feature store" migration at scale, evidence in the ML system design notes.  ';
    const response = await app.request(`/candidates/${id}`, {
      cookie,
      form: { intent: "override", basedOn: await computedAt(id), level: "IC5", reason },
    });
    expect(response.status).toBe(302);
    const decision = await db.hiringDecision.findUniqueOrThrow({ where: { candidateId: id } });
    expect(decision).toMatchObject({ kind: "override", level: "IC5", recommendedLevel: "IC4", reason: reason.trim() });
    const [audit] = await decisionAudits(id);
    expect(audit).toMatchObject({ action: "decision.override", actorId: recruiter.id });
    expect(audit!.details).toEqual({ decisionId: decision.id, from: "IC4", to: "IC5", policyVersion: 1, reason: reason.trim() });
    const { text } = await page(`/candidates/${id}`);
    expect(text).toContain("Overrode the recommendation");
    expect(text).toContain(reason.trim());
  });

  it("answers a bad override with 400 and field errors, and writes nothing", async () => {
    const id = await recommendedCandidate();
    const basedOn = await computedAt(id);
    const auditsBefore = await db.auditEvent.count();
    const cases: [Record<string, string>, string][] = [
      [{ level: "IC5" }, "Write the reason for the override"],
      [{ level: "IC5", reason: "   " }, "Write the reason for the override"],
      [{ level: "IC5", reason: "Too short" }, "Write at least 10 characters"],
      [{ level: "IC5", reason: "x".repeat(2001) }, "Write at most 2,000 characters"],
      [{ level: "", reason: "A perfectly good reason." }, "Choose a level, or no hire"],
      [{ level: "IC9", reason: "A perfectly good reason." }, "Choose a level, or no hire"],
      [{ level: "IC4", reason: "Same as the recommendation, for no reason." }, "accept the recommendation instead"],
    ];
    for (const [fields, message] of cases) {
      const response = await app.request(`/candidates/${id}`, { cookie, form: { intent: "override", basedOn, ...fields } });
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(textOf(await response.text()), message).toContain(message);
    }
    const missingBasedOn = await app.request(`/candidates/${id}`, { cookie, form: { intent: "accept", basedOn: "yesterday" } });
    expect(missingBasedOn.status).toBe(400);
    expect(await db.hiringDecision.count({ where: { candidateId: id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(auditsBefore);
    // A reason of exactly 2,000 characters is fine.
    const longest = await app.request(`/candidates/${id}`, {
      cookie,
      form: { intent: "override", basedOn, level: "IC5", reason: "y".repeat(2000) },
    });
    expect(longest.status).toBe(302);
  });

  it("refuses a decision on a recommendation that changed since the page was loaded (409, nothing written)", async () => {
    const id = await newCandidate();
    await submitScorecards(id, fiveAreas(3, { production: { serving: "evidenced" } }).slice(0, 4));
    const basedOn = await computedAt(id);
    // Meanwhile the fifth scorecard arrives and the recommendation is recomputed.
    await submitScorecards(id, fiveAreas(3, { production: { serving: "evidenced" } }).slice(4));
    expect(await computedAt(id)).not.toBe(basedOn);
    const forms: Record<string, string>[] = [
      { intent: "accept", basedOn },
      { intent: "override", basedOn, level: "IC5", reason: "Strong system design signal in the debrief." },
    ];
    for (const form of forms) {
      const response = await app.request(`/candidates/${id}`, { cookie, form });
      expect(response.status).toBe(409);
      const text = textOf(await response.text());
      expect(text).toContain("The recommendation changed since you loaded the page; review it again.");
      // The page shows the new recommendation, with the new basis in the forms.
      expect(text).toContain(`name="basedOn" value="${await computedAt(id)}"`);
    }
    expect(await db.hiringDecision.count({ where: { candidateId: id } })).toBe(0);
    expect(await decisionAudits(id)).toHaveLength(0);
  });

  it("lets exactly one of two recruiters deciding at the same moment win; the other gets 409", async () => {
    for (let round = 0; round < 3; round += 1) {
      const id = await recommendedCandidate();
      const basedOn = await computedAt(id);
      const responses = await Promise.all([
        app.request(`/candidates/${id}`, { cookie, form: { intent: "accept", basedOn } }),
        app.request(`/candidates/${id}`, {
          cookie: cookie2,
          form: { intent: "override", basedOn, level: "IC5", reason: "Saw staff-level scope in the debrief." },
        }),
      ]);
      expect(responses.map((response) => response.status).sort()).toEqual([302, 409]);
      const loser = responses.find((response) => response.status === 409)!;
      expect(textOf(await loser.text())).toContain("Another recruiter recorded a decision a moment ago.");
      expect(await db.hiringDecision.count({ where: { candidateId: id } })).toBe(1);
      expect(await decisionAudits(id)).toHaveLength(1);
    }
  });

  it("refuses a second decision while one stands", async () => {
    const id = await recommendedCandidate();
    const basedOn = await computedAt(id);
    expect((await app.request(`/candidates/${id}`, { cookie, form: { intent: "accept", basedOn } })).status).toBe(302);
    const second = await app.request(`/candidates/${id}`, {
      cookie: cookie2,
      form: { intent: "override", basedOn, level: "IC3", reason: "Not convinced about the monitoring story." },
    });
    expect(second.status).toBe(409);
    expect(await db.hiringDecision.findUniqueOrThrow({ where: { candidateId: id } })).toMatchObject({ kind: "accept", level: "IC4" });
  });

  it("says so on the page when the recommendation changes after the decision", async () => {
    const id = await recommendedCandidate();
    await app.request(`/candidates/${id}`, { cookie, form: { intent: "accept", basedOn: await computedAt(id) } });
    expect((await page(`/candidates/${id}`)).text).not.toContain('data-testid="recommendation-changed"');
    // A second, strong-no scorecard in one area drags it below the hire bar.
    await submitScorecards(id, [{ areaKey: "code_quality", interviewer: interviewers[5]!, score: 1, recommendation: "strong_no" }]);
    const { text } = await page(`/candidates/${id}`);
    expect(text).toContain('data-testid="recommendation-changed"');
    expect(text).toMatch(/it is now <strong>No hire<\/strong>/);
    expect(await db.hiringDecision.findUniqueOrThrow({ where: { candidateId: id } })).toMatchObject({ level: "IC4" });
  });

  it("reopening deletes the decision, audits it, and lets a new one be made; a stale reopen changes nothing", async () => {
    const id = await recommendedCandidate();
    const basedOn = await computedAt(id);
    await app.request(`/candidates/${id}`, { cookie, form: { intent: "accept", basedOn } });
    const first = await db.hiringDecision.findUniqueOrThrow({ where: { candidateId: id } });

    const reopen = await app.request(`/candidates/${id}`, { cookie: cookie2, form: { intent: "reopen", decisionId: first.id } });
    expect(reopen.status).toBe(302);
    expect(await db.hiringDecision.count({ where: { candidateId: id } })).toBe(0);
    const audits = await decisionAudits(id);
    expect(audits.map((audit) => audit.action)).toEqual(["decision.accept", "decision.reopen"]);
    expect(audits[1]).toMatchObject({ actorId: recruiter2.id });
    expect(audits[1]!.details).toMatchObject({ decisionId: first.id, kind: "accept", level: "IC4", decidedById: recruiter.id });

    const again = await app.request(`/candidates/${id}`, {
      cookie,
      form: { intent: "override", basedOn, level: "IC5", reason: "Reopened after the reference check came back." },
    });
    expect(again.status).toBe(302);
    const stale = await app.request(`/candidates/${id}`, { cookie: cookie2, form: { intent: "reopen", decisionId: first.id } });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain("This decision was already reopened or replaced");
    expect(await db.hiringDecision.findUniqueOrThrow({ where: { candidateId: id } })).toMatchObject({ kind: "override", level: "IC5" });
    expect(await decisionAudits(id)).toHaveLength(3);
  });
});

/* ---------------------------------------------------------------- list */

describe("the candidate list", () => {
  const TAG = "Listtest";
  const seeded: { id: string; name: string; email: string; country: string; createdAt: Date; status: string; level: Level | null; decided: boolean }[] = [];

  beforeAll(async () => {
    const countries = ["Chile", "Peru", "Mexico", "Uruguay"];
    const levels: Level[] = ["IC3", "IC4", "IC5", "IC6", "M1", "M2"];
    let recommended = 0;
    const statuses = ["recommended", "recommended", "recommended", "no_hire", "incomplete"] as const;
    const base = Date.UTC(2025, 0, 1);
    for (let index = 0; index < 40; index += 1) {
      const status = statuses[index % statuses.length]!;
      seeded.push({
        id: randomUUID(),
        // Mixed case so the search and the sort are seen to ignore and respect it as they should.
        name: `${TAG} ${index % 2 ? "ana" : "Bea"} ${String(index).padStart(2, "0")}`,
        email: `list-${index}@Seeded.Example`.toLowerCase(),
        country: countries[index % countries.length]!,
        createdAt: new Date(base + index * 86_400_000),
        status,
        level: status === "recommended" ? levels[recommended++ % levels.length]! : null,
        decided: index % 3 === 0,
      });
    }
    await db.candidate.createMany({
      data: seeded.map(({ id, name, email, country, createdAt }) => ({
        id,
        name,
        email,
        country,
        createdAt,
        updatedAt: createdAt,
        currentTitle: "ML Engineer",
        yearsExperience: 5,
      })),
    });
    await db.candidateRecommendation.createMany({
      data: seeded.map((candidate) => ({
        candidateId: candidate.id,
        policyVersion: 1,
        status: candidate.status as "recommended",
        level: candidate.level,
        flagCount: candidate.status === "incomplete" ? 1 : 0,
        evidence: {},
      })),
    });
    await db.hiringDecision.createMany({
      data: seeded
        .filter((candidate) => candidate.decided)
        .map((candidate) => ({
          candidateId: candidate.id,
          kind: "override" as const,
          level: "IC4" as const,
          recommendationStatus: candidate.status as "recommended",
          policyVersion: 1,
          reason: "Seeded for the list test",
          decidedById: recruiter.id,
        })),
    });
  });

  /** The candidates a list page shows, in order, as [id, name]. */
  async function listed(search: string): Promise<{ rows: [string, string][]; text: string }> {
    const { status, text } = await page(`/candidates${search}`);
    expect(status, search).toBe(200);
    const rows = [...text.matchAll(/href="\/candidates\/([0-9a-f-]{36})"[^>]*>([^<]*)</g)].map((match) => [match[1]!, match[2]!] as [string, string]);
    return { rows, text };
  }

  const ids = (list: typeof seeded) => list.map((candidate) => candidate.id);
  /** ICU's root collation, as the list sorts names: case and accents matter less than letters. */
  const byName = new Intl.Collator("und").compare;

  it("pages 25 at a time, newest first, with the total and page links", async () => {
    const newest = [...seeded].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const first = await listed(`?q=${TAG}`);
    expect(first.rows.map(([id]) => id)).toEqual(ids(newest.slice(0, 25)));
    expect(first.text).toContain("Showing 1–25 of 40 candidates");
    expect(first.text).toContain(`href="/candidates?q=${TAG}&page=2"`);
    const second = await listed(`?q=${TAG}&page=2`);
    expect(second.rows.map(([id]) => id)).toEqual(ids(newest.slice(25)));
    expect(second.text).toContain("Showing 26–40 of 40 candidates");
    expect(second.text).toContain('aria-current="page"');
  });

  it("searches names and emails as case-insensitive substrings, with % and _ taken literally", async () => {
    const byName = await listed(`?q=${encodeURIComponent("listTEST ANA")}`);
    expect(byName.rows.map(([, name]) => name).sort()).toEqual(seeded.filter((c) => c.name.includes(" ana ")).map((c) => c.name).sort());
    const byEmail = await listed(`?q=${encodeURIComponent("LIST-17@seeded")}`);
    expect(byEmail.rows.map(([id]) => id)).toEqual([seeded[17]!.id]);
    expect((await listed(`?q=${encodeURIComponent("%")}`)).rows).toEqual([]);
    expect((await listed(`?q=${encodeURIComponent("list_1")}`)).rows).toEqual([]);
  });

  it("filters by recommendation status, level, decision and country, combined", async () => {
    const check = async (search: string, expected: typeof seeded) => {
      const { rows } = await listed(`?q=${TAG}&sort=name&${search}`);
      const sorted = [...expected].sort((a, b) => byName(a.name, b.name));
      expect(rows.map(([id]) => id), search).toEqual(ids(sorted).slice(0, 25));
    };
    await check("status=no_hire", seeded.filter((c) => c.status === "no_hire"));
    await check("status=incomplete", seeded.filter((c) => c.status === "incomplete"));
    await check("level=IC5", seeded.filter((c) => c.level === "IC5"));
    await check("decision=decided", seeded.filter((c) => c.decided));
    await check("decision=undecided", seeded.filter((c) => !c.decided));
    await check("country=Peru", seeded.filter((c) => c.country === "Peru"));
    await check(
      "status=recommended&decision=undecided&country=Chile",
      seeded.filter((c) => c.status === "recommended" && !c.decided && c.country === "Chile"),
    );
  });

  it("sorts by name, created, recommended level and last update, either way", async () => {
    const names = (await listed(`?q=${TAG}&sort=name`)).rows.map(([, name]) => name);
    expect(names).toEqual([...seeded.map((c) => c.name)].sort(byName).slice(0, 25));
    expect(names.slice(0, 2)).toEqual([`${TAG} ana 01`, `${TAG} ana 03`]); // not "Bea" first, as a bytewise sort would
    const namesDesc = (await listed(`?q=${TAG}&sort=name&dir=desc`)).rows.map(([, name]) => name);
    expect(namesDesc).toEqual([...seeded.map((c) => c.name)].sort(byName).reverse().slice(0, 25));
    expect(new Set([...names, ...namesDesc]).size).toBe(40);

    const oldest = (await listed(`?q=${TAG}&sort=created&dir=asc`)).rows.map(([id]) => id);
    expect(oldest).toEqual(ids([...seeded].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).slice(0, 25)));

    const byLevel = (await listed(`?q=${TAG}&sort=level`)).rows.map(([id]) => seeded.find((c) => c.id === id)!);
    const order = ["IC3", "IC4", "IC5", "IC6", "M1", "M2"];
    const ranks = byLevel.map((c) => (c.level ? order.indexOf(c.level) : c.status === "no_hire" ? -1 : -2));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(byLevel[0]!.level).toBe("M2");
    const byLevelAsc = (await listed(`?q=${TAG}&sort=level&dir=asc`)).rows.map(([id]) => seeded.find((c) => c.id === id)!);
    expect(byLevelAsc[0]!.level).toBe("IC3");

    const touched = seeded[3]!;
    await db.candidate.update({ where: { id: touched.id }, data: { notes: "touched" } });
    expect((await listed(`?q=${TAG}&sort=updated`)).rows[0]![0]).toBe(touched.id);
  });

  it("shows the columns: country, title, track, recommendation with flags, decision and created date", async () => {
    const candidate = seeded[4]!; // incomplete, one flag, undecided... index 4 is not a multiple of 3
    const { text } = await listed(`?q=${encodeURIComponent(candidate.email)}`);
    const row = text.slice(text.indexOf(`href="/candidates/${candidate.id}"`));
    expect(row).toContain(candidate.country);
    expect(row).toContain("ML Engineer");
    expect(row).toContain("Incomplete");
    expect(row).toContain("1 flag");
    expect(row).toContain("Undecided");
    expect(row).toContain(candidate.createdAt.toISOString().slice(0, 10));
    const decided = seeded[3]!; // no hire, overridden to IC4
    const decidedRow = (await listed(`?q=${encodeURIComponent(decided.email)}`)).text;
    expect(decidedRow).toContain("No hire");
    expect(decidedRow).toContain("IC4 (override)");
    expect(text).toContain('href="/candidates/new"');
  });

  it("never fails on a bad query: every parameter falls back to its default", async () => {
    for (const search of [
      "?page=abc",
      "?page=-3",
      "?page=1e9",
      "?page=99999",
      "?sort=evil;DROP TABLE",
      "?dir=sideways",
      "?status=hired",
      "?level=IC9",
      "?decision=maybe",
      "?country=Atlantis",
      `?q=${"x".repeat(500)}`,
      "?q=%27%22%3B--",
      "?page=2&page=3&sort=name&sort=level",
    ]) {
      const { status } = await page(`/candidates${search}`);
      expect(status, search).toBe(200);
    }
    const past = await listed(`?q=${TAG}&page=99`);
    expect(past.rows).toEqual([]);
    expect(past.text).toContain("page 99 is past the last page (2)");
  });
});

/* ---------------------------------------------------------------- packet */

describe("the candidate packet", () => {
  let candidateId: string;
  const trickyEvidence = 'Said "it depends", then:\nwalked through the\r\nfeature store, cost, latency';
  const formulaEvidence = "=HYPERLINK(\"http://evil.example\",\"click\") and then some real evidence";
  beforeAll(async () => {
    candidateId = await newCandidate({ name: "Sofía Martínez-Ñuñez", faangExperience: true });
    await submitScorecards(
      candidateId,
      fiveAreas(3, { production: { serving: "evidenced" } }, {
        feature_engineering: { evidence: trickyEvidence },
        code_quality: { evidence: formulaEvidence },
      }),
    );
    await db.user.update({ where: { id: interviewers[0]!.id }, data: { name: "@Ana Interviewer" } });
    const basedOn = await computedAt(candidateId);
    const response = await app.request(`/candidates/${candidateId}`, {
      cookie,
      form: { intent: "override", basedOn, level: "IC5", reason: "-Strong, \"staff\" scope\nconfirmed by references." },
    });
    expect(response.status).toBe(302);
  });
  afterAll(async () => {
    await db.user.update({ where: { id: interviewers[0]!.id }, data: { name: "Ana Interviewer" } });
  });

  it("is a printable page with the profile, scores, ratings with evidence, recommendation, flags and decision", async () => {
    const { status, text } = await page(`/candidates/${candidateId}/packet`);
    expect(status).toBe(200);
    expect(text).toContain("Candidate packet: Sofía Martínez-Ñuñez");
    expect(text).toContain("Use your browser's Print (Ctrl+P");
    expect(text).toMatch(/class="no-print[^"]*"/);
    expect(text).toContain("IC4 · Senior ML Engineer");
    expect(text).toContain("USD 7,000–10,000 / month");
    expect(text).toContain("USD 8,400–15,000 / month");
    expect(text).toContain("How the recommendation was reached");
    expect(text).toContain(trickyEvidence);
    for (const criterion of rubrics.get("ml_system_design")!.criteria) expect(text).toContain(criterion.title);
    expect(text).toContain('Serving: evidenced<span class="text-slate-700"> — Ran serving in production</span>');
    expect(text).toContain("Overrode the recommendation");
    expect(text).toContain('-Strong, "staff" scope\nconfirmed by references.');
    expect(text).toContain(`href="/candidates/${candidateId}/packet.csv"`);
  });

  it("downloads as CSV: one row per rating plus summary rows, escaped and defused against formulas", async () => {
    const response = await app.request(`/candidates/${candidateId}/packet.csv`, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="sofia-martinez-nunez-packet.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so spreadsheet apps read UTF-8
    const body = new TextDecoder().decode(bytes);
    const rows = parseCsv(body);
    expect(rows[0]).toEqual(["Record", "Candidate", "Area", "Interviewer", "Rubric version", "Criterion", "Weight", "Score", "Evidence or detail"]);
    expect(rows.every((row) => row.length === 9)).toBe(true);

    const ratings = rows.filter((row) => row[0] === "Rating");
    const criteriaCount = [...rubrics.values()].reduce((sum, rubric) => sum + rubric.criteria.length, 0);
    expect(ratings).toHaveLength(criteriaCount);
    const fe = ratings.find((row) => row[2] === "Feature engineering")!;
    expect(fe[1]).toBe("Sofía Martínez-Ñuñez");
    expect(fe[4]).toBe(String(rubrics.get("feature_engineering")!.number));
    expect(fe[5]).toBe(rubrics.get("feature_engineering")!.criteria[0]!.title);
    expect(fe[6]).toBe(String(rubrics.get("feature_engineering")!.criteria[0]!.weight));
    expect(fe[7]).toBe("3");
    expect(fe[8]).toBe(trickyEvidence); // quotes, commas and both kinds of line break survive
    // Cells a spreadsheet would run as formulas start with ' instead.
    expect(ratings.find((row) => row[2] === "Code quality")![8]).toBe(`'${formulaEvidence}`);
    expect(ratings.find((row) => row[2] === "Problem formulation")![3]).toBe("'@Ana Interviewer");
    const byRecord = (record: string) => rows.filter((row) => row[0] === record);
    expect(byRecord("Decision reason")[0]![8]).toBe('\'-Strong, "staff" scope\nconfirmed by references.');
    expect(body).not.toMatch(/(^|,)[=+\-@\t]/m);

    expect(byRecord("Area mean").map((row) => [row[2], row[7]])).toEqual([
      ["Problem formulation", "3.00"],
      ["Feature engineering", "3.00"],
      ["Model development", "3.00"],
      ["ML system design", "3.00"],
      ["Code quality", "3.00"],
    ]);
    expect(byRecord("Recommendation")[0]![8]).toBe("IC4 · Senior ML Engineer (leveling policy version 1)");
    expect(byRecord("Band")[0]![8]).toBe("USD 7,000–10,000 / month");
    expect(byRecord("Band with FAANG-type premium")[0]![8]).toBe("USD 8,400–15,000 / month");
    expect(byRecord("Decision")[0]![8]).toMatch(/^IC5 · Staff ML Engineer — Overrode the recommendation \(IC4 · Senior ML Engineer, policy version 1\)/);
    expect(byRecord("Explanation").length).toBeGreaterThan(3);
  });

  it("answers 404 for an unknown candidate", async () => {
    for (const path of [`/candidates/${randomUUID()}/packet`, `/candidates/${randomUUID()}/packet.csv`, "/candidates/nope/packet.csv"]) {
      expect((await app.request(path, { cookie })).status, path).toBe(404);
    }
  });
});

/* ---------------------------------------------------------------- access */

describe("access", () => {
  let candidateId: string;
  beforeAll(async () => {
    candidateId = await recommendedCandidate();
  });
  const paths = () => ["/candidates", `/candidates/${candidateId}`, `/candidates/${candidateId}/packet`, `/candidates/${candidateId}/packet.csv`];

  it.each([["INTERVIEWER"], ["ADMIN"]] as const)("a user who is only %s gets 403 on the list, the page, the packet and the CSV, and cannot decide", async (role) => {
    const user = await createTestUser([role]);
    const userCookie = await login(app, user);
    for (const path of paths()) {
      expect((await app.request(path, { cookie: userCookie })).status, path).toBe(403);
    }
    const basedOn = await computedAt(candidateId);
    const post = await app.request(`/candidates/${candidateId}`, { cookie: userCookie, form: { intent: "accept", basedOn } });
    expect(post.status).toBe(403);
    expect(await db.hiringDecision.count({ where: { candidateId } })).toBe(0);
  });

  it("sends anonymous users to the login page", async () => {
    for (const path of paths()) {
      const response = await app.request(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    const post = await app.request(`/candidates/${candidateId}`, { form: { intent: "accept", basedOn: await computedAt(candidateId) } });
    expect(post.status).toBe(302);
    expect(await db.hiringDecision.count({ where: { candidateId } })).toBe(0);
  });
});

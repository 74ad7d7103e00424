import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, level, type CandidateEvidence, type LevelingPolicy } from "~/domain/leveling";
import { changedParts, emptyCounts, outcomeKey } from "~/domain/leveling/simulation";
import { makeEvidence, NO_PRODUCTION } from "~/domain/leveling/test-fixtures";
import { SCREEN_AREA_KEYS } from "~/domain/screen-areas";
import type { Prisma } from "~/generated/prisma/client";
import { recommendationColumns } from "~/models/recommendation.server";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let db: import("~/utils/db.server").Db;
let admin: TestUser;
let adminCookie: string;
let otherAdminCookie: string;

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  admin = await createTestUser(["ADMIN"]);
  adminCookie = await login(app, admin);
  otherAdminCookie = await login(app, await createTestUser(["ADMIN"]));
});
afterAll(async () => app?.close());

/** Every field of a policy as the editor posts it: `policy.hireBar.minMean` and so on. */
function policyForm(policy: LevelingPolicy, prefix = "policy"): Record<string, string> {
  const form: Record<string, string> = {};
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
    } else if (value !== undefined) {
      form[path] = String(value);
    }
  };
  walk(policy, prefix);
  return form;
}

async function currentDraft() {
  return db.levelingPolicyVersion.findFirstOrThrow({ where: { status: "DRAFT" } });
}

const post = (form: Record<string, string>, cookie = adminCookie) => app.request("/admin/policy", { cookie, form });

function saveForm(draft: { id: string; version: number }, policy: LevelingPolicy, version = draft.version) {
  return { intent: "save", draftId: draft.id, version: String(version), ...policyForm(policy) };
}

/** IC4 needs a mean of 3.2 (IC5 3.5) and IC3 pays more: moves some candidates, re-bands others. */
const DRAFT_POLICY: LevelingPolicy = {
  ...DEFAULT_POLICY,
  version: 2,
  scoreLevels: {
    IC4: { minMean: 3.2, minMlSystemDesign: 3.0 },
    IC5: { minMean: 3.5, minMlSystemDesign: 3.5 },
    IC6: { minMean: 3.75, minEveryArea: 3.5 },
  },
  bands: { ...DEFAULT_POLICY.bands, IC3: { min: 4500, max: 6500 } },
};

/** Candidates with stored recommendations computed under the published policy (version 1). */
async function seedRecommendations(count: number) {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const score = 2.4 + (index % 17) * 0.1;
    const evidence: CandidateEvidence = makeEvidence({
      scores: Object.fromEntries(SCREEN_AREA_KEYS.map((areaKey, i) => [areaKey, Math.min(4, score + (i === 3 ? 0.2 : 0))])),
      ...(index % 7 === 0 ? { production: NO_PRODUCTION } : {}),
      faangExperience: index % 5 === 0,
      sharedInfrastructure: index % 3 !== 0,
      track: index % 11 === 0 ? "M" : "IC",
      peopleManagement: index % 2 === 0,
      ...(index % 13 === 0 ? { scores: { code_quality: undefined } } : {}),
    });
    const recommendation = level(evidence, DEFAULT_POLICY);
    const candidate = await db.candidate.create({
      data: {
        name: `Simulated ${String(index).padStart(3, "0")}`,
        email: `simulated-${index}-${crypto.randomUUID()}@test.example`,
        country: "Peru",
        currentTitle: "ML Engineer",
        yearsExperience: 5,
        track: evidence.track,
        faangExperience: evidence.faangExperience,
        recommendation: {
          create: {
            policyVersion: 1,
            ...recommendationColumns(recommendation),
            evidence: evidence as unknown as Prisma.InputJsonValue,
          },
        },
      },
    });
    ids.push(candidate.id);
  }
  return ids;
}

describe("the policy draft", () => {
  it("starts as a copy of the published policy, numbered after it", async () => {
    const response = await post({ intent: "start" });
    expect(response.status).toBe(302);
    const draft = await currentDraft();
    expect(draft).toMatchObject({ number: 2, version: 1, createdById: admin.id });
    expect(draft.policy).toEqual({ ...DEFAULT_POLICY, version: 2 });
    const page = await (await app.request("/admin/policy", { cookie: adminCookie })).text();
    expect(page).toContain("Draft version <!-- -->2");
    expect(page).toContain('name="policy.bands.IC4.min"');

    const second = await post({ intent: "start" }, otherAdminCookie);
    expect(second.status).toBe(409);
    expect(await db.levelingPolicyVersion.count({ where: { status: "DRAFT" } })).toBe(1);
  });

  it("refuses an invalid policy with field errors and stores nothing", async () => {
    const draft = await currentDraft();
    const invalid: LevelingPolicy = {
      ...DEFAULT_POLICY,
      scoreLevels: { ...DEFAULT_POLICY.scoreLevels, IC5: { minMean: 2.9, minMlSystemDesign: 3.5 } },
      bands: { ...DEFAULT_POLICY.bands, IC4: { min: 12_000, max: 10_000 } },
      faangPremiumPercent: { min: 60, max: 50 },
    };
    const response = await post(saveForm(draft, invalid));
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("must be greater than scoreLevels.IC4.minMean (3)");
    expect(page).toContain("must be greater than min");
    expect(page).toContain("must be at least min");
    // Each message sits next to its field.
    expect(page).toMatch(/id="[^"]*policy\.scoreLevels\.IC5\.minMean[^"]*-error"/);
    expect(page).toMatch(/id="[^"]*policy\.bands\.IC4\.max[^"]*-error"/);

    const blanks = await post({ ...saveForm(draft, DEFAULT_POLICY), "policy.hireBar.minMean": "", "policy.production.minCapabilities": "0" });
    expect(blanks.status).toBe(400);
    const blanksPage = await blanks.text();
    expect(blanksPage).toContain("must be a score between 1 and 4");
    expect(blanksPage).toContain("must be a whole number from 1 to 4");

    const after = await currentDraft();
    expect(after.version).toBe(draft.version);
    expect(after.policy).toEqual(draft.policy);
    expect(await db.auditEvent.count({ where: { action: "policy.draft_save" } })).toBe(0);
  });

  it("refuses a save based on a stale version with 409 and keeps the first admin's policy", async () => {
    const draft = await currentDraft();
    const first = await post(saveForm(draft, { ...DEFAULT_POLICY, flags: { areaDisagreement: 1.25, levelSignalDistance: 2 } }));
    expect(first.status).toBe(302);
    const stale = await post(saveForm(draft, { ...DEFAULT_POLICY, flags: { areaDisagreement: 2, levelSignalDistance: 2 } }), otherAdminCookie);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Another admin changed this draft");
    const stored = await currentDraft();
    expect(stored.version).toBe(draft.version + 1);
    expect(stored.policy).toMatchObject({ flags: { areaDisagreement: 1.25 } });
  });
});

describe("numbers that cannot be stored or make no sense", () => {
  /** Text as React renders it inside HTML. */
  const html = (text: string) => text.replaceAll("'", "&#x27;");
  const withChange = (change: (policy: LevelingPolicy) => void) => {
    const policy = structuredClone(DEFAULT_POLICY);
    change(policy);
    return policy;
  };

  it.each([
    [
      "a band above PostgreSQL's integer limit",
      (p: LevelingPolicy) => (p.bands.IC6 = { min: 15_000, max: 3_000_000_000 }),
      "bands.IC6.max",
      "must be at most 1,000,000 USD a month",
    ],
    ["a band above the business maximum", (p: LevelingPolicy) => (p.bands.M2.max = 1_000_001), "bands.M2.max", "must be at most 1,000,000 USD a month"],
    [
      "a premium of 10,000,000 %",
      (p: LevelingPolicy) => (p.faangPremiumPercent = { min: 20, max: 10_000_000 }),
      "faangPremiumPercent.max",
      "must be a percentage from 0 to 100",
    ],
    ["an IC4 band below IC3's", (p: LevelingPolicy) => (p.bands.IC4 = { min: 3_000, max: 5_000 }), "bands.IC4.min", "must be at least IC3's minimum (4,000)"],
    [
      "an M1 band below IC4's, the level M1 needs",
      (p: LevelingPolicy) => (p.bands.M1 = { min: 6_000, max: 9_000 }),
      "bands.M1.max",
      "must be at least IC4's maximum (10,000): M1 needs what IC4 needs",
    ],
    ["a threshold in thousandths", (p: LevelingPolicy) => (p.hireBar.minMean = 2.755), "hireBar.minMean", "must have at most 2 decimals"],
  ])("refuses %s with 400 and the message next to its field, and stores nothing", async (_name, change, path, message) => {
    const draft = await currentDraft();
    const response = await post(saveForm(draft, withChange(change)));
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain(html(message));
    // The message is rendered in the field's own error element.
    const errorElement = new RegExp(`id="[^"]*policy\\.${path.replaceAll(".", "\\.")}[^"]*-error"[^>]*>(.*?)</`, "s");
    expect(errorElement.exec(page)?.[1]).toContain(html(message));
    const after = await currentDraft();
    expect(after.version).toBe(draft.version);
    expect(after.policy).toEqual(draft.policy);
  });

  it("opens a draft stored before these rules, refuses to publish it with the reasons, and changes nothing", async () => {
    const draft = await currentDraft();
    const legacy = withChange((p) => {
      p.version = draft.number;
      p.bands.IC4 = { min: 7_000, max: 3_000_000_000 };
      p.faangPremiumPercent = { min: 20, max: 10_000_000 };
    });
    await db.levelingPolicyVersion.update({ where: { id: draft.id }, data: { policy: legacy as unknown as Prisma.InputJsonValue } });
    const candidateIds = await seedRecommendations(3);
    try {
      const page = await app.request("/admin/policy", { cookie: adminCookie });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('value="3000000000"');

      const publish = await post({ intent: "publish", draftId: draft.id, version: String(draft.version) });
      expect(publish.status).toBe(400);
      const text = await publish.text();
      expect(text).toContain("bands.IC4.max: must be at most 1,000,000 USD a month");
      expect(text).toContain("faangPremiumPercent.max: must be a percentage from 0 to 100");
      expect(await db.levelingPolicyVersion.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "DRAFT", version: draft.version });
      expect(await db.levelingPolicyVersion.count({ where: { status: "PUBLISHED", number: 1 } })).toBe(1);
      expect(await db.candidateRecommendation.count({ where: { candidateId: { in: candidateIds }, policyVersion: 1 } })).toBe(3);
    } finally {
      await db.levelingPolicyVersion.update({ where: { id: draft.id }, data: { policy: draft.policy as Prisma.InputJsonValue } });
      await db.candidate.deleteMany({ where: { id: { in: candidateIds } } });
    }
  });
});

describe("simulation and publishing", () => {
  let candidateIds: string[];

  beforeAll(async () => {
    candidateIds = await seedRecommendations(60);
    // A decision made under version 1 must keep it after the publish.
    await db.hiringDecision.create({
      data: {
        candidateId: candidateIds[3]!,
        kind: "override",
        level: "IC4",
        recommendedLevel: null,
        recommendationStatus: "no_hire",
        reason: "Seen in person.",
        policyVersion: 1,
        decidedById: admin.id,
      },
    });
  });

  it("counts outcomes before and after exactly as leveling each stored evidence directly", async () => {
    const draft = await currentDraft();
    expect((await post(saveForm(draft, DRAFT_POLICY))).status).toBe(302);

    const response = await app.request("/admin/policy/simulation", { cookie: adminCookie });
    expect(response.status).toBe(200);
    const page = await response.text();
    const shown = Object.fromEntries(
      [...page.matchAll(/data-outcome="([^"]+)" data-before="(\d+)" data-after="(\d+)"/g)].map(([, key, before, after]) => [
        key,
        { before: Number(before), after: Number(after) },
      ]),
    );

    const stored = await db.candidateRecommendation.findMany();
    const before = emptyCounts();
    const after = emptyCounts();
    let changed = 0;
    for (const row of stored) {
      const current = {
        status: row.status,
        level: row.level,
        band: row.bandMin === null ? null : { min: row.bandMin, max: row.bandMax! },
        premiumBand: row.premiumMin === null ? null : { min: row.premiumMin, max: row.premiumMax! },
      };
      const next = level(row.evidence as unknown as CandidateEvidence, DRAFT_POLICY);
      before[outcomeKey(current)] += 1;
      after[outcomeKey(next)] += 1;
      if (changedParts(current, next).length > 0) changed += 1;
    }
    expect(stored).toHaveLength(60);
    expect(shown).toEqual(Object.fromEntries(Object.keys(before).map((key) => [key, { before: before[key as "IC3"], after: after[key as "IC3"] }])));
    expect(after.IC4).toBeLessThan(before.IC4);
    expect(changed).toBeGreaterThan(0);
    expect(page).toContain(`data-changed-total="${changed}"`);
    expect(page).toContain("With draft <!-- -->2");

    // The simulation wrote nothing.
    const unchanged = await db.candidateRecommendation.findMany();
    expect(unchanged.map((row) => [row.candidateId, row.policyVersion, row.level, row.bandMin])).toEqual(
      stored.map((row) => [row.candidateId, row.policyVersion, row.level, row.bandMin]),
    );
  });

  it("recomputes every stored recommendation under the published draft; decisions keep their version", async () => {
    const draft = await currentDraft();
    const before = await db.candidateRecommendation.findMany();
    const expectedChanged = before.filter((row) => {
      const next = level(row.evidence as unknown as CandidateEvidence, DRAFT_POLICY);
      return row.level !== next.level || row.bandMin !== (next.band?.min ?? null) || row.premiumMin !== (next.premiumBand?.min ?? null);
    }).length;

    const form = { intent: "publish", draftId: draft.id, version: String(draft.version) };
    const responses = await Promise.all([post(form), post(form, otherAdminCookie)]);
    expect(responses.map((response) => response.status).sort()).toEqual([302, 409]);
    const location = responses.find((response) => response.status === 302)!.headers.get("location")!;
    expect(location).toBe(`/admin/policy?done=published&changed=${expectedChanged}&recomputed=60`);

    expect(await db.levelingPolicyVersion.findMany({ orderBy: { number: "asc" }, select: { number: true, status: true } })).toEqual([
      { number: 1, status: "RETIRED" },
      { number: 2, status: "PUBLISHED" },
    ]);
    const { getCurrentPolicy } = await import("~/models/policy.server");
    expect((await getCurrentPolicy()).scoreLevels.IC4.minMean).toBe(3.2);

    const after = await db.candidateRecommendation.findMany();
    expect(after).toHaveLength(60);
    for (const row of after) {
      const expected = level(row.evidence as unknown as CandidateEvidence, { ...DRAFT_POLICY, version: 2 });
      expect(row.policyVersion).toBe(2);
      expect({ status: row.status, level: row.level, bandMin: row.bandMin, bandMax: row.bandMax, premiumMin: row.premiumMin }).toEqual({
        status: expected.status,
        level: expected.level,
        bandMin: expected.band?.min ?? null,
        bandMax: expected.band?.max ?? null,
        premiumMin: expected.premiumBand?.min ?? null,
      });
      expect(row.explanation).toEqual(expected.explanation);
      expect(row.flagCount).toBe(expected.flags.length);
    }
    expect((await db.hiringDecision.findUniqueOrThrow({ where: { candidateId: candidateIds[3]! } })).policyVersion).toBe(1);

    const audit = await db.auditEvent.findMany({ where: { action: "policy.publish" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: expect.any(String), entityId: draft.id });
    expect(audit[0]!.details).toEqual({ number: 2, previous: 1, recomputed: 60, changed: expectedChanged });

    const simulation = await (await app.request("/admin/policy/simulation", { cookie: adminCookie })).text();
    expect(simulation).toContain("There is no draft policy to simulate");
  });
});

describe("access", () => {
  it("gives non-admins 403 on every policy page and action, and changes nothing", async () => {
    const before = await db.levelingPolicyVersion.findMany({ orderBy: { number: "asc" } });
    for (const roles of [["INTERVIEWER"], ["RECRUITER"]] as const) {
      const cookie = await login(app, await createTestUser([...roles]));
      for (const path of ["/admin/policy", "/admin/policy/simulation", "/admin/policy.data", "/admin/policy/simulation.data"]) {
        expect((await app.request(path, { cookie })).status, `${roles[0]} ${path}`).toBe(403);
      }
      for (const intent of ["start", "save", "publish", "discard"]) {
        const response = await post({ ...saveForm(before[0]!, DEFAULT_POLICY), intent }, cookie);
        expect(response.status, `${roles[0]} ${intent}`).toBe(403);
      }
    }
    expect(await db.levelingPolicyVersion.findMany({ orderBy: { number: "asc" } })).toEqual(before);
  });
});

import { randomUUID } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import type { Db } from "~/utils/db.server";
import type { TestApp } from "../support/test-app";
import { createCandidateWithInterviews } from "../support/scorecards";
import {
  createRecommendedCandidate,
  createTarget,
  draftForm,
  submitForm,
  TEST_PASSWORD,
  isBlind,
  uniqueName,
  type ActorKey,
  type BlindActor,
  type BlindWorld,
  type Cast,
  type World,
} from "./world";

/**
 * The expected answer of every route of the build (GET on each loader, POST on each intent
 * of each action) to each actor. tests/integration/security-authorization-matrix.test.ts
 * walks the build's route list and fails on a route or intent missing here, on a stale entry,
 * and on any answer that differs; an answer more permissive than expected is a leak.
 *
 * Actors: anonymous (no cookie); assigned = an interviewer assigned to the candidate or
 * interview in question (A by default: drafting, not submitted; some cases bind B, who
 * submitted); unassigned = an interviewer with interviews of their own but none of this
 * candidate's; recruiter; admin (admin role only). See tests/security/world.ts.
 */

export type Outcome =
  /** 200 */
  | { kind: "ok" }
  /** 302 to /login (document) or a single-fetch redirect to /login (202, data). */
  | { kind: "login" }
  | { kind: "forbidden" }
  | { kind: "not-found" }
  /** A redirect elsewhere (302 document / 202 single fetch) whose Location matches. */
  | { kind: "redirect"; to: string | RegExp }
  | { kind: "status"; status: number };

export const OK: Outcome = { kind: "ok" };
export const LOGIN: Outcome = { kind: "login" };
export const FORBIDDEN: Outcome = { kind: "forbidden" };
export const NOT_FOUND: Outcome = { kind: "not-found" };
export const redirectTo = (to: string | RegExp): Outcome => ({ kind: "redirect", to });

/** Refusals: nothing may be served or changed. */
export function isRefusal(outcome: Outcome): boolean {
  return (
    outcome.kind === "login" ||
    outcome.kind === "forbidden" ||
    outcome.kind === "not-found" ||
    (outcome.kind === "status" && outcome.status >= 400)
  );
}

export type Expectations = Record<ActorKey, Outcome>;

export type MatrixContext = { app: TestApp; db: Db; cast: Cast; world: World };

/** Who plays "interviewer assigned" in a case: A (drafting, default), B or P (submitted). */
export type AssignedAs = "A" | "B" | "P";

export type GetCase = {
  name: string;
  assigned?: AssignedAs;
  path: (ctx: MatrixContext) => string;
  /** The single-fetch URL when it is not `path` + ".data". */
  dataPath?: (ctx: MatrixContext) => string;
  /** Default: both the document and its single-fetch data request. */
  variants?: readonly ("document" | "data")[];
  expect: Expectations;
};

export type Form = Record<string, string | string[]>;
export type Prepared = { path: string; form: Form };

export type ActionCase = {
  name: string;
  assigned?: AssignedAs;
  /** Fresh state for this case; every actor posts the same form to the same path. */
  prepare: (ctx: MatrixContext) => Promise<Prepared>;
  /** Post with a session of its own (logout ends the session it is sent with). */
  freshSession?: boolean;
  expect: Expectations;
  /** Undo what the authorized actor's successful post changed, when later cases depend on it. */
  restore?: (ctx: MatrixContext) => Promise<void>;
  /** After every actor posted: a problem with what the allowed posts did, or null. */
  verify?: (ctx: MatrixContext) => Promise<string | null>;
};

export type RouteEntry = {
  get?: readonly GetCase[];
  /** Intent → cases. Actions without an intent field use the key "default". */
  intents?: Readonly<Record<string, readonly ActionCase[]>>;
};

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const refusedTo = (allowed: Partial<Expectations>, refusal: Outcome = FORBIDDEN): Expectations => ({
  anonymous: LOGIN,
  assigned: refusal,
  unassigned: refusal,
  recruiter: refusal,
  admin: refusal,
  ...allowed,
});
const EVERYONE = (outcome: Outcome): Expectations => ({
  anonymous: outcome,
  assigned: outcome,
  unassigned: outcome,
  recruiter: outcome,
  admin: outcome,
});
/** An API answer whatever the session: the API reads bearer tokens only. */
const API_STATUS = (status: number): Outcome => ({ kind: "status", status });
const SIGNED_IN = (outcome: Outcome): Expectations => ({ ...EVERYONE(outcome), anonymous: LOGIN });
const ADMIN_ONLY = (outcome: Outcome = OK) => refusedTo({ admin: outcome });
const RECRUITER_ONLY = (outcome: Outcome = OK) => refusedTo({ recruiter: outcome });
/** Interviewer pages: other interviewers get 404 (the interview is not theirs), other roles 403. */
const INTERVIEWER_OWN = (own: Outcome, unassigned: Outcome = NOT_FOUND): Expectations => ({
  anonymous: LOGIN,
  assigned: own,
  unassigned,
  recruiter: FORBIDDEN,
  admin: FORBIDDEN,
});

// ---------------------------------------------------------------------------------------
// Preparation helpers for actions (each case gets fresh rows, so a successful post by the
// authorized actor cannot disturb another case).

const RUBRIC_AREA = "code_quality";

/** An endpoint pointing nowhere (the discard port), for the webhook admin's cases. */
async function webhookEndpoint(adminId: string, active: boolean) {
  const { createWebhookEndpoint } = await import("~/models/webhook.server");
  const { getDb } = await import("~/utils/db.server");
  const endpoint = await createWebhookEndpoint({ url: "http://127.0.0.1:9/hooks", events: ["candidate.created"] }, { id: adminId });
  if (!active) await getDb().webhookEndpoint.update({ where: { id: endpoint.id }, data: { active: false } });
  return endpoint;
}

async function ensureNoRubricDraft({ db, cast }: MatrixContext) {
  const { discardRubricDraft } = await import("~/models/rubric-admin.server");
  const draft = await db.rubricVersion.findFirst({ where: { areaKey: RUBRIC_AREA, status: "DRAFT" } });
  if (draft) await discardRubricDraft({ areaKey: RUBRIC_AREA, draftId: draft.id, expectedVersion: draft.version, actor: { id: cast.admin.id } });
}

async function ensureRubricDraft({ db, cast }: MatrixContext) {
  const { startRubricDraft } = await import("~/models/rubric-admin.server");
  const existing = await db.rubricVersion.findFirst({ where: { areaKey: RUBRIC_AREA, status: "DRAFT" } });
  if (!existing) await startRubricDraft(RUBRIC_AREA, { id: cast.admin.id });
  return db.rubricVersion.findFirstOrThrow({
    where: { areaKey: RUBRIC_AREA, status: "DRAFT" },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
}

/** The rubric editor's form for a stored draft, as the browser posts it. */
export function rubricSaveForm(draft: Awaited<ReturnType<typeof ensureRubricDraft>>): Record<string, string> {
  const form: Record<string, string> = { intent: "save", draftId: draft.id, version: String(draft.version) };
  draft.criteria.forEach((criterion, index) => {
    form[`criteria[${index}].key`] = criterion.key;
    form[`criteria[${index}].title`] = criterion.title;
    form[`criteria[${index}].lookFor`] = criterion.lookFor;
    form[`criteria[${index}].weight`] = String(criterion.weight);
    form[`criteria[${index}].anchors.1`] = criterion.anchor1;
    form[`criteria[${index}].anchors.2`] = criterion.anchor2;
    form[`criteria[${index}].anchors.3`] = criterion.anchor3;
    form[`criteria[${index}].anchors.4`] = criterion.anchor4;
  });
  return form;
}

async function ensureNoPolicyDraft({ db, cast }: MatrixContext) {
  const { discardPolicyDraft } = await import("~/models/policy-admin.server");
  const draft = await db.levelingPolicyVersion.findFirst({ where: { status: "DRAFT" } });
  if (draft) await discardPolicyDraft({ draftId: draft.id, expectedVersion: draft.version, actor: { id: cast.admin.id } });
}

async function ensurePolicyDraft({ db, cast }: MatrixContext) {
  const { startPolicyDraft } = await import("~/models/policy-admin.server");
  if (!(await db.levelingPolicyVersion.findFirst({ where: { status: "DRAFT" } }))) await startPolicyDraft({ id: cast.admin.id });
  return db.levelingPolicyVersion.findFirstOrThrow({ where: { status: "DRAFT" } });
}

/** Every field of a policy as the editor posts it: `policy.hireBar.minMean` and so on. */
export function policyFields(policy: unknown, prefix = "policy"): Record<string, string> {
  const form: Record<string, string> = {};
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
    } else if (value !== undefined && value !== null) {
      form[path] = String(value);
    }
  };
  walk(policy, prefix);
  return form;
}

/** A fresh candidate A interviews in one area (no scorecard yet) and another interviewer in a second. */
async function candidateWithOpenInterview({ db, cast }: MatrixContext) {
  const created = await createCandidateWithInterviews(
    db,
    [
      { areaKey: "problem_formulation", interviewerId: cast.A.id, hoursAgo: 1 },
      { areaKey: "feature_engineering", interviewerId: cast.B.id, hoursAgo: 1 },
    ],
    { name: uniqueName("Marta Fresh") },
  );
  return { candidate: created.candidate, interviewA: created.interviews[0]!, interviewB: created.interviews[1]! };
}

export function candidateFields(recruiterId: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: uniqueName("Valeria Nueva"),
    email: `valeria-${randomUUID().slice(0, 8)}@candidates.example`,
    country: "Colombia",
    currentTitle: "Senior ML Engineer",
    yearsExperience: "8",
    track: "IC",
    faangExperience: "on",
    notes: "Met at a meetup.",
    recruiterId,
    ...overrides,
  };
}

/** An unread in-app notification of `userId`, linking to one of their interviews. */
async function notificationFor({ db }: MatrixContext, userId: string, link = "/interviews") {
  return db.notification.create({
    data: { userId, kind: "reminder.due", title: "Scorecard due", body: "Your scorecard is due.", link },
  });
}

// ---------------------------------------------------------------------------------------

export const AUTHORIZATION_MATRIX: Readonly<Record<string, RouteEntry>> = {
  root: {
    get: [
      {
        name: "layout loader alone (the signed-in user's name and roles, nothing else)",
        path: () => "/",
        dataPath: () => "/_root.data?_routes=root",
        variants: ["data"],
        expect: EVERYONE(OK),
      },
    ],
  },

  "routes/_index": {
    get: [
      {
        name: "start page sends each role home",
        path: () => "/",
        expect: {
          anonymous: LOGIN,
          assigned: redirectTo("/interviews"),
          unassigned: redirectTo("/interviews"),
          recruiter: redirectTo("/candidates"),
          admin: redirectTo("/admin/users"),
        },
      },
    ],
  },

  "routes/healthz": { get: [{ name: "health check is public", path: () => "/healthz", expect: EVERYONE(OK) }] },

  // --- REST API: bearer tokens only (tests/integration/api.test.ts); a session grants nothing --

  "routes/api.v1.openapi[.]json": {
    get: [{ name: "the OpenAPI document is public", path: () => "/api/v1/openapi.json", variants: ["document"], expect: EVERYONE(OK) }],
  },
  "routes/api.$": {
    get: [{ name: "an unknown API path", path: () => "/api/v1/nothing", variants: ["document"], expect: EVERYONE(API_STATUS(404)) }],
    intents: { default: [{ name: "a form posted to an unknown API path", prepare: async () => ({ path: "/api/v1/nothing", form: {} }), expect: EVERYONE(API_STATUS(415)) }] },
  },
  "routes/api.v1.candidates._index": {
    get: [{ name: "candidates through the API with a session", path: () => "/api/v1/candidates", variants: ["document"], expect: EVERYONE(API_STATUS(401)) }],
    intents: { default: [{ name: "a form posted to the API", prepare: async ({ cast }) => ({ path: "/api/v1/candidates", form: candidateFields(cast.recruiter.id) }), expect: EVERYONE(API_STATUS(415)) }] },
  },
  "routes/api.v1.candidates.$candidateId._index": {
    get: [{ name: "a candidate through the API with a session", path: ({ world }) => `/api/v1/candidates/${world.candidate.id}`, variants: ["document"], expect: EVERYONE(API_STATUS(401)) }],
    intents: { default: [{ name: "a form posted to the API", prepare: async ({ world }) => ({ path: `/api/v1/candidates/${world.candidate.id}`, form: { name: "x" } }), expect: EVERYONE(API_STATUS(415)) }] },
  },
  "routes/api.v1.candidates.$candidateId.interviews": {
    get: [{ name: "interviews through the API with a session", path: ({ world }) => `/api/v1/candidates/${world.candidate.id}/interviews`, variants: ["document"], expect: EVERYONE(API_STATUS(401)) }],
    intents: { default: [{ name: "a form posted to the API", prepare: async ({ world }) => ({ path: `/api/v1/candidates/${world.candidate.id}/interviews`, form: { areaKey: "code_quality" } }), expect: EVERYONE(API_STATUS(415)) }] },
  },
  "routes/api.v1.candidates.$candidateId.recommendation": {
    get: [{ name: "a recommendation through the API with a session", path: ({ world }) => `/api/v1/candidates/${world.candidate.id}/recommendation`, variants: ["document"], expect: EVERYONE(API_STATUS(401)) }],
    intents: { default: [{ name: "a form posted to the API", prepare: async ({ world }) => ({ path: `/api/v1/candidates/${world.candidate.id}/recommendation`, form: {} }), expect: EVERYONE(API_STATUS(415)) }] },
  },
  "routes/api.v1.candidates.$candidateId.decision": {
    get: [{ name: "a decision through the API with a session", path: ({ world }) => `/api/v1/candidates/${world.candidate.id}/decision`, variants: ["document"], expect: EVERYONE(API_STATUS(401)) }],
    intents: { default: [{ name: "a form posted to the API", prepare: async ({ world }) => ({ path: `/api/v1/candidates/${world.candidate.id}/decision`, form: { kind: "accept" } }), expect: EVERYONE(API_STATUS(415)) }] },
  },

  "routes/admin.api-tokens": {
    get: [{ name: "API tokens", path: () => "/admin/api-tokens", expect: ADMIN_ONLY() }],
    intents: {
      create: [
        {
          name: "create a service token",
          prepare: async () => ({ path: "/admin/api-tokens", form: { intent: "create", name: uniqueName("Token"), scopes: ["candidates:read"] } }),
          expect: ADMIN_ONLY(),
        },
      ],
      revoke: [
        {
          name: "revoke a token",
          prepare: async ({ cast }) => {
            const { createApiToken } = await import("~/models/api-token.server");
            const token = await createApiToken({ name: uniqueName("Token"), scopes: ["candidates:read"] }, { id: cast.admin.id });
            return { path: "/admin/api-tokens", form: { intent: "revoke", tokenId: token.id } };
          },
          expect: ADMIN_ONLY(),
        },
      ],
    },
  },

  "routes/admin.webhooks": {
    get: [{ name: "webhooks", path: () => "/admin/webhooks", expect: ADMIN_ONLY() }],
    intents: {
      create: [
        {
          name: "register a webhook endpoint",
          // Disabled right after, so later cases queue no deliveries to it.
          prepare: async () => ({ path: "/admin/webhooks", form: { intent: "create", url: "http://127.0.0.1:9/hooks", events: ["candidate.created"] } }),
          expect: ADMIN_ONLY(),
          restore: async ({ db }) => void (await db.webhookEndpoint.updateMany({ data: { active: false } })),
        },
      ],
      disable: [
        {
          name: "disable an endpoint",
          prepare: async ({ cast }) => ({ path: "/admin/webhooks", form: { intent: "disable", endpointId: (await webhookEndpoint(cast.admin.id, true)).id } }),
          expect: ADMIN_ONLY(),
        },
      ],
      enable: [
        {
          name: "enable an endpoint",
          prepare: async ({ cast }) => ({ path: "/admin/webhooks", form: { intent: "enable", endpointId: (await webhookEndpoint(cast.admin.id, false)).id } }),
          expect: ADMIN_ONLY(),
          restore: async ({ db }) => void (await db.webhookEndpoint.updateMany({ data: { active: false } })),
        },
      ],
      redeliver: [
        {
          name: "redeliver a delivery",
          prepare: async ({ db, cast }) => {
            const endpoint = await webhookEndpoint(cast.admin.id, false);
            const delivery = await db.webhookDelivery.create({
              data: { endpointId: endpoint.id, eventId: randomUUID(), eventType: "candidate.created", payload: "{}", status: "failed" },
            });
            return { path: "/admin/webhooks", form: { intent: "redeliver", deliveryId: delivery.id } };
          },
          expect: ADMIN_ONLY(),
          restore: async ({ db }) => void (await db.webhookDelivery.deleteMany({})),
        },
      ],
    },
  },

  "routes/login": {
    get: [
      {
        name: "sign-in page; signed-in users go home",
        path: () => "/login",
        expect: { ...EVERYONE(redirectTo("/")), anonymous: OK },
      },
    ],
    intents: {
      default: [
        {
          name: "signing in as someone (anyone may post credentials)",
          prepare: async () => {
            const target = await createTarget(["INTERVIEWER"]);
            return { path: "/login", form: { email: target.email, password: TEST_PASSWORD } };
          },
          expect: EVERYONE(redirectTo("/")),
        },
      ],
    },
  },

  "routes/logout": {
    get: [{ name: "GET never signs out, only goes home", path: () => "/logout", expect: EVERYONE(redirectTo("/")) }],
    intents: {
      default: [
        {
          name: "signing out (own session)",
          freshSession: true,
          prepare: async () => ({ path: "/logout", form: {} }),
          expect: EVERYONE(redirectTo("/login")),
        },
      ],
    },
  },

  "routes/account": {
    get: [{ name: "own account", path: () => "/account", expect: SIGNED_IN(OK) }],
    intents: {
      default: [
        {
          name: "change own password",
          prepare: async () => ({
            path: "/account",
            form: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD },
          }),
          expect: SIGNED_IN(redirectTo("/account?changed=1")),
        },
      ],
    },
  },

  // --- admin ------------------------------------------------------------------------------

  "routes/admin.users": {
    get: [{ name: "user list", path: () => "/admin/users", expect: ADMIN_ONLY() }],
    intents: {
      create: [
        {
          name: "create an admin account",
          prepare: async () => ({
            path: "/admin/users",
            form: {
              intent: "create",
              name: uniqueName("Mallory"),
              email: `mallory-${randomUUID().slice(0, 8)}@test.example`,
              password: "a long enough password",
              roles: "ADMIN",
            },
          }),
          expect: ADMIN_ONLY(redirectTo("/admin/users?done=created")),
        },
      ],
      roles: [
        {
          name: "change another user's roles",
          prepare: async () => {
            const target = await createTarget();
            return { path: "/admin/users", form: { intent: "roles", userId: target.id, roles: ["INTERVIEWER", "RECRUITER"] } };
          },
          expect: ADMIN_ONLY(redirectTo("/admin/users?done=roles")),
        },
        {
          name: "a recruiter makes themselves admin",
          prepare: async ({ cast }) => ({
            path: "/admin/users",
            form: { intent: "roles", userId: cast.recruiter.id, roles: ["RECRUITER", "ADMIN"] },
          }),
          // The admin's post of the same form does promote them; the recruiter is put back.
          expect: ADMIN_ONLY(redirectTo("/admin/users?done=roles")),
          restore: async ({ db, cast }) => {
            await db.user.update({ where: { id: cast.recruiter.id }, data: { roles: ["RECRUITER"] } });
          },
        },
      ],
      deactivate: [
        {
          name: "deactivate a user",
          prepare: async () => {
            const target = await createTarget(["RECRUITER"]);
            return { path: "/admin/users", form: { intent: "deactivate", userId: target.id } };
          },
          expect: ADMIN_ONLY(redirectTo("/admin/users?done=deactivated")),
        },
      ],
      reactivate: [
        {
          name: "reactivate a deactivated user",
          prepare: async ({ db }) => {
            const target = await createTarget();
            await db.user.update({ where: { id: target.id }, data: { active: false, deactivatedAt: new Date() } });
            return { path: "/admin/users", form: { intent: "reactivate", userId: target.id } };
          },
          expect: ADMIN_ONLY(redirectTo("/admin/users?done=reactivated")),
        },
      ],
      "reset-password": [
        {
          name: "reset another user's password",
          prepare: async () => {
            const target = await createTarget(["RECRUITER"]);
            return { path: "/admin/users", form: { intent: "reset-password", userId: target.id, password: "taken over 12345" } };
          },
          expect: ADMIN_ONLY(redirectTo("/admin/users?done=password-reset")),
        },
      ],
    },
  },

  "routes/admin.audit": { get: [{ name: "audit log", path: () => "/admin/audit", expect: ADMIN_ONLY() }] },
  "routes/admin.audit[.]csv": { get: [{ name: "audit CSV", path: () => "/admin/audit.csv", expect: ADMIN_ONLY() }] },
  "routes/admin.rubrics._index": { get: [{ name: "rubric list", path: () => "/admin/rubrics", expect: ADMIN_ONLY() }] },

  "routes/admin.rubrics.$areaKey": {
    get: [
      { name: "a rubric", path: () => `/admin/rubrics/${RUBRIC_AREA}`, expect: ADMIN_ONLY() },
      { name: "an unknown screen area", path: () => "/admin/rubrics/no_such_area", expect: ADMIN_ONLY(NOT_FOUND) },
    ],
    intents: {
      start: [
        {
          name: "start a rubric draft",
          prepare: async (ctx) => {
            await ensureNoRubricDraft(ctx);
            return { path: `/admin/rubrics/${RUBRIC_AREA}`, form: { intent: "start" } };
          },
          expect: ADMIN_ONLY(redirectTo(`/admin/rubrics/${RUBRIC_AREA}?done=started`)),
        },
      ],
      save: [
        {
          name: "save a rubric draft",
          prepare: async (ctx) => {
            const draft = await ensureRubricDraft(ctx);
            const form = rubricSaveForm(draft);
            form["criteria[0].title"] = "Retitled by the matrix";
            return { path: `/admin/rubrics/${RUBRIC_AREA}`, form };
          },
          expect: ADMIN_ONLY(redirectTo(`/admin/rubrics/${RUBRIC_AREA}?done=saved`)),
        },
      ],
      publish: [
        {
          name: "publish a rubric draft",
          prepare: async (ctx) => {
            const draft = await ensureRubricDraft(ctx);
            return { path: `/admin/rubrics/${RUBRIC_AREA}`, form: { intent: "publish", draftId: draft.id, version: String(draft.version) } };
          },
          expect: ADMIN_ONLY(redirectTo(`/admin/rubrics/${RUBRIC_AREA}?done=published`)),
        },
      ],
      discard: [
        {
          name: "discard a rubric draft",
          prepare: async (ctx) => {
            const draft = await ensureRubricDraft(ctx);
            return { path: `/admin/rubrics/${RUBRIC_AREA}`, form: { intent: "discard", draftId: draft.id, version: String(draft.version) } };
          },
          expect: ADMIN_ONLY(redirectTo(`/admin/rubrics/${RUBRIC_AREA}?done=discarded`)),
        },
      ],
      __intent__: [
        {
          name: "add a criterion in the editor (Conform list intent, nothing stored)",
          prepare: async (ctx) => {
            const draft = await ensureRubricDraft(ctx);
            const form = { ...rubricSaveForm(draft), __intent__: JSON.stringify({ type: "insert", payload: { name: "criteria" } }) };
            return { path: `/admin/rubrics/${RUBRIC_AREA}`, form };
          },
          expect: ADMIN_ONLY(OK),
        },
      ],
    },
  },

  "routes/admin.policy._index": {
    get: [{ name: "leveling policy with salary bands", path: () => "/admin/policy", expect: ADMIN_ONLY() }],
    intents: {
      start: [
        {
          name: "start a policy draft",
          prepare: async (ctx) => {
            await ensureNoPolicyDraft(ctx);
            return { path: "/admin/policy", form: { intent: "start" } };
          },
          expect: ADMIN_ONLY(redirectTo("/admin/policy?done=started")),
        },
      ],
      save: [
        {
          name: "save a policy draft (raise the IC3 band)",
          prepare: async (ctx) => {
            const draft = await ensurePolicyDraft(ctx);
            const form: Form = { intent: "save", draftId: draft.id, version: String(draft.version), ...policyFields(draft.policy) };
            form["policy.bands.IC3.max"] = "6500";
            return { path: "/admin/policy", form };
          },
          expect: ADMIN_ONLY(redirectTo("/admin/policy?done=saved")),
        },
      ],
      publish: [
        {
          name: "publish a policy draft",
          prepare: async (ctx) => {
            const draft = await ensurePolicyDraft(ctx);
            return { path: "/admin/policy", form: { intent: "publish", draftId: draft.id, version: String(draft.version) } };
          },
          expect: ADMIN_ONLY(redirectTo(/^\/admin\/policy\?done=published&/)),
        },
      ],
      discard: [
        {
          name: "discard a policy draft",
          prepare: async (ctx) => {
            const draft = await ensurePolicyDraft(ctx);
            return { path: "/admin/policy", form: { intent: "discard", draftId: draft.id, version: String(draft.version) } };
          },
          expect: ADMIN_ONLY(redirectTo("/admin/policy?done=discarded")),
        },
      ],
    },
  },

  "routes/admin.policy.simulation": {
    get: [{ name: "policy simulation (every candidate's band)", path: () => "/admin/policy/simulation", expect: ADMIN_ONLY() }],
  },

  // --- everyone signed in ------------------------------------------------------------------

  "routes/inbox": {
    get: [{ name: "own notifications", path: () => "/inbox", expect: SIGNED_IN(OK) }],
    intents: {
      "mark-read": [
        {
          name: "mark a notification read (the assigned interviewer's own; anyone else's looks like none)",
          prepare: async (ctx) => {
            const notification = await notificationFor(ctx, ctx.cast.A.id);
            return { path: "/inbox", form: { intent: "mark-read", notificationId: notification.id } };
          },
          expect: { ...SIGNED_IN(NOT_FOUND), assigned: redirectTo("/inbox") },
        },
      ],
      open: [
        {
          name: "open a notification (follows its link; anyone else's looks like none)",
          prepare: async (ctx) => {
            const notification = await notificationFor(ctx, ctx.cast.A.id, `/interviews/${ctx.world.interviews.A}`);
            return { path: "/inbox", form: { intent: "open", notificationId: notification.id } };
          },
          expect: { ...SIGNED_IN(NOT_FOUND), assigned: redirectTo(new RegExp(`^/interviews/${UUID}$`)) },
        },
      ],
      "mark-all-read": [
        {
          name: "mark all own notifications read (never someone else's)",
          prepare: async (ctx) => {
            await notificationFor(ctx, ctx.cast.P.id);
            return { path: "/inbox", form: { intent: "mark-all-read" } };
          },
          expect: SIGNED_IN(redirectTo("/inbox")),
          verify: async ({ db, cast }) =>
            (await db.notification.count({ where: { userId: cast.P.id, readAt: null } })) > 0
              ? null
              : "another user's mark-all-read marked P's notifications read",
        },
      ],
    },
  },

  // --- calibration and analytics (recruiters and admins) ----------------------------------

  "routes/calibration._index": {
    get: [{ name: "interviewer leniency", path: () => "/calibration", expect: refusedTo({ recruiter: OK, admin: OK }) }],
  },
  "routes/calibration[.]csv": {
    get: [{ name: "interviewer leniency CSV", path: () => "/calibration.csv", expect: refusedTo({ recruiter: OK, admin: OK }) }],
  },
  "routes/analytics._index": {
    get: [{ name: "decisions and overrides", path: () => "/analytics", expect: refusedTo({ recruiter: OK, admin: OK }) }],
  },

  // --- recruiter --------------------------------------------------------------------------

  "routes/candidates._index": {
    get: [{ name: "candidate list with recommendations", path: () => "/candidates", expect: RECRUITER_ONLY() }],
  },

  "routes/candidates.import._index": {
    get: [{ name: "import upload form", path: () => "/candidates/import", expect: RECRUITER_ONLY() }],
    intents: {
      default: [
        {
          // Pasted CSV (the matrix posts url-encoded forms); file uploads are tested in candidate-import.test.ts.
          name: "upload a CSV",
          prepare: async () => ({
            path: "/candidates/import",
            form: { csv: `name,email\r\n${uniqueName("Pasted")},pasted-${randomUUID().slice(0, 8)}@candidates.example\r\n` },
          }),
          expect: RECRUITER_ONLY(redirectTo(new RegExp(`^/candidates/import/${UUID}$`))),
        },
      ],
    },
  },

  "routes/candidates.import.$importId": {
    get: [{ name: "an unknown import", path: () => `/candidates/import/${randomUUID()}`, expect: RECRUITER_ONLY(NOT_FOUND) }],
    intents: {
      default: [
        {
          name: "commit the recruiter's own import",
          prepare: async ({ cast }) => {
            const { createCandidateImport } = await import("~/models/candidate-import.server");
            const csv = `name,email,country,currentTitle,yearsExperience,track\r\n${uniqueName("Imported")},imported-${randomUUID().slice(0, 8)}@candidates.example,Chile,MLE,5,IC\r\n`;
            const upload = await createCandidateImport({ fileName: "matrix.csv", csv }, { id: cast.recruiter.id });
            if (!upload.ok) throw new Error(upload.message);
            return { path: `/candidates/import/${upload.id}`, form: {} };
          },
          expect: RECRUITER_ONLY(redirectTo(new RegExp(`^/candidates/import/${UUID}$`))),
        },
      ],
    },
  },

  "routes/candidates.new": {
    get: [{ name: "new candidate form", path: () => "/candidates/new", expect: RECRUITER_ONLY() }],
    intents: {
      default: [
        {
          name: "create a candidate",
          prepare: async ({ cast }) => ({ path: "/candidates/new", form: candidateFields(cast.recruiter.id) }),
          expect: RECRUITER_ONLY(redirectTo(new RegExp(`^/candidates/${UUID}$`))),
        },
      ],
    },
  },

  "routes/candidates.$candidateId._index": {
    get: [
      {
        name: "candidate page (personal data, recommendation, band) of a candidate A interviews",
        path: ({ world }) => `/candidates/${world.candidate.id}`,
        expect: RECRUITER_ONLY(),
      },
      {
        name: "candidate page as B, who submitted",
        assigned: "B",
        path: ({ world }) => `/candidates/${world.candidate.id}`,
        expect: RECRUITER_ONLY(),
      },
      { name: "an unknown candidate", path: () => `/candidates/${randomUUID()}`, expect: RECRUITER_ONLY(NOT_FOUND) },
      { name: "a malformed id", path: () => "/candidates/not-a-uuid", expect: RECRUITER_ONLY(NOT_FOUND) },
    ],
    intents: {
      assign: [
        {
          name: "assign an interviewer",
          prepare: async (ctx) => {
            const { candidate } = await candidateWithOpenInterview(ctx);
            return {
              path: `/candidates/${candidate.id}`,
              form: {
                intent: "assign",
                areaKey: "code_quality",
                interviewerId: ctx.cast.A.id,
                scheduledAt: "2031-01-15T14:00",
                durationMinutes: "60",
              },
            };
          },
          expect: RECRUITER_ONLY(redirectTo(new RegExp(`^/candidates/${UUID}$`))),
        },
      ],
      reassign: [
        {
          name: "reassign an interview (here: the assigned interviewer's own)",
          prepare: async (ctx) => {
            const { candidate, interviewA } = await candidateWithOpenInterview(ctx);
            return {
              path: `/candidates/${candidate.id}`,
              form: { intent: "reassign", interviewId: interviewA.id, interviewerId: ctx.cast.P.id },
            };
          },
          expect: RECRUITER_ONLY(redirectTo(new RegExp(`^/candidates/${UUID}$`))),
        },
      ],
      cancel: [
        {
          name: "cancel an interview",
          prepare: async (ctx) => {
            const { candidate, interviewA } = await candidateWithOpenInterview(ctx);
            return { path: `/candidates/${candidate.id}`, form: { intent: "cancel", interviewId: interviewA.id } };
          },
          expect: RECRUITER_ONLY(redirectTo(new RegExp(`^/candidates/${UUID}$`))),
        },
      ],
      accept: [
        {
          name: "accept the recommendation (candidate the assigned interviewer scored)",
          prepare: async ({ db, cast }) => {
            const { candidate, recommendation } = await createRecommendedCandidate(db, { default: cast.A.id });
            return {
              path: `/candidates/${candidate.id}`,
              form: { intent: "accept", basedOn: recommendation.computedAt.toISOString() },
            };
          },
          expect: RECRUITER_ONLY(redirectTo(new RegExp(`^/candidates/${UUID}#decision$`))),
        },
      ],
      override: [
        {
          name: "override the recommendation with a reason",
          prepare: async ({ db, cast }) => {
            const { candidate, recommendation } = await createRecommendedCandidate(db, { default: cast.A.id });
            return {
              path: `/candidates/${candidate.id}`,
              form: {
                intent: "override",
                basedOn: recommendation.computedAt.toISOString(),
                level: "IC5",
                reason: "The debrief found stronger system design than the scores say.",
              },
            };
          },
          expect: RECRUITER_ONLY(redirectTo(new RegExp(`^/candidates/${UUID}#decision$`))),
        },
      ],
      reopen: [
        {
          name: "reopen a decision",
          prepare: async ({ db, cast }) => {
            const { recordDecision } = await import("~/models/decision.server");
            const { candidate, recommendation } = await createRecommendedCandidate(db, { default: cast.A.id });
            const decided = await recordDecision({
              candidateId: candidate.id,
              basedOn: recommendation.computedAt,
              decision: { kind: "accept" },
              actor: { id: cast.recruiter.id },
            });
            if (!decided.ok) throw new Error(`could not record a decision: ${decided.reason}`);
            return { path: `/candidates/${candidate.id}`, form: { intent: "reopen", decisionId: decided.decisionId } };
          },
          expect: RECRUITER_ONLY(redirectTo(new RegExp(`^/candidates/${UUID}#decision$`))),
        },
      ],
    },
  },

  "routes/candidates.$candidateId.edit": {
    get: [
      { name: "edit form (all personal data)", path: ({ world }) => `/candidates/${world.candidate.id}/edit`, expect: RECRUITER_ONLY() },
      { name: "an unknown candidate", path: () => `/candidates/${randomUUID()}/edit`, expect: RECRUITER_ONLY(NOT_FOUND) },
    ],
    intents: {
      default: [
        {
          name: "edit a candidate the assigned interviewer interviews",
          prepare: async (ctx) => {
            const { candidate } = await candidateWithOpenInterview(ctx);
            return {
              path: `/candidates/${candidate.id}/edit`,
              form: { ...candidateFields(ctx.cast.recruiter.id, { name: uniqueName("Renamed") }), version: String(candidate.version) },
            };
          },
          expect: RECRUITER_ONLY(redirectTo(new RegExp(`^/candidates/${UUID}$`))),
        },
      ],
    },
  },

  "routes/candidates.$candidateId.packet": {
    get: [
      { name: "printable packet (recommendation, band, every scorecard)", path: ({ world }) => `/candidates/${world.candidate.id}/packet`, expect: RECRUITER_ONLY() },
      { name: "packet as B, who submitted", assigned: "B", path: ({ world }) => `/candidates/${world.candidate.id}/packet`, expect: RECRUITER_ONLY() },
      { name: "an unknown candidate", path: () => `/candidates/${randomUUID()}/packet`, expect: RECRUITER_ONLY(NOT_FOUND) },
    ],
  },

  "routes/candidates.$candidateId.packet[.]csv": {
    get: [
      { name: "packet CSV", path: ({ world }) => `/candidates/${world.candidate.id}/packet.csv`, expect: RECRUITER_ONLY() },
      { name: "packet CSV as B, who submitted", assigned: "B", path: ({ world }) => `/candidates/${world.candidate.id}/packet.csv`, expect: RECRUITER_ONLY() },
      { name: "an unknown candidate", path: () => `/candidates/${randomUUID()}/packet.csv`, expect: RECRUITER_ONLY(NOT_FOUND) },
    ],
  },

  // --- interviewer ------------------------------------------------------------------------

  "routes/interviews._index": {
    get: [{ name: "my interviews", path: () => "/interviews", expect: INTERVIEWER_OWN(OK, OK) }],
  },

  "routes/interviews.$interviewId._index": {
    get: [
      { name: "own scorecard form with its draft", path: ({ world }) => `/interviews/${world.interviews.A}`, expect: INTERVIEWER_OWN(OK) },
      {
        name: "another interviewer's draft on the same candidate (B opens A's interview)",
        assigned: "B",
        path: ({ world }) => `/interviews/${world.interviews.A}`,
        expect: INTERVIEWER_OWN(NOT_FOUND),
      },
      {
        name: "a colleague's submitted scorecard form before own submission (A opens P's interview)",
        path: ({ world }) => `/interviews/${world.interviews.P}`,
        expect: INTERVIEWER_OWN(NOT_FOUND),
      },
      { name: "own submitted scorecard, read-only", assigned: "B", path: ({ world }) => `/interviews/${world.interviews.B}`, expect: INTERVIEWER_OWN(OK) },
      { name: "a malformed id", path: () => "/interviews/1%20OR%201=1", expect: INTERVIEWER_OWN(NOT_FOUND) },
    ],
    intents: {
      "save-draft": [
        {
          name: "save a draft of own scorecard",
          prepare: async (ctx) => {
            const { interviewA } = await candidateWithOpenInterview(ctx);
            return { path: `/interviews/${interviewA.id}`, form: await draftForm(ctx.db, "problem_formulation") };
          },
          expect: INTERVIEWER_OWN(OK),
        },
        {
          name: "write into another interviewer's draft on the same candidate (B posts to A's interview)",
          assigned: "B",
          prepare: async (ctx) => {
            const { interviewA } = await candidateWithOpenInterview(ctx);
            await ctx.app.request(`/interviews/${interviewA.id}`, { cookie: ctx.cast.cookies.A, form: await draftForm(ctx.db, "problem_formulation") });
            return { path: `/interviews/${interviewA.id}`, form: await draftForm(ctx.db, "problem_formulation", 1) };
          },
          expect: INTERVIEWER_OWN(NOT_FOUND),
        },
      ],
      submit: [
        {
          name: "submit own scorecard",
          prepare: async (ctx) => {
            const { interviewA } = await candidateWithOpenInterview(ctx);
            return { path: `/interviews/${interviewA.id}`, form: await submitForm(ctx.db, "problem_formulation") };
          },
          expect: INTERVIEWER_OWN(redirectTo(new RegExp(`^/interviews/${UUID}$`))),
        },
        {
          name: "submit another interviewer's scorecard (B posts to A's interview)",
          assigned: "B",
          prepare: async (ctx) => {
            const { interviewA } = await candidateWithOpenInterview(ctx);
            return { path: `/interviews/${interviewA.id}`, form: await submitForm(ctx.db, "problem_formulation") };
          },
          expect: INTERVIEWER_OWN(NOT_FOUND),
        },
      ],
    },
  },

  "routes/interviews.$interviewId.feedback": {
    get: [
      {
        name: "colleagues' feedback before own submission (independent scoring)",
        path: ({ world }) => `/interviews/${world.interviews.A}/feedback`,
        expect: INTERVIEWER_OWN(FORBIDDEN),
      },
      {
        name: "colleagues' feedback after own submission",
        assigned: "B",
        path: ({ world }) => `/interviews/${world.interviews.B}/feedback`,
        expect: INTERVIEWER_OWN(OK),
      },
      {
        name: "feedback through a colleague's submitted interview (A uses P's interview id)",
        path: ({ world }) => `/interviews/${world.interviews.P}/feedback`,
        expect: INTERVIEWER_OWN(NOT_FOUND),
      },
    ],
  },

  "routes/interviews.$interviewId.kit": {
    get: [
      { name: "own interview kit (questions, candidate profile, earlier notes)", path: ({ world }) => `/interviews/${world.interviews.A}/kit`, expect: INTERVIEWER_OWN(OK) },
      {
        name: "another interviewer's kit on the same candidate (B opens A's)",
        assigned: "B",
        path: ({ world }) => `/interviews/${world.interviews.A}/kit`,
        expect: INTERVIEWER_OWN(NOT_FOUND),
      },
      { name: "a malformed id", path: () => "/interviews/not-a-uuid/kit", expect: INTERVIEWER_OWN(NOT_FOUND) },
    ],
  },

  "routes/scorecards.$scorecardId": {
    get: [
      {
        name: "another interviewer's draft (B reads A's draft scorecard)",
        assigned: "B",
        path: ({ world }) => `/scorecards/${world.scorecards.A}`,
        // A draft is private to its author: not even recruiters or admins read it.
        expect: SIGNED_IN(NOT_FOUND),
      },
      {
        name: "own draft opens the form",
        path: ({ world }) => `/scorecards/${world.scorecards.A}`,
        expect: { ...SIGNED_IN(NOT_FOUND), assigned: redirectTo(new RegExp(`^/interviews/${UUID}$`)) },
      },
      {
        name: "a colleague's submitted scorecard before own submission (A reads P's)",
        path: ({ world }) => `/scorecards/${world.scorecards.P}`,
        expect: { anonymous: LOGIN, assigned: FORBIDDEN, unassigned: NOT_FOUND, recruiter: OK, admin: OK },
      },
      {
        name: "a colleague's submitted scorecard after own submission (B reads P's)",
        assigned: "B",
        path: ({ world }) => `/scorecards/${world.scorecards.P}`,
        expect: { anonymous: LOGIN, assigned: OK, unassigned: NOT_FOUND, recruiter: OK, admin: OK },
      },
      {
        name: "a draft on another candidate (the unassigned interviewer's own draft, read by A)",
        path: ({ world }) => `/scorecards/${world.scorecards.out}`,
        expect: { ...SIGNED_IN(NOT_FOUND), unassigned: redirectTo(new RegExp(`^/interviews/${UUID}$`)) },
      },
      { name: "an unknown scorecard", path: () => `/scorecards/${randomUUID()}`, expect: SIGNED_IN(NOT_FOUND) },
    ],
  },
};

// ---------------------------------------------------------------------------------------
// Independent scoring, for people who hold several roles (issue 11, item 3): every route that
// shows scores of candidate X × the 28 actors of tests/security/world.ts (each role set ×
// not assigned, owes, submitted, two interviews with one submitted). A refusal answered
// with a 2xx is a leak; tests/integration/security-leaks.test.ts scans what the 200s carry.

export type BlindCase = {
  name: string;
  /** The paths requested for one actor; an empty list when the case does not concern them. */
  paths: (world: BlindWorld, actor: BlindActor) => string[];
  /** Default: both the document and its single-fetch data request. */
  variants?: readonly ("document" | "data")[];
  expect: (actor: BlindActor) => Outcome;
};

const holds = (actor: BlindActor, role: Role) => actor.roles.includes(role);
const onlyFor = (role: Role) => (actor: BlindActor) => (holds(actor, role) ? OK : FORBIDDEN);
const forRecruitersAndAdmins = (actor: BlindActor) => (holds(actor, "RECRUITER") || holds(actor, "ADMIN") ? OK : FORBIDDEN);
const listOfX = ({ candidate }: BlindWorld, filters = "") => `/candidates?q=${encodeURIComponent(candidate.name)}${filters}`;

export const BLIND_MATRIX: readonly BlindCase[] = [
  {
    name: "candidate page of X (recommendation, area means, decision, history)",
    paths: ({ candidate }) => [`/candidates/${candidate.id}`],
    expect: onlyFor("RECRUITER"),
  },
  { name: "packet of X", paths: ({ candidate }) => [`/candidates/${candidate.id}/packet`], expect: onlyFor("RECRUITER") },
  {
    name: "packet CSV of X",
    paths: ({ candidate }) => [`/candidates/${candidate.id}/packet.csv`],
    variants: ["document"],
    expect: onlyFor("RECRUITER"),
  },
  {
    name: "candidate list narrowed to X, also by its level and by decided",
    paths: (world) => [listOfX(world), listOfX(world, `&level=${world.level}`), listOfX(world, "&decision=decided")],
    expect: onlyFor("RECRUITER"),
  },
  {
    name: "a colleague's submitted scorecard on X",
    paths: ({ colleagueScorecards }) => [`/scorecards/${colleagueScorecards[0]}`],
    expect: (actor) =>
      isBlind(actor.state)
        ? FORBIDDEN
        : holds(actor, "RECRUITER") || holds(actor, "ADMIN") || actor.state === "submitted"
          ? OK
          : NOT_FOUND,
  },
  {
    name: "own submitted scorecard on X (stays readable while blind)",
    paths: (_world, actor) => actor.ownScorecards.map((id) => `/scorecards/${id}`),
    expect: () => OK,
  },
  {
    name: "colleagues' feedback through each own interview on X",
    paths: (_world, actor) => actor.interviews.map((id) => `/interviews/${id}/feedback`),
    expect: (actor) => (!holds(actor, "INTERVIEWER") || isBlind(actor.state) ? FORBIDDEN : OK),
  },
  {
    name: "audit log of submissions and decisions (weighted scores, recommendations, decision reasons)",
    paths: () => ["/admin/audit?action=scorecard.submit", "/admin/audit?action=decision"],
    expect: onlyFor("ADMIN"),
  },
  { name: "audit CSV", paths: () => ["/admin/audit.csv"], variants: ["document"], expect: onlyFor("ADMIN") },
  { name: "calibration and decision analytics", paths: () => ["/calibration", "/analytics"], expect: forRecruitersAndAdmins },
  { name: "calibration CSV", paths: () => ["/calibration.csv"], variants: ["document"], expect: forRecruitersAndAdmins },
  { name: "policy simulation", paths: () => ["/admin/policy/simulation"], expect: onlyFor("ADMIN") },
];

/**
 * A fresh recommended candidate Y on which `actor` stands as on X (interviews and a submitted
 * scorecard written directly), and the accept form for it: a decision accepts a
 * recommendation, so whoever may not see it may not record one.
 */
export async function blindDecisionCase(db: Db, colleagueId: string, actor: BlindActor): Promise<Prepared & { candidateId: string }> {
  const { candidate, recommendation } = await createRecommendedCandidate(db, { default: colleagueId });
  const areas = actor.state === "none" ? [] : actor.state === "half" ? (["problem_formulation", "ml_system_design"] as const) : (["problem_formulation"] as const);
  for (const [index, areaKey] of areas.entries()) {
    const interview = await db.interview.create({
      data: { candidateId: candidate.id, areaKey, interviewerId: actor.user.id, scheduledAt: new Date(Date.now() - 3 * 3_600_000) },
    });
    if (index === 0 && actor.state !== "owes") {
      const rubric = await db.rubricVersion.findFirstOrThrow({ where: { areaKey, status: "PUBLISHED" }, select: { id: true } });
      await db.scorecard.create({ data: { interviewId: interview.id, rubricVersionId: rubric.id, submittedAt: new Date(), weightedScore: 3 } });
    }
  }
  return {
    candidateId: candidate.id,
    path: `/candidates/${candidate.id}`,
    form: { intent: "accept", basedOn: recommendation.computedAt.toISOString() },
  };
}

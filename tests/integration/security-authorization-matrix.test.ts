import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, login } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";
import {
  AUTHORIZATION_MATRIX,
  BLIND_MATRIX,
  blindDecisionCase,
  FORBIDDEN,
  isRefusal,
  redirectTo,
  type ActionCase,
  type AssignedAs,
  type GetCase,
  type MatrixContext,
} from "../security/authorization-matrix";
import { dataUrl, intentsInSource, loadBuildRoutes, matchesPattern, type BuiltRoute } from "../security/build-routes";
import { changedTables, tableChecksums } from "../security/checksums";
import { answerOf, describeAnswer, describeOutcome, isGranted, matchesOutcome, type Variant } from "../security/http";
import { ACTORS, createBlindWorld, createCast, createWorld, isBlind, type ActorKey, type BlindWorld, type Cast } from "../security/world";

/**
 * Item 1 of issue 6: every route of the production build (GET on each loader, POST on each
 * intent of each action) × {anonymous, interviewer assigned, interviewer not assigned,
 * recruiter, admin}, against the table in tests/security/authorization-matrix.ts.
 *
 * - The route list comes from build/server/index.js, so a new route (or a new intent in a
 *   route's source) without a row in the table fails the first test.
 * - Pages are requested as documents and as single-fetch data (`/x.data`), which is what a
 *   browser with JavaScript loads and what an attacker would call directly.
 * - A refused POST is sent both ways too, and must leave every table unchanged (checksums of
 *   all tables but Session and LoginThrottle — see tests/security/checksums.ts). Then the
 *   authorized actor posts the same form and must succeed (the route works at all).
 * - A leak is an answer more permissive than the table (2xx, or a redirect anywhere but the
 *   sign-in page, where a refusal was expected) or a refused request that changed a row.
 *   Any other difference fails as a mismatch.
 */

let app: TestApp;
let ctx: MatrixContext;
let routes: BuiltRoute[];

beforeAll(async () => {
  routes = await loadBuildRoutes();
  app = await startTestApp();
  const db = (await import("~/utils/db.server")).getDb();
  const cast = await createCast(app);
  const world = await createWorld(app, db, cast);
  ctx = { app, db, cast, world };
}, 120_000);
afterAll(async () => app?.close());

function userOf(cast: Cast, actor: ActorKey, assigned: AssignedAs) {
  switch (actor) {
    case "anonymous":
      return null;
    case "assigned":
      return { user: cast[assigned], cookie: cast.cookies[assigned] };
    case "unassigned":
      return { user: cast.out, cookie: cast.cookies.out };
    case "recruiter":
      return { user: cast.recruiter, cookie: cast.cookies.recruiter };
    case "admin":
      return { user: cast.admin, cookie: cast.cookies.admin };
  }
}

describe("authorization matrix", () => {
  it("has an entry for every route and every intent of the build, and none for routes that are gone", () => {
    const problems: string[] = [];
    const ids = new Set(routes.map((route) => route.id));
    for (const route of routes) {
      const entry = AUTHORIZATION_MATRIX[route.id];
      if (!entry) {
        problems.push(`${route.id} (${route.pattern}) has no entry in tests/security/authorization-matrix.ts`);
        continue;
      }
      if (route.hasLoader && !entry.get?.length) problems.push(`${route.id}: its loader has no GET case`);
      if (!route.hasLoader && entry.get?.length) problems.push(`${route.id}: GET cases, but the route has no loader`);
      if (route.hasAction) {
        const listed = Object.keys(entry.intents ?? {});
        if (listed.length === 0) problems.push(`${route.id}: its action has no intents listed`);
        for (const intent of listed) if (!entry.intents![intent]!.length) problems.push(`${route.id}: intent ${intent} has no case`);
        for (const intent of intentsInSource(route.id)) {
          if (!listed.includes(intent)) problems.push(`${route.id}: intent "${intent}" (found in its source) has no entry`);
        }
      } else if (entry.intents) {
        problems.push(`${route.id}: intents listed, but the route has no action`);
      }
    }
    for (const id of Object.keys(AUTHORIZATION_MATRIX)) if (!ids.has(id)) problems.push(`${id}: entry for a route the build does not have`);
    expect(problems).toEqual([]);
  });

  it(
    "answers every route × actor as the table says; refused requests change nothing",
    async () => {
      const mismatches: string[] = [];
      const leaks: string[] = [];
      let checks = 0;
      let requests = 0;
      let entries = 0;

      const send = async (url: string, variant: Variant, init: { cookie?: string; form?: Record<string, string | string[]> }) => {
        requests += 1;
        const response = await app.request(variant === "data" ? dataUrl(url) : url, init);
        await response.arrayBuffer();
        return answerOf(response);
      };

      const runGet = async (route: BuiltRoute, check: GetCase) => {
        const label = `GET ${route.id} [${check.name}]`;
        const path = check.path(ctx);
        if (!matchesPattern(route.pattern, path)) mismatches.push(`${label}: ${path} does not match ${route.pattern}`);
        const before = await tableChecksums(ctx.db);
        for (const actor of ACTORS) {
          checks += 1;
          const expected = check.expect[actor];
          const cookie = userOf(ctx.cast, actor, check.assigned ?? "A")?.cookie;
          for (const variant of check.variants ?? (["document", "data"] as const)) {
            const url = variant === "data" && check.dataPath ? check.dataPath(ctx) : path;
            const answer = await send(url, check.dataPath && variant === "data" ? "document" : variant, { cookie });
            if (matchesOutcome(expected, answer, variant)) continue;
            const line = `${label} as ${actor} (${variant} ${url}): expected ${describeOutcome(expected)}, got ${describeAnswer(answer)}`;
            if (isRefusal(expected) && isGranted(answer, variant)) leaks.push(line);
            else mismatches.push(line);
          }
        }
        const changed = changedTables(before, await tableChecksums(ctx.db));
        if (changed.length) leaks.push(`${label}: a GET changed ${changed.join(", ")}`);
      };

      const runAction = async (route: BuiltRoute, intent: string, check: ActionCase) => {
        const label = `POST ${route.id} intent=${intent} [${check.name}]`;
        const prepared = await check.prepare(ctx);
        if (!matchesPattern(route.pattern, prepared.path)) mismatches.push(`${label}: ${prepared.path} does not match ${route.pattern}`);
        const refused = ACTORS.filter((actor) => isRefusal(check.expect[actor]));
        const allowed = ACTORS.filter((actor) => !isRefusal(check.expect[actor]));
        const cookieFor = async (actor: ActorKey) => {
          const member = userOf(ctx.cast, actor, check.assigned ?? "A");
          if (!member) return undefined;
          return check.freshSession ? login(app, member.user) : member.cookie;
        };
        for (const actor of refused) {
          checks += 1;
          const expected = check.expect[actor];
          for (const variant of ["document", "data"] as const) {
            const cookie = await cookieFor(actor);
            const before = await tableChecksums(ctx.db);
            const answer = await send(prepared.path, variant, { cookie, form: prepared.form });
            const changed = changedTables(before, await tableChecksums(ctx.db));
            const where = `${label} as ${actor} (${variant})`;
            if (changed.length) leaks.push(`${where}: refused request changed ${changed.join(", ")} (answer ${describeAnswer(answer)})`);
            if (matchesOutcome(expected, answer, variant)) continue;
            const line = `${where}: expected ${describeOutcome(expected)}, got ${describeAnswer(answer)}`;
            if (isGranted(answer, variant)) leaks.push(line);
            else mismatches.push(line);
          }
        }
        for (const actor of allowed) {
          checks += 1;
          const expected = check.expect[actor];
          const answer = await send(prepared.path, "document", { cookie: await cookieFor(actor), form: prepared.form });
          if (!matchesOutcome(expected, answer, "document")) {
            mismatches.push(`${label} as ${actor}: expected ${describeOutcome(expected)}, got ${describeAnswer(answer)}`);
          }
        }
        const problem = await check.verify?.(ctx);
        if (problem) leaks.push(`${label}: ${problem}`);
        await check.restore?.(ctx);
      };

      for (const route of routes) {
        const entry = AUTHORIZATION_MATRIX[route.id];
        if (!entry) continue; // reported by the first test
        if (route.hasLoader) {
          entries += 1;
          for (const check of entry.get ?? []) await runGet(route, check);
        }
        if (route.hasAction) {
          for (const [intent, cases] of Object.entries(entry.intents ?? {})) {
            entries += 1;
            for (const check of cases) await runAction(route, intent, check);
          }
        }
      }

      console.log(`routes × actors checked: ${checks}, leaks found: ${leaks.length}`);
      console.log(`(${entries} loaders and action intents of ${routes.length} routes, ${requests} requests, ${mismatches.length} other mismatches)`);
      expect(leaks).toEqual([]);
      expect(mismatches).toEqual([]);
    },
    240_000,
  );
});

describe("independent scoring for people with several roles", () => {
  let blind: BlindWorld;
  let colleagueId: string;

  beforeAll(async () => {
    blind = await createBlindWorld(app, ctx.db);
    colleagueId = (await createTestUser(["INTERVIEWER"])).id;
  }, 180_000);

  it(
    "answers every score-bearing route × role set × part in the candidate as BLIND_MATRIX says",
    async () => {
      const mismatches: string[] = [];
      const leaks: string[] = [];
      let checks = 0;
      for (const check of BLIND_MATRIX) {
        for (const actor of blind.actors) {
          const expected = check.expect(actor);
          for (const path of check.paths(blind, actor)) {
            checks += 1;
            for (const variant of check.variants ?? (["document", "data"] as const)) {
              const url = variant === "data" ? dataUrl(path) : path;
              const response = await app.request(url, { cookie: actor.cookie });
              await response.arrayBuffer();
              const answer = answerOf(response);
              if (matchesOutcome(expected, answer, variant)) continue;
              const line = `${check.name}: ${actor.key} (${variant} ${url}): expected ${describeOutcome(expected)}, got ${describeAnswer(answer)}`;
              if (isRefusal(expected) && isGranted(answer, variant)) leaks.push(line);
              else mismatches.push(line);
            }
          }
        }
      }
      console.log(`multi-role routes × actors checked: ${checks}, leaks found: ${leaks.length}`);
      console.log(`(${BLIND_MATRIX.length} cases × ${blind.actors.length} actors, ${mismatches.length} other mismatches)`);
      expect(leaks).toEqual([]);
      expect(mismatches).toEqual([]);
    },
    240_000,
  );

  it("refuses a decision from a recruiter who still owes a scorecard for the candidate, and writes nothing", async () => {
    const problems: string[] = [];
    let checks = 0;
    for (const actor of blind.actors.filter((candidate) => candidate.roles.includes("RECRUITER"))) {
      const prepared = await blindDecisionCase(ctx.db, colleagueId, actor);
      for (const variant of ["document", "data"] as const) {
        checks += 1;
        const before = await tableChecksums(ctx.db);
        const response = await app.request(variant === "data" ? dataUrl(prepared.path) : prepared.path, { cookie: actor.cookie, form: prepared.form });
        await response.arrayBuffer();
        const answer = answerOf(response);
        const changed = changedTables(before, await tableChecksums(ctx.db));
        const expected = isBlind(actor.state) ? FORBIDDEN : redirectTo(`/candidates/${prepared.candidateId}#decision`);
        if (!matchesOutcome(expected, answer, variant)) {
          problems.push(`${actor.key} (${variant}): expected ${describeOutcome(expected)}, got ${describeAnswer(answer)}`);
        }
        if (isBlind(actor.state) && changed.length) problems.push(`${actor.key} (${variant}): a refused decision changed ${changed.join(", ")}`);
        // The allowed post decided; the second variant finds the decision taken (409) — only the first counts.
        if (!isBlind(actor.state)) break;
      }
    }
    console.log(`multi-role decisions checked: ${checks}, problems: ${problems.length}`);
    expect(problems).toEqual([]);
  }, 120_000);
});

import http from "node:http";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, login } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/test-app";
import { MAX_FORM_BYTES } from "~/http/request-guard.server";
import {
  AUTHORIZATION_MATRIX,
  candidateFields,
  isRefusal,
  rubricSaveForm,
  type ActionCase,
  type Form,
  type MatrixContext,
} from "../security/authorization-matrix";
import { dataUrl, loadBuildRoutes, matchesPattern } from "../security/build-routes";
import { changedTables, NOISE_TABLES, tableChecksums } from "../security/checksums";
import {
  applyMutations,
  BROKEN_CONTROL_FIELDS,
  csvCells,
  everyField,
  FORMULA_PAYLOADS,
  HOSTILE_KEYS,
  HTML_PAYLOADS,
  mutationArbitrary,
  NUMBER_PAYLOADS,
  OVERSIZED_NAME_EXAMPLES,
  oversizedFieldName,
  tooManyFields,
  type Mutation,
} from "../security/hostile";
import {
  createCast,
  createRecommendedCandidate,
  createWorld,
  draftForm,
  submitForm,
  type ActorKey,
  type Cast,
  type CastMember,
} from "../security/world";

/**
 * Item 2 of issue 6: fast-check builds hostile form bodies for every intent of every action
 * of the build (wrong types, missing and duplicated fields, strings up to ~100 KB, unicode
 * with RTL/zero-width/emoji/NUL, SQL and HTML payloads, out-of-range numbers, prototype keys)
 * from the valid form of the authorization table, and posts them as the authorized actor.
 *
 * Every answer is a redirect, a success, or a 4xx that says what is wrong — never a 5xx; a
 * refused (4xx) post changes no row (table checksums before/after; Session and LoginThrottle
 * excluded, and AuditEvent for sign-in, where a failed attempt is meant to be recorded);
 * markup that is accepted and shown later is escaped; CSV exports defuse formulas; nothing
 * pollutes Object.prototype of the server process (it runs in this process).
 *
 * FUZZ_RUNS (default 25) sets the random bodies per intent; FUZZ_SEED replays a run.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const routes = await loadBuildRoutes();
const actionIntents = routes
  // The REST API takes bearer-token JSON, never a form: a form gets 415 before any parser
  // (the matrix checks it); its bodies are tested in tests/integration/api.test.ts.
  .filter((route) => route.hasAction && !route.id.startsWith("routes/api."))
  .flatMap((route) => {
    const intents = AUTHORIZATION_MATRIX[route.id]?.intents ?? { "(no entry)": [] };
    return Object.entries(intents).map(([intent, cases]) => ({ route, intent, check: cases[0] }));
  });

/**
 * The server runs in this process, so its heap is this heap. The oversized-shape and body-size
 * tests measure the used heap before each request and right after its answer: at most what
 * that one request allocated (a collection in between only lowers it).
 */
v8.setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const usedHeap = () => v8.getHeapStatistics().used_heap_size;
let heapBaseline = 0;
/** What the closing note asks for, printed once at the end of the file. */
const tally = { requests: 0, serverErrors: 0, maxHeapGrowth: 0 };
function count(status: number): void {
  tally.requests += 1;
  if (status >= 500) tally.serverErrors += 1;
}
/** Runs `send`; returns its result and the heap growth until it answered. */
async function measured<T>(send: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = usedHeap();
  const result = await send();
  const growth = usedHeap() - before;
  tally.maxHeapGrowth = Math.max(tally.maxHeapGrowth, growth);
  return { result, growth };
}
const MB = 1024 * 1024;

let app: TestApp;
let ctx: MatrixContext;
let cast: Cast;
let passwordHashes: Map<string, string>;

beforeAll(async () => {
  app = await startTestApp();
  const db = (await import("~/utils/db.server")).getDb();
  cast = await createCast(app);
  ctx = { app, db, cast, world: await createWorld(app, db, cast) };
  const rows = await db.user.findMany({ select: { id: true, passwordHash: true } });
  passwordHashes = new Map(rows.map((row) => [row.id, row.passwordHash]));
  collectGarbage();
  heapBaseline = usedHeap();
}, 120_000);
afterAll(async () => {
  console.log(
    `hostile input: ${tally.requests} requests, ${tally.serverErrors} answered 5xx, max heap growth ${(tally.maxHeapGrowth / MB).toFixed(1)} MB (one oversized request)`,
  );
  await app?.close();
});

// A fuzzed post may by chance be valid (a password change, a throttled IP): put the cast back.
afterEach(async () => {
  if (!ctx) return;
  await ctx.db.loginThrottle.deleteMany();
  for (const member of ["A", "B", "P", "out", "recruiter", "admin"] as const) {
    const hash = passwordHashes.get(cast[member].id);
    if (hash) await ctx.db.user.update({ where: { id: cast[member].id }, data: { passwordHash: hash, active: true } });
  }
  await ctx.db.user.update({ where: { id: cast.recruiter.id }, data: { roles: ["RECRUITER"] } });
  await ctx.db.user.update({ where: { id: cast.admin.id }, data: { roles: ["ADMIN"] } });
});

/** Each action's URL and who may post to it, for the tests of non-form bodies below. */
const actionTargets = new Map<string, CastMember | null>();

/** Signed-in actors first: they get past authorization to the parsing. */
const PREFERENCE: ActorKey[] = ["assigned", "recruiter", "admin", "unassigned", "anonymous"];
const MEMBER: Record<Exclude<ActorKey, "anonymous">, CastMember> = { assigned: "A", unassigned: "out", recruiter: "recruiter", admin: "admin" };

async function postEntries(path: string, entries: [string, string][], cookie: string | undefined, variant: "document" | "data") {
  const headers = new Headers({ Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" });
  if (cookie) headers.set("Cookie", cookie);
  const url = app.baseUrl + (variant === "data" ? dataUrl(path) : path);
  const response = await fetch(url, { method: "POST", headers, body: new URLSearchParams(entries), redirect: "manual" });
  const answer = { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
  count(answer.status);
  return answer;
}

/** The actor the case lets through (signed-in first: they get past authorization to the parsing). */
function actorOf(check: Pick<ActionCase, "expect">): ActorKey {
  return PREFERENCE.find((candidate) => !isRefusal(check.expect[candidate]))!;
}

async function cookieOf(check: ActionCase, actor: ActorKey): Promise<string | undefined> {
  if (actor === "anonymous") return undefined;
  const member = MEMBER[actor];
  return check.freshSession ? login(app, cast[member]) : cast.cookies[member];
}


/** A 4xx must say why: in a page, an error list, an alert or the error page; else a non-empty text. */
function saysWhy(answer: { type: string; body: string }, variant: "document" | "data"): boolean {
  if (variant === "document" && answer.type.startsWith("text/html")) return /role="alert"|text-red-[6-8]00/.test(answer.body);
  return answer.body.trim().length > 0;
}

const describeMutations = (mutations: readonly Mutation[]) =>
  JSON.stringify(mutations, (_key, value: unknown) => (typeof value === "string" && value.length > 80 ? `${value.slice(0, 60)}…(${value.length} chars)` : value));

describe("hostile form bodies", () => {
  it("every action intent of the build has a valid form to start from", () => {
    const missing = actionIntents.filter(({ check }) => !check).map(({ route, intent }) => `${route.id} ${intent}`);
    expect(missing).toEqual([]);
    expect(actionIntents.length).toBeGreaterThan(0);
  });

  for (const { route, intent, check } of actionIntents) {
    if (!check) continue;
    const actor = actorOf(check);
    it(`${route.id} intent=${intent} as ${actor}: never 5xx, a refusal changes nothing`, async () => {
      const prepared = await check.prepare(ctx);
      if (!check.freshSession) actionTargets.set(prepared.path, actor === "anonymous" ? null : MEMBER[actor]);
      const exclude = route.id === "routes/login" ? [...NOISE_TABLES, "AuditEvent"] : [...NOISE_TABLES];
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      const base = prepared.form;
      const fields = Object.keys(base).filter((name) => name !== "intent" && name !== "__intent__");
      const examples: [("document" | "data"), Mutation[]][] = [
        // One field at a time made invalid only by a NUL, so the rest of the form stays valid.
        ...fields.slice(0, 10).map((field): ["document", Mutation[]] => ["document", [{ kind: "append", field, value: "\u0000" }]]),
        ...BROKEN_CONTROL_FIELDS.map(([field, value]): ["document", Mutation[]] => ["document", [{ kind: "add", field, value }]]),
        ["document", everyField(base, "a\u0000b")],
        ["document", everyField(base, "x".repeat(100_000))],
        ["data", everyField(base, HTML_PAYLOADS[0])],
        ["document", Object.keys(base).map((field): Mutation => ({ kind: "duplicate", field, value: String(base[field]) }))],
        ["data", HOSTILE_KEYS.slice(0, 8).map((field): Mutation => ({ kind: "add", field, value: "polluted" }))],
      ];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom("document" as const, "data" as const), mutationArbitrary(Object.keys(base)), async (variant, mutations) => {
          const cookie = await cookieOf(check, actor);
          const entries = applyMutations(base, mutations);
          const before = await tableChecksums(ctx.db, exclude);
          const answer = await postEntries(prepared.path, entries, cookie, variant);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const what = `${variant} ${describeMutations(mutations)} → ${answer.status}`;
          if (answer.status >= 500) failures.push(`${what}: ${answer.body.slice(0, 200)}`);
          if (answer.status >= 400 && answer.status < 500) {
            const changed = changedTables(before, await tableChecksums(ctx.db, exclude));
            if (changed.length) failures.push(`${what}: refused but changed ${changed.join(", ")}`);
            if (!saysWhy(answer, variant)) failures.push(`${what}: no message in the answer`);
          }
          return failures.length === 0;
        }),
        { numRuns: RUNS + examples.length, examples, seed: SEED, endOnFailure: true },
      ).catch((error: unknown) => {
        if (failures.length === 0) throw error;
      });
      const summary = JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
      if (process.env.FUZZ_VERBOSE) console.log(`${route.id} ${intent}: ${summary}`);
      expect(failures, `statuses ${summary}`).toEqual([]);
    }, 60_000);
  }
});

describe("form shapes that used to exhaust the server", () => {
  for (const { route, intent, check } of actionIntents) {
    if (!check) continue;
    const actor = actorOf(check);
    it(`${route.id} intent=${intent} as ${actor}: oversized field names and field counts get a 400, the heap stays put`, async () => {
      const prepared = await check.prepare(ctx);
      const base = applyMutations(prepared.form, []);
      const fields = Object.keys(prepared.form);
      const failures: string[] = [];
      let peak = 0;
      const examples: [[string, string][]][] = [
        ...OVERSIZED_NAME_EXAMPLES.map((name): [[string, string][]] => [[[name, "x"]]]),
        ...fields.slice(0, 5).map((name): [[string, string][]] => [[[`${name}[100000000]`, "x"]]]),
      ];
      const extra = fc.oneof(oversizedFieldName(fields).map((name): [string, string][] => [[name, "x"]]), tooManyFields);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom("document" as const, "data" as const), extra, async (variant, added) => {
          const cookie = await cookieOf(check, actor);
          const started = Date.now();
          const { result: answer, growth } = await measured(() => postEntries(prepared.path, [...base, ...added], cookie, variant));
          const elapsed = Date.now() - started;
          peak = Math.max(peak, growth);
          const what = `${variant} ${added.length} field(s), first ${added[0]![0].slice(0, 60)}…(${added[0]![0].length} chars) → ${answer.status}`;
          if (answer.status !== 400) failures.push(`${what}: ${answer.body.slice(0, 120)}`);
          // Generous bounds: a refusal costs milliseconds and little memory; `email[1000000]` parsed took
          // hundreds of MB, `email[100000000]` all there was.
          if (elapsed > 10_000) failures.push(`${what}: took ${elapsed} ms`);
          if (growth > 64 * MB) failures.push(`${what}: heap grew ${(growth / MB).toFixed(0)} MB`);
          return failures.length === 0;
        }),
        { numRuns: Math.max(10, RUNS), examples: examples.map(([added]) => ["document", added]), seed: SEED, endOnFailure: true },
      ).catch((error: unknown) => {
        if (failures.length === 0) throw error;
      });
      expect(failures).toEqual([]);
      expect((await app.request("/healthz")).status, "the server still answers").toBe(200);
      collectGarbage();
      expect(usedHeap() - heapBaseline, `heap kept after collection (largest growth of one request ${(peak / MB).toFixed(1)} MB)`).toBeLessThan(128 * MB);
    }, 120_000);
  }
});

describe("the issue's own requests", () => {
  it.each([
    ["/login", "password=x&email%5B100000000%5D=x"],
    ["/login", "password=x&email%5B1000000%5D=x"],
    ["/login", `password=x&email${"%5B0%5D".repeat(5_000)}=x`],
    ["/login", `password=x&${"a.".repeat(5_000)}a=x`],
  ])("POST %s %s… (anonymous) is a 400 that costs no memory", async (path, body) => {
    const { result: response, growth } = await measured(() =>
      fetch(app.baseUrl + path, {
        method: "POST",
        headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
        body,
        redirect: "manual",
      }),
    );
    count(response.status);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/field/);
    expect(growth, "heap growth").toBeLessThan(16 * MB);
  });

  it("roles[10000000] on the admin user form is a 400", async () => {
    const target = await createTestUser(["INTERVIEWER"]);
    const { result: response, growth } = await measured(() =>
      app.request("/admin/users", { cookie: cast.cookies.admin, form: { intent: "roles", userId: target.id, "roles[10000000]": "ADMIN" } }),
    );
    count(response.status);
    expect(response.status).toBe(400);
    expect(growth, "heap growth").toBeLessThan(16 * MB);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: target.id } })).roles).toEqual(["INTERVIEWER"]);
  });
});

describe("numbers out of range in every integer field", () => {
  for (const { route, intent, check } of actionIntents) {
    if (!check) continue;
    const actor = actorOf(check);
    it(`${route.id} intent=${intent} as ${actor}: never 5xx, a refusal changes nothing`, async () => {
      const exclude = route.id === "routes/login" ? [...NOISE_TABLES, "AuditEvent"] : [...NOISE_TABLES];
      const failures: string[] = [];
      let prepared = await check.prepare(ctx);
      let before = await tableChecksums(ctx.db, exclude);
      // Integer fields of the valid form: versions, scores, bands, durations, counts.
      const numeric = Object.entries(prepared.form)
        .filter(([, value]) => typeof value === "string" && /^-?\d+$/.test(value))
        .map(([name]) => name);
      // Fresh state only after an accepted value (a valid score may have moved a version on).
      for (const field of numeric) {
        for (const payload of NUMBER_PAYLOADS) {
          const cookie = await cookieOf(check, actor);
          if (check.freshSession) before = await tableChecksums(ctx.db, exclude); // signing in is audited
          const entries = applyMutations(prepared.form, [{ kind: "replace", field, value: payload }]);
          const answer = await postEntries(prepared.path, entries, cookie, "document");
          const what = `${field}=${JSON.stringify(payload)} → ${answer.status}`;
          if (answer.status >= 500) failures.push(`${what}: ${answer.body.slice(0, 200)}`);
          if (answer.status >= 400 && answer.status < 500) {
            const after = await tableChecksums(ctx.db, exclude);
            const changed = changedTables(before, after);
            if (changed.length) failures.push(`${what}: refused but changed ${changed.join(", ")}`);
            before = after;
          } else {
            prepared = await check.prepare(ctx);
            before = await tableChecksums(ctx.db, exclude);
          }
        }
      }
      expect(failures).toEqual([]);
    }, 300_000);
  }
});

/**
 * A chunked POST of `total` bytes, written as fast as the connection takes it, stopped when
 * the answer arrives. Returns the answer and how many bytes the client had handed to the
 * connection by then (the server read at most that).
 */
function postChunked(path: string, total: number, chunkBytes: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(app.baseUrl + path, {
      method: "POST",
      headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
    });
    const chunk = Buffer.alloc(chunkBytes, "a");
    let sent = 0;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      const sentAtAnswer = sent;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, sent: sentAtAnswer });
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

/** A raw request with any method (fetch refuses TRACE and CONNECT itself). */
function rawRequest(method: string, path: string): Promise<{ status: number; allow: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(app.baseUrl + path, { method, headers: { Origin: app.baseUrl } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("bodies, methods and data requests the app does not serve", () => {
  it("a chunked body over the limit is cut off with 413 once the limit is crossed", async () => {
    const total = 50 * MB;
    const chunk = 64 * 1024;
    const { result: answer, growth } = await measured(() => postChunked("/login", total, chunk));
    count(answer.status);
    expect(answer.status, answer.body).toBe(413);
    expect(answer.body).toMatch(/too large/i);
    // The client may have more in flight than the server read (socket buffers), never the whole body.
    expect(answer.sent, `bytes sent before the answer, of ${total}`).toBeLessThan(MAX_FORM_BYTES + 16 * MB);
    expect(growth, "heap growth").toBeLessThan(32 * MB);
    expect((await app.request("/healthz")).status, "the server still answers").toBe(200);
  });

  it("a chunked form within the limit still signs in", async () => {
    const body = new URLSearchParams({ email: cast.recruiter.email, password: "wrong password 123" }).toString();
    const response = await new Promise<number>((resolve, reject) => {
      const request = http.request(app.baseUrl + "/login", {
        method: "POST",
        headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      }, (answer) => {
        answer.resume();
        answer.on("end", () => resolve(answer.statusCode ?? 0));
      });
      request.on("error", reject);
      for (let at = 0; at < body.length; at += 7) request.write(body.slice(at, at + 7));
      request.end();
    });
    count(response);
    // A wrong password is a 400 from the login action: the form arrived whole and was read.
    expect(response).toBe(400);
    await ctx.db.loginThrottle.deleteMany();
  });

  it("any method other than GET, HEAD and POST gets a 4xx (405 with Allow where the request reaches the app), never a 5xx", async () => {
    const failures: string[] = [];
    const paths = ["/", "/login", "/candidates", "/healthz", "/assets/nothing.js", "/no-such-page"];
    const reachApp = ["TRACE", "PROPFIND", "PROPPATCH", "MKCOL", "LOCK", "SEARCH", "PUT", "PATCH", "DELETE", "OPTIONS", "PURGE", "REPORT", "MOVE", "COPY"];
    // Node's HTTP parser answers these itself (400) or drops the connection (CONNECT without a tunnel handler).
    const refusedByParser = ["TRACK", "FOO", "CONNECT"];
    for (const method of [...reachApp, ...refusedByParser]) {
      for (const path of paths) {
        const answer = await rawRequest(method, path).catch((error: unknown) => ({ status: 0, allow: undefined, body: String(error) }));
        count(answer.status);
        const ok = reachApp.includes(method)
          ? answer.status === 405 && answer.allow === "GET, HEAD, POST" && answer.body.trim() !== ""
          : answer.status < 500;
        if (!ok) failures.push(`${method} ${path}: ${answer.status} allow=${answer.allow} ${answer.body.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("legacy ?_data requests get a 4xx that says why, on every page", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((candidate) => candidate.hasLoader)) {
      const check = AUTHORIZATION_MATRIX[route.id]?.get?.[0];
      if (!check) continue;
      const actor = actorOf(check);
      const path = check.path(ctx);
      for (const value of [route.id, "root", "routes/login", ""]) {
        const url = `${path}${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(value)}`;
        const response = await app.request(url, { cookie: actor === "anonymous" ? undefined : cast.cookies[MEMBER[actor]] });
        const text = await response.text();
        count(response.status);
        if (response.status < 400 || response.status >= 500 || !text.trim()) failures.push(`${url}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("bodies that are not forms, and hostile query strings", () => {
  it("every action answers a non-form body with a 4xx that says why, and changes nothing", async () => {
    expect(actionTargets.size).toBeGreaterThan(0);
    const multipartWithNul = new FormData();
    multipartWithNul.append("intent", "save\u0000");
    const bodies: [string, BodyInit, string | null][] = [
      ["JSON", JSON.stringify({ intent: "create", name: "x" }), "application/json"],
      ["plain text", "intent=create&name=x", "text/plain"],
      ["no content type", "intent=create&name=x", null],
      ["broken multipart", "--xyz\r\ngarbage", "multipart/form-data; boundary=xyz"],
      ["multipart with NUL", multipartWithNul, null],
      ["XML", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`, "application/xml"],
    ];
    const failures: string[] = [];
    for (const [path, member] of actionTargets) {
      for (const [label, body, type] of bodies) {
        const headers = new Headers({ Origin: app.baseUrl });
        if (member) headers.set("Cookie", cast.cookies[member]);
        if (type) headers.set("Content-Type", type);
        const before = await tableChecksums(ctx.db);
        const response = await fetch(app.baseUrl + path, { method: "POST", headers, body, redirect: "manual" });
        const text = await response.text();
        count(response.status);
        const changed = changedTables(before, await tableChecksums(ctx.db));
        if (response.status < 400 || response.status >= 500 || !text.trim() || changed.length) {
          failures.push(`${path} ${label}: ${response.status} ${text.slice(0, 80)} ${changed.join(", ")}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it("no page answers a hostile query string with a 5xx", async () => {
    const queries = [
      "q=%00",
      "q=a%00b&status=%00&country=%00&level=%00",
      "action=%00&entityType=%00",
      "from=0000-01-01&to=0000-01-01",
      "from=9999-12-31&to=9999-12-31",
      "page=1e309",
      "page=-1",
      "page=%F0%9F%94%A5",
      "sort=__proto__&dir=constructor",
      "status=%3Cscript%3E&level=IC9",
      "actorId=1%20OR%201%3D1",
      "redirectTo=%2F%2Fevil.example",
      "_routes=%00",
      "_routes=..%2F..%2Froot",
      "index",
      `q=${"%F0%9F%94%A5".repeat(500)}`,
      "__proto__[polluted]=1&constructor[prototype][polluted]=1",
    ];
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes.filter((candidate) => candidate.hasLoader)) {
      const check = AUTHORIZATION_MATRIX[route.id]?.get?.[0];
      if (!check) continue; // the authorization matrix reports it
      const actor = actorOf(check);
      const cookie = actor === "anonymous" ? undefined : cast.cookies[MEMBER[actor]];
      const path = check.path(ctx);
      for (const query of queries) {
        for (const variant of ["document", "data"] as const) {
          const url = (variant === "data" ? dataUrl(path) : path) + (path.includes("?") || variant === "data" && dataUrl(path).includes("?") ? "&" : "?") + query;
          requests += 1;
          const response = await app.request(url, { cookie });
          const text = await response.text();
          count(response.status);
          if (response.status >= 500 || (response.status >= 400 && !text.trim())) failures.push(`${route.id} ${variant} ?${query.slice(0, 60)}: ${response.status}`);
        }
      }
    }
    expect(requests).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 60_000);
});

/** Text as React writes it into HTML. */
const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");

describe("accepted hostile text, shown later", () => {
  it("is escaped in every page that shows it, and defused in CSV exports", async () => {
    const { db } = ctx;
    const get = async (path: string, member: CastMember) => {
      const response = await app.request(path, { cookie: cast.cookies[member] });
      return { status: response.status, body: await response.text() };
    };
    const post = async (path: string, member: CastMember, form: Form, status = 302) => {
      const response = await app.request(path, { cookie: cast.cookies[member], form });
      expect(response.status, `${path}: ${(await response.clone().text()).slice(0, 300)}`).toBe(status);
      return response.headers.get("location") ?? "";
    };
    const [script, img, svg, textarea, closeScript, anchor] = HTML_PAYLOADS as unknown as string[] as [string, string, string, string, string, string];

    // A recruiter stores a candidate whose every text field is markup.
    const location = await post(
      "/candidates/new",
      "recruiter",
      candidateFields(cast.recruiter.id, { name: script, currentTitle: img, notes: HTML_PAYLOADS.join("\n") + "\n" + FORMULA_PAYLOADS.join("\n") }),
    );
    const candidateId = location.split("/").pop()!;
    // Interviewers store drafts and a submission with markup as evidence and notes.
    const { createCandidateWithInterviews } = await import("../support/scorecards");
    const assigned = await createCandidateWithInterviews(
      db,
      [
        { areaKey: "ml_system_design", interviewerId: cast.A.id },
        { areaKey: "problem_formulation", interviewerId: cast.B.id },
      ],
      { name: closeScript },
    );
    const [interviewA, interviewB] = assigned.interviews;
    const draft = await draftForm(db, "ml_system_design");
    const evidenceField = Object.keys(draft).find((name) => name.endsWith(".evidence"))!;
    await post(`/interviews/${interviewA!.id}`, "A", { ...draft, [evidenceField]: textarea, noteForLaterInterviewers: svg, "production.serving.note": anchor }, 200);
    const submission = await submitForm(db, "problem_formulation");
    for (const name of Object.keys(submission)) if (name.endsWith(".evidence")) submission[name] = `${FORMULA_PAYLOADS[0]} ${script}`;
    submission["production.serving.status"] = "evidenced";
    submission["production.serving.note"] = img;
    submission.noteForLaterInterviewers = anchor;
    await post(`/interviews/${interviewB!.id}`, "B", submission);
    await db.notification.create({ data: { userId: cast.A.id, kind: "reminder.due", title: script, body: svg, link: `/interviews/${interviewA!.id}` } });
    const scorecardB = (await db.scorecard.findUniqueOrThrow({ where: { interviewId: interviewB!.id } })).id;
    // A recruiter overrides with markup as the reason; an admin names a user and a criterion with it.
    const recommended = await createRecommendedCandidate(db, { default: cast.B.id }, { name: FORMULA_PAYLOADS[0] });
    await post(`/candidates/${recommended.candidate.id}`, "recruiter", {
      intent: "override",
      basedOn: recommended.recommendation.computedAt.toISOString(),
      level: "IC5",
      reason: `${script} ${svg}`,
    });
    await post("/admin/users", "admin", { intent: "create", name: img, email: "markup@test.example", password: "long enough password", roles: "INTERVIEWER" });
    const { startRubricDraft } = await import("~/models/rubric-admin.server");
    await startRubricDraft("model_development", { id: cast.admin.id });
    const rubricDraft = await db.rubricVersion.findFirstOrThrow({
      where: { areaKey: "model_development", status: "DRAFT" },
      include: { criteria: { orderBy: { position: "asc" } } },
    });
    await post("/admin/rubrics/model_development", "admin", { ...rubricSaveForm(rubricDraft), "criteria[0].title": svg, "criteria[0].lookFor": script });

    // Every page that shows any of it, plus every candidate the fuzzing above created.
    const candidates = await db.candidate.findMany({ select: { id: true } });
    const pages: [string, CastMember][] = [
      ["/candidates", "recruiter"],
      [`/candidates?q=${encodeURIComponent(script)}`, "recruiter"],
      [`/scorecards/${scorecardB}`, "recruiter"],
      [`/scorecards/${scorecardB}`, "B"],
      ["/interviews", "A"],
      [`/interviews/${interviewA!.id}`, "A"],
      [`/interviews/${interviewB!.id}`, "B"],
      [`/interviews/${interviewB!.id}/feedback`, "B"],
      ["/admin/users", "admin"],
      ["/admin/audit", "admin"],
      ["/admin/rubrics/model_development", "admin"],
      ["/admin/policy", "admin"],
      // Pages of routes other teams are adding, where the build has them.
      ...([
        [`/interviews/${interviewA!.id}/kit`, "A"],
        ["/inbox", "A"],
        ["/calibration", "recruiter"],
        ["/analytics", "recruiter"],
        ["/analytics", "admin"],
      ] as [string, CastMember][]).filter(([path]) => routes.some((route) => matchesPattern(route.pattern, path))),
      ...candidates.flatMap(({ id }): [string, CastMember][] => [
        [`/candidates/${id}`, "recruiter"],
        [`/candidates/${id}/edit`, "recruiter"],
        [`/candidates/${id}/packet`, "recruiter"],
      ]),
    ];
    const raw: string[] = [];
    const shown = new Set<string>();
    for (const [path, member] of pages) {
      const { status, body } = await get(path, member);
      expect(status, path).toBe(200);
      for (const payload of HTML_PAYLOADS) {
        if (body.includes(payload)) raw.push(`${path} as ${member}: ${payload}`);
        if (body.includes(escapeHtml(payload))) shown.add(payload);
      }
    }
    expect(raw).toEqual([]);
    // The payloads were really rendered (escaped), so the check above looked at something.
    expect([...shown].sort()).toEqual([...HTML_PAYLOADS].sort());
    expect(await get(`/candidates/${candidateId}`, "recruiter").then((page) => page.body)).toContain(escapeHtml(script));

    // CSV: no cell a spreadsheet would run as a formula.
    const formulaCells: string[] = [];
    for (const { id } of candidates) {
      const csv = await get(`/candidates/${id}/packet.csv`, "recruiter");
      expect(csv.status).toBe(200);
      for (const cell of csvCells(csv.body)) if (/^[=+\-@\t\r]/.test(cell)) formulaCells.push(`${id}: ${cell.slice(0, 60)}`);
    }
    const audit = await get("/admin/audit.csv", "admin");
    for (const cell of csvCells(audit.body)) if (/^[=+\-@\t\r]/.test(cell)) formulaCells.push(`audit: ${cell.slice(0, 60)}`);
    expect(formulaCells).toEqual([]);
  }, 60_000);

  it("left Object.prototype of the server process alone", () => {
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(Object.prototype.toString.call([])).toBe("[object Array]");
  });
});

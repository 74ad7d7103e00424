import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "~/domain/screen-areas";
import { RETRY_WINDOW_MS } from "~/domain/webhooks/events";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { completeScorecardForm, createCandidateWithInterviews, publishedCriteria } from "../support/scorecards";
import { startTestApp, type TestApp } from "../support/test-app";

/** A real HTTP receiver: answers `answer()` and keeps every request it got. */
type Received = { headers: IncomingHttpHeaders; body: string };
async function startReceiver(answer: (request: Received, index: number) => number, port = 0) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(request);
      res.writeHead(answer(request, received.length - 1)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let app: TestApp;
let db: import("~/utils/db.server").Db;
let admin: TestUser;
let adminCookie: string;
let recruiterCookie: string;
let receivers: { close(): Promise<void> }[] = [];
let deliver: typeof import("~/jobs/webhooks.server").deliverDueWebhooks;

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  const { ensureReferenceData } = await import("~/models/reference-data.server");
  await ensureReferenceData(db);
  admin = await createTestUser(["ADMIN"]);
  adminCookie = await login(app, admin);
  recruiterCookie = await login(app, await createTestUser(["RECRUITER"]));
  deliver = (await import("~/jobs/webhooks.server")).deliverDueWebhooks;
});
afterEach(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  receivers = [];
  // Each test registers its own endpoint; earlier ones must not receive its events.
  await db.webhookEndpoint.updateMany({ data: { active: false } });
});
afterAll(async () => app?.close());

async function addEndpoint(url: string, events: string[]) {
  const response = await app.request("/admin/webhooks", { cookie: adminCookie, form: { intent: "create", url, events } });
  expect(response.status).toBe(200);
  return db.webhookEndpoint.findFirstOrThrow({ where: { url, active: true }, orderBy: { createdAt: "desc" } });
}

let sequence = 0;
async function createCandidateThroughTheForm(email = `wh-${Date.now()}-${sequence++}@candidates.example`) {
  return app.request("/candidates/new", {
    cookie: recruiterCookie,
    form: { name: "Lucía Webhook", email, country: "Chile", currentTitle: "ML Engineer", yearsExperience: "6", track: "IC" },
  });
}

describe("webhooks", () => {
  it("queues an event in the transaction of the change, and none for a change that was refused", async () => {
    const receiver = await startReceiver(() => 200);
    receivers.push(receiver);
    const endpoint = await addEndpoint(receiver.url, ["candidate.created"]);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const email = `dup-${Date.now()}@candidates.example`;
    expect((await createCandidateThroughTheForm(email)).status).toBe(302);
    expect((await createCandidateThroughTheForm(email)).status).toBe(400);
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(deliveries).toHaveLength(1);
    expect(JSON.parse(deliveries[0]!.payload)).toMatchObject({ type: "candidate.created", data: { candidateId: expect.any(String) } });

    expect(await deliver({ timeoutMs: 5000 })).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    // Verified with the Standard Webhooks reference library, not with our own code.
    const verified = new Webhook(endpoint.secret).verify(request!.body, request!.headers as Record<string, string>);
    expect(verified).toMatchObject({ type: "candidate.created" });
    expect(request!.headers["webhook-id"]).toBe(deliveries[0]!.eventId);
  });

  it("retries with backoff while the receiver is down, and loses nothing", async () => {
    // Nothing listens on the port at first: the first attempts are refused connections.
    const placeholder = await startReceiver(() => 200);
    const { port } = placeholder;
    await placeholder.close();
    const url = `http://127.0.0.1:${port}/hooks`;
    const endpoint = await addEndpoint(url, ["candidate.created"]);
    for (let i = 0; i < 3; i++) expect((await createCandidateThroughTheForm()).status).toBe(302);

    let now = Date.now();
    const clock = () => new Date(now);
    expect(await deliver({ timeoutMs: 5000, now: clock })).toMatchObject({ claimed: 3, retrying: 3 });
    // Not due yet: nothing is sent before the backoff.
    expect(await deliver({ timeoutMs: 5000, now: clock })).toMatchObject({ claimed: 0 });
    now += 31_000;
    expect(await deliver({ timeoutMs: 5000, now: clock })).toMatchObject({ claimed: 3, retrying: 3 });

    // Back, but answering 503 to the first two requests.
    const receiver = await startReceiver((_request, index) => (index < 2 ? 503 : 204), port);
    receivers.push(receiver);
    now += 61_000;
    expect(await deliver({ timeoutMs: 5000, now: clock })).toMatchObject({ claimed: 3, succeeded: 1, retrying: 2 });
    now += 121_000;
    expect(await deliver({ timeoutMs: 5000, now: clock })).toMatchObject({ claimed: 2, succeeded: 2 });

    const rows = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(rows.map((row) => row.attempts).sort()).toEqual([3, 4, 4]);
    expect(rows.every((row) => row.lastStatusCode === 204 && row.lastError === null)).toBe(true);
    // Every event reached the receiver; a retried event keeps its webhook-id.
    const delivered = receiver.received.filter((request) => request.headers["webhook-id"]);
    expect(new Set(delivered.map((request) => request.headers["webhook-id"]))).toEqual(new Set(rows.map((row) => row.eventId)));
    const webhook = new Webhook(endpoint.secret);
    for (const request of receiver.received) expect(() => webhook.verify(request.body, request.headers as Record<string, string>)).not.toThrow();
  });

  it("gives up after a day, and an admin can redeliver", async () => {
    let healthy = false;
    const receiver = await startReceiver(() => (healthy ? 200 : 500));
    receivers.push(receiver);
    const endpoint = await addEndpoint(receiver.url, ["candidate.created"]);
    await createCandidateThroughTheForm();
    const start = Date.now();
    let now = start;
    let runs = 0;
    while (now - start <= RETRY_WINDOW_MS + 3_600_000 && runs < 100) {
      await deliver({ timeoutMs: 5000, now: () => new Date(now) });
      now += 3_600_000;
      runs += 1;
    }
    const failed = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(failed).toMatchObject({ status: "failed", lastStatusCode: 500, lastError: "HTTP 500" });
    expect(failed.attempts).toBeGreaterThan(5);

    healthy = true;
    const page = await app.request("/admin/webhooks", { cookie: adminCookie });
    expect(await page.text()).toContain("HTTP 500");
    const redeliver = await app.request("/admin/webhooks", { cookie: adminCookie, form: { intent: "redeliver", deliveryId: failed.id } });
    expect(redeliver.status).toBe(200);
    expect(await deliver({ timeoutMs: 5000 })).toMatchObject({ succeeded: 1 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "succeeded", attempts: failed.attempts + 1 });
    expect(await db.auditEvent.count({ where: { action: "webhook.redeliver", entityId: failed.id } })).toBe(1);
  });

  it("never sends one event twice when several servers deliver at once", async () => {
    const receiver = await startReceiver(() => 200);
    receivers.push(receiver);
    const endpoint = await addEndpoint(receiver.url, ["candidate.created"]);
    const { createCandidate } = await import("~/models/candidate.server");
    for (let i = 0; i < 60; i++) {
      await createCandidate(
        { name: `Bulk ${i}`, email: `bulk-${i}-${Date.now()}@candidates.example`, country: "Peru", currentTitle: "MLE", yearsExperience: 5, track: "IC", faangExperience: false, notes: "" },
        { id: admin.id },
      );
    }
    const runs = await Promise.all([1, 2, 3, 4].map(() => deliver({ timeoutMs: 5000, batch: 5 })));
    expect(runs.reduce((sum, run) => sum + run.succeeded, 0)).toBe(60);
    const ids = receiver.received.map((request) => request.headers["webhook-id"]);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "succeeded" } })).toBe(60);
  });

  it("announces submitted scorecards, a changed recommendation and a decision, without scores", async () => {
    const receiver = await startReceiver(() => 200);
    receivers.push(receiver);
    await addEndpoint(receiver.url, ["scorecard.submitted", "recommendation.changed", "decision.recorded"]);
    const interviewer = await createTestUser(["INTERVIEWER"]);
    const interviewerCookie = await login(app, interviewer);
    const { candidate, interviews } = await createCandidateWithInterviews(
      db,
      SCREEN_AREA_KEYS.map((areaKey) => ({ areaKey, interviewerId: interviewer.id })),
    );
    for (const interview of interviews) {
      const rubric = await publishedCriteria(db, interview.areaKey as ScreenAreaKey);
      const response = await app.request(`/interviews/${interview.id}`, {
        cookie: interviewerCookie,
        form: { ...completeScorecardForm(rubric, { score: 3, evidenced: ["serving"] }), intent: "submit" },
      });
      expect(response.status).toBe(302);
    }
    const stored = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: candidate.id } });
    const { recordDecision } = await import("~/models/decision.server");
    expect(await recordDecision({ candidateId: candidate.id, basedOn: stored.computedAt, decision: { kind: "accept" }, actor: { id: admin.id } })).toMatchObject({ ok: true });
    await deliver({ timeoutMs: 5000 });

    const events = receiver.received.map((request) => JSON.parse(request.body) as { type: string; data: Record<string, unknown> });
    expect(events.filter((event) => event.type === "scorecard.submitted")).toHaveLength(5);
    expect(events.filter((event) => event.type === "recommendation.changed").map((event) => event.data)).toEqual([
      expect.objectContaining({ candidateId: candidate.id, previous: { status: "incomplete", level: null }, current: { status: "recommended", level: "IC4" } }),
    ]);
    expect(events.find((event) => event.type === "decision.recorded")?.data).toMatchObject({ candidateId: candidate.id, kind: "accept", level: "IC4" });
    expect(receiver.received.map((request) => request.body).join("")).not.toMatch(/score"|evidence|rating/i);
  });

  it("refuses endpoints that are not http(s) URLs or name no event, and is for admins only", async () => {
    const before = await db.webhookEndpoint.count();
    for (const form of [
      { intent: "create", url: "ftp://example.com/x", events: ["candidate.created"] },
      { intent: "create", url: "https://user:pw@example.com/x", events: ["candidate.created"] },
      { intent: "create", url: "not a url", events: ["candidate.created"] },
      { intent: "create", url: "https://example.com/x" },
      { intent: "create", url: "https://example.com/x", events: ["candidate.deleted"] },
      { intent: "redeliver", deliveryId: "nope" },
    ] as Record<string, string | string[]>[]) {
      expect((await app.request("/admin/webhooks", { cookie: adminCookie, form })).status).toBe(400);
    }
    expect(await db.webhookEndpoint.count()).toBe(before);
    expect((await app.request("/admin/webhooks", { cookie: recruiterCookie })).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, login } from "../support/fixtures";
import { fetchPageText } from "../support/page-text";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let db: import("~/utils/db.server").Db;
let cookie: string;
let recruiterId: string;

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  const { ensureReferenceData } = await import("~/models/reference-data.server");
  await ensureReferenceData(db);
  const recruiter = await createTestUser(["RECRUITER"]);
  recruiterId = recruiter.id;
  cookie = await login(app, recruiter);
});
afterAll(async () => app?.close());

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const csv = (rows: string[][]) => "\uFEFF" + rows.map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";

async function upload(text: string, asCookie = cookie): Promise<Response> {
  const form = new FormData();
  form.set("file", new File([text], "export.csv", { type: "text/csv" }));
  return fetch(app.baseUrl + "/candidates/import", { method: "POST", body: form, headers: { Cookie: asCookie, Origin: app.baseUrl }, redirect: "manual" });
}

async function uploadedId(text: string): Promise<string> {
  const response = await upload(text);
  expect(response.status).toBe(302);
  return /\/candidates\/import\/([0-9a-f-]{36})$/.exec(response.headers.get("location")!)![1]!;
}

const GREENHOUSE = ["Candidate ID", "First Name", "Last Name", "Email", "Current Company", "Current Title", "Location"];

describe("candidate import", () => {
  it("previews a Greenhouse export with per-row errors and imports nothing while any row is invalid", async () => {
    const id = await uploadedId(
      csv([
        GREENHOUSE,
        ["1", "Ana", "Pérez", "ana.import@example.com", "Nubank", "ML Engineer", "São Paulo, Brazil"],
        ["2", "Luis", "Gómez, Jr.", "not-an-email", "Rappi", "Senior MLE", "Bogotá, Colombia"],
      ]),
    );
    const defaults = "default.yearsExperience=6&default.track=IC";
    const { text: page } = await fetchPageText(app, `/candidates/import/${id}?${defaults}`, cookie);
    expect(page).toContain("1 rows ready, 1 with errors");
    expect(page).toContain("Line 3");

    const before = await db.candidate.count();
    const refused = await app.request(`/candidates/import/${id}`, { cookie, form: { "default.yearsExperience": "6", "default.track": "IC" } });
    expect(refused.status).toBe(400);
    expect(await db.candidate.count()).toBe(before);
  });

  it("imports all rows at once, audited, and a second import of the same people creates nobody", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [String(i), `Name${i}`, `Surname ${i}`, `bulk${i}@import.example`, "Co", "ML Engineer", i % 2 ? "Santiago, Chile" : "Lima, Perú"]);
    const text = csv([GREENHOUSE, ...rows]);
    const first = await uploadedId(text);
    const form = { "default.yearsExperience": "5", "default.track": "IC" };
    const committed = await app.request(`/candidates/import/${first}`, { cookie, form });
    expect(committed.status).toBe(302);
    expect(await db.candidate.count({ where: { email: { endsWith: "@import.example" } } })).toBe(10_000);
    const sample = await db.candidate.findUniqueOrThrow({ where: { email: "bulk7@import.example" }, include: { recommendation: true } });
    expect(sample).toMatchObject({ name: "Name7 Surname 7", country: "Chile", yearsExperience: 5, recruiterId });
    expect(sample.recommendation).toMatchObject({ status: "incomplete" });
    expect(await db.auditEvent.count({ where: { action: "candidate.create", details: { path: ["importId"], equals: first } } })).toBe(10_000);
    expect(await db.auditEvent.findFirst({ where: { action: "candidate.import", entityId: first } })).toMatchObject({ details: { created: 10_000, skipped: 0 } });

    // Posting the commit again does nothing; importing the same people from a new file skips them all.
    expect((await app.request(`/candidates/import/${first}`, { cookie, form })).status).toBe(409);
    const again = await uploadedId(csv([GREENHOUSE, ...rows.slice(0, 10), ["x", "New", "Person", "new.person@import.example", "Co", "MLE", "Quito, Ecuador"]]));
    expect((await app.request(`/candidates/import/${again}`, { cookie, form })).status).toBe(302);
    expect(await db.candidateImport.findUniqueOrThrow({ where: { id: again } })).toMatchObject({ result: { created: 1, skipped: 10 } });
    expect(await db.candidate.count({ where: { email: { endsWith: "@import.example" } } })).toBe(10_001);
  }, 120_000);

  it("takes pasted CSV as well as a file", async () => {
    const response = await app.request("/candidates/import", { cookie, form: { csv: "name,email\r\nPaula Pasted,paula@pasted.example\r\n" } });
    expect(response.status).toBe(302);
    const id = /\/candidates\/import\/([0-9a-f-]{36})$/.exec(response.headers.get("location")!)![1]!;
    expect(await db.candidateImport.findUniqueOrThrow({ where: { id } })).toMatchObject({ fileName: "pasted.csv", rowCount: 1 });
    expect((await app.request("/candidates/import", { cookie, form: { csv: "  " } })).status).toBe(400);
  });

  it("refuses files that are not CSV, empty, or without rows, and a mapping outside the file", async () => {
    for (const text of ["", "only,a,header\r\n", 'a,b\r\n"unterminated,1\r\n']) {
      const response = await upload(text);
      expect(response.status, JSON.stringify(text)).toBe(400);
    }
    const id = await uploadedId(csv([["name", "email"], ["A", "a@x.example"]]));
    expect((await app.request(`/candidates/import/${id}?map.email=7`, { cookie })).status).toBe(200);
    expect((await fetchPageText(app, `/candidates/import/${id}?map.email=7`, cookie)).text).toContain("not in the file");
    expect((await app.request(`/candidates/import/${id}`, { cookie, form: { "map.email": "-1" } })).status).toBe(400);
  });

  it("keeps an import private to whoever uploaded it, and recruiters only", async () => {
    const id = await uploadedId(csv([["name", "email"], ["A", "private@x.example"]]));
    const other = await login(app, await createTestUser(["RECRUITER"]));
    expect((await app.request(`/candidates/import/${id}`, { cookie: other })).status).toBe(404);
    expect((await app.request(`/candidates/import/${id}`, { cookie: other, form: {} })).status).toBe(404);
    const interviewer = await login(app, await createTestUser(["INTERVIEWER"]));
    expect((await app.request("/candidates/import", { cookie: interviewer })).status).toBe(403);
    expect((await upload("name,email\r\nA,b@x.example\r\n", interviewer)).status).toBe(403);
  });
});

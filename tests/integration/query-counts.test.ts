import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCREEN_AREA_KEYS } from "~/domain/screen-areas";
import { createTestUser, login, type TestUser } from "../support/fixtures";
import { completeScorecardForm, createCandidateWithInterviews, publishedCriteria } from "../support/scorecards";
import { startTestApp, type TestApp } from "../support/test-app";

/*
 * No N+1 queries: every list and report page sends the same number of statements to
 * PostgreSQL whether it shows one evaluated candidate or five. Statements are counted where
 * they leave for the database (pg.Client#query, which Prisma's pg adapter calls), in this
 * process, one request at a time.
 */

let app: TestApp;
let db: import("~/utils/db.server").Db;
let admin: TestUser;
let interviewers: TestUser[];
const cookies = new Map<string, string>();

beforeAll(async () => {
  app = await startTestApp();
  db = (await import("~/utils/db.server")).getDb();
  admin = await createTestUser(["ADMIN", "RECRUITER"]);
  interviewers = await Promise.all(SCREEN_AREA_KEYS.map(() => createTestUser(["INTERVIEWER"])));
  for (const user of [admin, ...interviewers]) cookies.set(user.id, await login(app, user));
});
afterAll(async () => app?.close());

/** A candidate evaluated in every area (five submitted scorecards, a stored recommendation) and decided. */
async function addEvaluatedCandidate(index: number): Promise<void> {
  const { candidate, interviews } = await createCandidateWithInterviews(
    db,
    SCREEN_AREA_KEYS.map((areaKey, area) => ({ areaKey, interviewerId: interviewers[area]!.id })),
    { name: `Query Count ${index}` },
  );
  await db.candidate.update({ where: { id: candidate.id }, data: { recruiterId: admin.id } });
  for (const [area, interview] of interviews.entries()) {
    const rubric = await publishedCriteria(db, interview.areaKey as (typeof SCREEN_AREA_KEYS)[number]);
    const form = { ...completeScorecardForm(rubric, { score: 2 + (index % 3), evidenced: ["serving"] }), intent: "submit" };
    const response = await app.request(`/interviews/${interview.id}`, { cookie: cookies.get(interviewers[area]!.id)!, form });
    expect(response.status, `submit ${interview.areaKey}`).toBeLessThan(400);
  }
  const { computedAt } = await db.candidateRecommendation.findUniqueOrThrow({ where: { candidateId: candidate.id } });
  const decided = await app.request(`/candidates/${candidate.id}`, {
    cookie: cookies.get(admin.id)!,
    form: { intent: "accept", basedOn: computedAt.toISOString() },
  });
  expect(decided.status).toBeLessThan(400);
}

async function statementsFor(path: string, cookie: string): Promise<number> {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count += 1;
    return (original as (...values: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    const response = await app.request(path, { cookie });
    expect(response.status, path).toBe(200);
    await response.text();
  } finally {
    pg.Client.prototype.query = original;
  }
  return count;
}

async function countsPerPage(): Promise<Record<string, number>> {
  const recruiter = cookies.get(admin.id)!;
  const interviewer = cookies.get(interviewers[0]!.id)!;
  const pages: [string, string][] = [
    ["/candidates", recruiter],
    ["/calibration", recruiter],
    ["/analytics", recruiter],
    ["/admin/audit", recruiter],
    ["/admin/users", recruiter],
    ["/interviews", interviewer],
    ["/inbox", interviewer],
  ];
  const counts: Record<string, number> = {};
  for (const [path, cookie] of pages) counts[path] = await statementsFor(path, cookie);
  return counts;
}

describe("statements per list page", () => {
  it("stay the same from one evaluated candidate to five", async () => {
    await addEvaluatedCandidate(0);
    const one = await countsPerPage();
    for (let index = 1; index < 5; index++) await addEvaluatedCandidate(index);
    const five = await countsPerPage();
    expect(five).toEqual(one);
    // Counted at all (the session's query at least), and few: a handful per page, not one per row.
    for (const [path, count] of Object.entries(five)) {
      expect(count, path).toBeGreaterThanOrEqual(1);
      expect(count, path).toBeLessThanOrEqual(8);
    }
  });
});

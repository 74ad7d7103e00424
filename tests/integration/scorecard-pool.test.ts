/**
 * A draft save or submit is a transaction; when every pool connection is taken it must end
 * like a single statement does — in the pool's timeout, which the server answers with 503
 * — and not in Prisma's shorter limit on starting a transaction, which it would answer 500.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/fixtures";
import type { ScorecardDraft, ScorecardSubmission } from "~/domain/scorecards/scorecard-form";
import { createCandidateWithInterviews, publishedCriteria } from "../support/scorecards";
import { startTestApp, type TestApp } from "../support/test-app";

const POOL_TIMEOUT_MS = 3000;

let app: TestApp;
let alice: TestUser;

beforeAll(async () => {
  app = await startTestApp({ DB_POOL_MAX: "2", DB_CONNECTION_TIMEOUT_MS: String(POOL_TIMEOUT_MS) });
  alice = await createTestUser(["INTERVIEWER"]);
});
afterAll(async () => app?.close());

it("a save and a submit waiting for a connection fail as 'database unavailable' at the pool's timeout", async () => {
  const { getDb, getPool, isDatabaseUnavailable } = await import("~/utils/db.server");
  const { saveDraft, submitScorecard } = await import("~/models/scorecard.server");
  const { getRubricVersion } = await import("~/models/rubric.server");
  const db = getDb();
  const { interviews } = await createCandidateWithInterviews(db, [{ areaKey: "code_quality", interviewerId: alice.id }]);
  const interviewId = interviews[0]!.id;
  const published = await publishedCriteria(db, "code_quality");
  const rubric = (await getRubricVersion(published.id))!;
  // Never read: the transaction cannot start.
  const draft = {} as ScorecardDraft;
  const submission = {} as ScorecardSubmission;

  const held = await Promise.all([getPool().connect(), getPool().connect()]);
  try {
    for (const write of [
      () => saveDraft({ interviewId, interviewerId: alice.id, rubricVersionId: rubric.id, expectedVersion: 0, draft }),
      () => submitScorecard({ interviewId, rubric, expectedVersion: 0, submission, actor: { id: alice.id } }),
    ]) {
      const started = Date.now();
      const error = await write().then(
        () => null,
        (failure: unknown) => failure,
      );
      const elapsed = Date.now() - started;
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      // Not before the pool's own timeout (Prisma's start limit is 2 s); generous above it.
      expect(elapsed).toBeGreaterThanOrEqual(POOL_TIMEOUT_MS - 100);
    }
  } finally {
    for (const client of held) client.release();
  }
  expect(await db.scorecard.count({ where: { interviewId } })).toBe(0);
}, 30_000);

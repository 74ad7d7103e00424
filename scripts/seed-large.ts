// `npm run seed:large [-- --candidates 10000 --bench-interviews 5000 --seed 2026]`
// (on DATABASE_URL it also wants --allow-external: the accounts it creates share a known password)
//
// A large, realistic dataset for benchmarks: 10,000 candidates from Latin America, each
// with five submitted scorecards (one interviewer per screen area, every criterion of the
// published rubric rated with written evidence, production evidence), the stored
// recommendation of every candidate computed by the leveling domain under the current
// policy, and a bench recruiter and bench interviewer (with ~5,000 interviews not started)
// for scripts/bench.ts. Written with `pg` in one transaction, multi-row INSERTs of
// unnest()ed arrays: no per-row round trips.
//
// The database must be migrated and hold its reference data (the CLI sees to both, on
// DATABASE_URL or the embedded PostgreSQL). Not idempotent: meant for a fresh database.
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { hashPassword } from "~/auth/password.server";
import { levelingPolicySchema, type LevelingPolicy } from "~/domain/leveling";
import { isScreenAreaKey, SCREEN_AREA_KEYS } from "~/domain/screen-areas";
import { bulkInsert } from "./lib/bench/bulk-insert";
import {
  generateDatasetAsync,
  summarizeOutcomes,
  type AuditRow,
  type CandidateRow,
  type Dataset,
  type InterviewRow,
  type ProductionRow,
  type RatingRow,
  type RecommendationRow,
  type ReferenceRubric,
  type ScorecardRow,
  type UserRow,
} from "./lib/bench/dataset";

/** Every account seed:large creates uses it. Benchmark data only: never on a real installation. */
export const BENCH_PASSWORD = "bench-password-2026";

export interface SeedLargeOptions {
  candidates?: number;
  interviewers?: number;
  recruiters?: number;
  /** Interviews assigned to the bench interviewer without a scorecard (capped at candidates × 5). */
  benchInterviews?: number;
  seed?: number;
  log?: (message: string) => void;
}

export interface SeedLargeResult {
  seconds: number;
  counts: {
    users: number;
    candidates: number;
    interviews: number;
    scorecards: number;
    ratings: number;
    productionEvidence: number;
    recommendations: number;
    auditEvents: number;
    benchInterviews: number;
  };
  /** Recommendations by outcome (no_hire, IC3 … IC6, M1, M2), and how many the production cap lowered. */
  outcomes: Record<string, number>;
  productionCapped: number;
  bench: {
    password: string;
    recruiterEmail: string;
    interviewerEmail: string;
    /** A spread of candidate ids, for pages that show one candidate. */
    candidateIds: string[];
    /** The bench interviewer's interviews, none started, with the rubric version their form shows. */
    interviews: { id: string; rubricVersionId: string }[];
    /** Criterion keys (form field names) of each of those rubric versions. */
    criterionKeys: Record<string, string[]>;
  };
}

export async function seedLarge(databaseUrl: string, options: SeedLargeOptions = {}): Promise<SeedLargeResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  // A dropped connection (server stopped, Ctrl-C) rejects the query in flight; without a
  // listener it would also be an unhandled 'error' event that kills the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rubrics, policy } = await loadReference(client);
    const passwordHash = await hashPassword(BENCH_PASSWORD);

    const generateStarted = performance.now();
    const dataset = await generateDatasetAsync(rubrics, policy, {
      candidates: options.candidates ?? 10_000,
      interviewers: options.interviewers ?? 12,
      recruiters: options.recruiters ?? 4,
      benchInterviews: options.benchInterviews ?? 5_000,
      seed: options.seed ?? 2026,
      now: new Date(),
    });
    log(`generated in memory in ${seconds(generateStarted)} s (scores, aggregate + level for every candidate)`);

    const insertStarted = performance.now();
    await client.query("BEGIN");
    try {
      // A throwaway benchmark load: not waiting for the WAL flush at commit is fine.
      await client.query("SET LOCAL synchronous_commit = off");
      await insertDataset(client, dataset, passwordHash, policy);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
    log(`inserted in ${seconds(insertStarted)} s`);

    // Planner statistics and visibility map as a settled production database would have them.
    const vacuumStarted = performance.now();
    await client.query(
      `VACUUM ANALYZE "User", "Candidate", "Interview", "Scorecard", "ScorecardRating", "ScorecardProductionEvidence", "CandidateRecommendation", "AuditEvent"`,
    );
    log(`VACUUM ANALYZE in ${seconds(vacuumStarted)} s`);

    const { byOutcome, productionCapped } = summarizeOutcomes(dataset.recommendations);
    const rubricByArea = new Map(rubrics.map((rubric) => [rubric.areaKey, rubric.rubricVersionId]));
    const step = Math.max(1, Math.floor(dataset.candidates.length / 50));
    return {
      seconds: Number(seconds(started)),
      counts: {
        users: dataset.staff.length + 2,
        candidates: dataset.candidates.length,
        interviews: dataset.interviews.length + dataset.benchInterviews.length,
        scorecards: dataset.scorecards.length,
        ratings: dataset.ratings.length,
        productionEvidence: dataset.production.length,
        recommendations: dataset.recommendations.length,
        auditEvents: dataset.audit.length,
        benchInterviews: dataset.benchInterviews.length,
      },
      outcomes: byOutcome,
      productionCapped,
      bench: {
        password: BENCH_PASSWORD,
        recruiterEmail: dataset.benchRecruiter.email,
        interviewerEmail: dataset.benchInterviewer.email,
        candidateIds: dataset.candidates.filter((_, index) => index % step === 0).map((candidate) => candidate.id),
        interviews: dataset.benchInterviews.map((interview) => ({
          id: interview.id,
          rubricVersionId: rubricByArea.get(interview.areaKey)!,
        })),
        criterionKeys: Object.fromEntries(
          rubrics.map((rubric) => [rubric.rubricVersionId, rubric.criteria.map((criterion) => criterion.key)]),
        ),
      },
    };
  } finally {
    await client.end();
  }
}

/** The published rubric of each area (latest number) with its criteria, and the current policy, as the app reads them. */
async function loadReference(client: pg.Client): Promise<{ rubrics: ReferenceRubric[]; policy: LevelingPolicy }> {
  const { rows: versions } = await client.query<{ id: string; areaKey: string }>(
    `SELECT DISTINCT ON ("areaKey") "id", "areaKey" FROM "RubricVersion"
     WHERE "status" = 'PUBLISHED' ORDER BY "areaKey", "number" DESC`,
  );
  const { rows: criteria } = await client.query<{ id: string; rubricVersionId: string; key: string; title: string; weight: number }>(
    `SELECT "id", "rubricVersionId", "key", "title", "weight" FROM "Criterion"
     WHERE "rubricVersionId" = ANY($1::uuid[]) ORDER BY "position"`,
    [versions.map((version) => version.id)],
  );
  const rubrics = SCREEN_AREA_KEYS.map((areaKey): ReferenceRubric => {
    const version = versions.find((row) => row.areaKey === areaKey && isScreenAreaKey(row.areaKey));
    if (!version) throw new Error(`No published rubric for ${areaKey}: is the database migrated, with its reference data?`);
    return { areaKey, rubricVersionId: version.id, criteria: criteria.filter((row) => row.rubricVersionId === version.id) };
  });
  const { rows: policies } = await client.query<{ number: number; policy: object }>(
    `SELECT "number", "policy" FROM "LevelingPolicyVersion" WHERE "status" = 'PUBLISHED' ORDER BY "number" DESC LIMIT 1`,
  );
  if (!policies[0]) throw new Error("No published leveling policy: is the database migrated, with its reference data?");
  const policy = levelingPolicySchema.parse({ ...policies[0].policy, version: policies[0].number });
  return { rubrics, policy };
}

async function insertDataset(client: pg.Client, dataset: Dataset, passwordHash: string, policy: LevelingPolicy) {
  const users: UserRow[] = [...dataset.staff, dataset.benchRecruiter, dataset.benchInterviewer];
  for (const user of users) {
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "roles", "updatedAt")
       VALUES ($1, $2, $3, $4, $5::"Role"[], now())`,
      [user.id, user.email, user.name, passwordHash, user.roles],
    );
  }

  await bulkInsert<CandidateRow>(
    client,
    "Candidate",
    [
      { name: "id", type: "uuid", value: (row) => row.id },
      { name: "name", type: "text", value: (row) => row.name },
      { name: "email", type: "text", value: (row) => row.email },
      { name: "country", type: "text", value: (row) => row.country },
      { name: "currentTitle", type: "text", value: (row) => row.currentTitle },
      { name: "yearsExperience", type: "int4", value: (row) => row.yearsExperience },
      { name: "track", type: `"Track"`, value: (row) => row.track },
      { name: "faangExperience", type: "bool", value: (row) => row.faangExperience },
      { name: "notes", type: "text", value: (row) => row.notes },
      { name: "recruiterId", type: "uuid", value: (row) => row.recruiterId },
      { name: "createdAt", type: "timestamp", value: (row) => row.createdAt },
      { name: "updatedAt", type: "timestamp", value: (row) => row.createdAt },
    ],
    dataset.candidates,
  );

  const interviewColumns = [
    { name: "id", type: "uuid", value: (row: InterviewRow) => row.id },
    { name: "candidateId", type: "uuid", value: (row: InterviewRow) => row.candidateId },
    { name: "areaKey", type: "text", value: (row: InterviewRow) => row.areaKey },
    { name: "interviewerId", type: "uuid", value: (row: InterviewRow) => row.interviewerId },
    { name: "scheduledAt", type: "timestamp", value: (row: InterviewRow) => row.scheduledAt },
    { name: "durationMinutes", type: "int4", value: (row: InterviewRow) => row.durationMinutes },
    { name: "createdAt", type: "timestamp", value: (row: InterviewRow) => row.createdAt },
    { name: "updatedAt", type: "timestamp", value: (row: InterviewRow) => row.createdAt },
  ];
  await bulkInsert(client, "Interview", interviewColumns, dataset.interviews);
  await bulkInsert(client, "Interview", interviewColumns, dataset.benchInterviews);

  await bulkInsert<ScorecardRow>(
    client,
    "Scorecard",
    [
      { name: "id", type: "uuid", value: (row) => row.id },
      { name: "interviewId", type: "uuid", value: (row) => row.interviewId },
      { name: "rubricVersionId", type: "uuid", value: (row) => row.rubricVersionId },
      { name: "draft", type: "jsonb", value: (row) => row.draft },
      { name: "version", type: "int4", value: (row) => row.version },
      { name: "submittedAt", type: "timestamp", value: (row) => row.submittedAt },
      { name: "overallRecommendation", type: `"OverallRecommendation"`, value: (row) => row.overallRecommendation },
      { name: "levelSignal", type: `"LevelCode"`, value: (row) => row.levelSignal },
      { name: "lifecycleOwnership", type: "bool", value: (row) => row.lifecycleOwnership },
      { name: "sharedInfrastructure", type: "bool", value: (row) => row.sharedInfrastructure },
      { name: "peopleManagement", type: "bool", value: (row) => row.peopleManagement },
      { name: "noteForLaterInterviewers", type: "text", value: (row) => row.noteForLaterInterviewers },
      { name: "weightedScore", type: "float8", value: (row) => row.weightedScore },
      { name: "createdAt", type: "timestamp", value: (row) => row.createdAt },
      { name: "updatedAt", type: "timestamp", value: (row) => row.submittedAt },
    ],
    dataset.scorecards,
  );

  await bulkInsert<RatingRow>(
    client,
    "ScorecardRating",
    [
      { name: "scorecardId", type: "uuid", value: (row) => row.scorecardId },
      { name: "criterionId", type: "uuid", value: (row) => row.criterionId },
      { name: "score", type: "int4", value: (row) => row.score },
      { name: "evidence", type: "text", value: (row) => row.evidence },
    ],
    dataset.ratings,
  );

  await bulkInsert<ProductionRow>(
    client,
    "ScorecardProductionEvidence",
    [
      { name: "scorecardId", type: "uuid", value: (row) => row.scorecardId },
      { name: "capability", type: `"ProductionCapability"`, value: (row) => row.capability },
      { name: "status", type: `"EvidenceStatus"`, value: (row) => row.status },
      { name: "note", type: "text", value: (row) => row.note },
    ],
    dataset.production,
    10_000,
  );

  await bulkInsert<RecommendationRow>(
    client,
    "CandidateRecommendation",
    [
      { name: "candidateId", type: "uuid", value: (row) => row.candidateId },
      { name: "policyVersion", type: "int4", value: () => policy.version },
      { name: "status", type: `"RecommendationStatus"`, value: (row) => row.recommendation.status },
      { name: "level", type: `"LevelCode"`, value: (row) => row.recommendation.level },
      { name: "bandMin", type: "int4", value: (row) => row.recommendation.band?.min ?? null },
      { name: "bandMax", type: "int4", value: (row) => row.recommendation.band?.max ?? null },
      { name: "premiumMin", type: "int4", value: (row) => row.recommendation.premiumBand?.min ?? null },
      { name: "premiumMax", type: "int4", value: (row) => row.recommendation.premiumBand?.max ?? null },
      { name: "flags", type: "jsonb", value: (row) => JSON.stringify(row.recommendation.flags) },
      { name: "flagCount", type: "int4", value: (row) => row.recommendation.flags.length },
      { name: "explanation", type: "jsonb", value: (row) => JSON.stringify(row.recommendation.explanation) },
      { name: "evidence", type: "jsonb", value: (row) => JSON.stringify(row.evidence) },
      { name: "computedAt", type: "timestamp", value: (row) => row.computedAt },
    ],
    dataset.recommendations,
    2_500,
  );

  // What submitScorecard records for each submission.
  await bulkInsert<AuditRow>(
    client,
    "AuditEvent",
    [
      { name: "at", type: "timestamp", value: (row) => row.at },
      { name: "actorId", type: "uuid", value: (row) => row.actorId },
      { name: "action", type: "text", value: () => "scorecard.submit" },
      { name: "entityType", type: "text", value: () => "Scorecard" },
      { name: "entityId", type: "text", value: (row) => row.entityId },
      { name: "details", type: "jsonb", value: (row) => row.details },
    ],
    [...dataset.audit].sort((a, b) => a.at.localeCompare(b.at)),
  );
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function printResult(result: SeedLargeResult): void {
  const { counts } = result;
  console.log(
    [
      `seed:large done in ${result.seconds.toFixed(1)} s:`,
      `  ${counts.users} users, ${counts.candidates} candidates, ${counts.interviews} interviews (${counts.benchInterviews} for the bench interviewer, not started)`,
      `  ${counts.scorecards} submitted scorecards, ${counts.ratings} ratings, ${counts.productionEvidence} production evidence rows`,
      `  ${counts.recommendations} recommendations: ${Object.entries(result.outcomes)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([outcome, count]) => `${outcome} ${count}`)
        .join(", ")}; production cap applied to ${result.productionCapped}`,
      `  ${counts.auditEvents} audit events`,
      `  bench accounts (password ${result.bench.password}): ${result.bench.recruiterEmail}, ${result.bench.interviewerEmail}`,
    ].join("\n"),
  );
}

async function main(): Promise<void> {
  const usage = "Usage: npm run seed:large [-- --candidates N] [--bench-interviews N] [--seed N] [--allow-external]";
  let values: { candidates?: string; "bench-interviews"?: string; seed?: string; "allow-external"?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        candidates: { type: "string" },
        "bench-interviews": { type: "string" },
        seed: { type: "string" },
        "allow-external": { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  // As db:seed does for demo accounts: these accounts have a published password.
  if (process.env.DATABASE_URL && !values["allow-external"]) {
    console.error(
      "Refusing to load benchmark data (accounts with a public password) into DATABASE_URL without --allow-external.",
    );
    process.exit(2);
  }
  const number = (value: string | undefined, name: string) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) {
      console.error(`--${name} must be a positive whole number`);
      process.exit(2);
    }
    return parsed;
  };
  const options: SeedLargeOptions = {
    candidates: number(values.candidates, "candidates"),
    benchInterviews: number(values["bench-interviews"], "bench-interviews"),
    seed: number(values.seed, "seed"),
    log: (message) => console.log(`  ${message}`),
  };
  const { withAppDatabase } = await import("./lib/with-database");
  await withAppDatabase("seed:large", async (db) => {
    const existing = await db.user.count({ where: { email: "bench.recruiter@firm.example.com" } });
    if (existing > 0) throw new Error("this database already holds the large dataset (seed:large is meant for a fresh database)");
    printResult(await seedLarge(process.env.DATABASE_URL!, options));
  });
}

// Run as a script (`tsx scripts/seed-large.ts`), not when imported by the bench.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}

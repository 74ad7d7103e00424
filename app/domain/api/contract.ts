/**
 * The REST API's contract (/api/v1): every endpoint's method, path, scope, and the Zod
 * schemas of its query, body and response. The routes validate with these schemas and the
 * OpenAPI document (openapi.ts) is generated from them, so the two cannot drift apart.
 * Request bodies reuse the app's form schemas where a form does the same job (candidates,
 * decisions): one rule for both ways in.
 */
import { z } from "zod";
import { candidateFormSchema } from "../candidates/candidate-form";
import { CANDIDATE_COUNTRIES, CANDIDATE_TRACKS } from "../candidates/candidate-fields";
import { DECISION_STATES, RECOMMENDATION_STATUSES, SEARCH_MAX } from "../candidates/list-options";
import { OVERRIDE_CHOICES, REASON_MAX, REASON_MIN } from "../candidates/decision-fields";
import { EARLIEST_YEAR, LATEST_YEAR, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from "../interviews/schedule";
import { LEVELS } from "../levels";
import { SCORECARD_STATUSES } from "../scorecards/status";
import { SCREEN_AREA_KEYS } from "../screen-areas";
import type { ApiScope } from "./scopes";

export { candidateFormSchema as candidateCreateSchema };

/** The largest value a PostgreSQL integer column holds. */
const INT4_MAX = 2_147_483_647;

export const candidateUpdateSchema = candidateFormSchema.extend({
  version: z
    .number({ error: "version is required: the candidate's version your change is based on" })
    .int()
    .min(1)
    .max(INT4_MAX),
});

export const LIST_LIMIT_MAX = 100;

export const candidateListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(25),
  cursor: z.string().max(200).optional(),
  q: z.string().trim().max(SEARCH_MAX).optional(),
  status: z.enum(RECOMMENDATION_STATUSES).optional(),
  level: z.enum(LEVELS).optional(),
  country: z.enum(CANDIDATE_COUNTRIES).optional(),
  decision: z.enum(DECISION_STATES).optional(),
});

const isoDateTime = z.iso.datetime({ offset: true });
const uuid = z.guid();
const band = z.object({ min: z.number().int(), max: z.number().int() });

export const candidateSchema = z.object({
  id: uuid,
  name: z.string(),
  email: z.string(),
  country: z.string(),
  currentTitle: z.string(),
  yearsExperience: z.number().int(),
  track: z.enum(CANDIDATE_TRACKS),
  faangExperience: z.boolean(),
  notes: z.string(),
  recruiterId: uuid.nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const candidateListSchema = z.object({
  data: z.array(candidateSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const interviewAssignSchema = z.strictObject({
  areaKey: z.enum(SCREEN_AREA_KEYS, { error: "Unknown screen area" }),
  interviewerId: z.guid({ error: "interviewerId must be a user id" }),
  scheduledAt: isoDateTime.refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
  }, `Enter a time between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`),
  durationMinutes: z.number().int().min(MIN_DURATION_MINUTES).max(MAX_DURATION_MINUTES).default(60),
});

/** An interview and where its scorecard stands; never its ratings, evidence or score. */
export const interviewSchema = z.object({
  id: uuid,
  areaKey: z.enum(SCREEN_AREA_KEYS),
  interviewerId: uuid,
  interviewerName: z.string(),
  scheduledAt: isoDateTime,
  durationMinutes: z.number().int(),
  scorecardStatus: z.enum(SCORECARD_STATUSES),
});

export const interviewListSchema = z.object({ data: z.array(interviewSchema) });

export const recommendationSchema = z.object({
  candidateId: uuid,
  status: z.enum(RECOMMENDATION_STATUSES),
  level: z.enum(LEVELS).nullable(),
  levelTitle: z.string().nullable(),
  band: band.nullable().describe("USD per month"),
  premiumBand: band.nullable().describe("USD per month with the FAANG-type premium"),
  flags: z.array(z.object({ kind: z.string(), message: z.string() })),
  explanation: z.array(z.object({ rule: z.string(), outcome: z.enum(["met", "not_met", "capped", "info"]), message: z.string() })),
  areaMeans: z.record(z.enum(SCREEN_AREA_KEYS), z.number().nullable()),
  policyVersion: z.number().int(),
  computedAt: isoDateTime.describe("Send it back as basedOn when recording a decision"),
});

export const decisionRecordSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("accept"), basedOn: isoDateTime }),
  z.strictObject({
    kind: z.literal("override"),
    basedOn: isoDateTime,
    level: z.enum(OVERRIDE_CHOICES),
    reason: z.string().trim().min(REASON_MIN).max(REASON_MAX),
  }),
]);

export const decisionSchema = z.object({
  id: uuid,
  candidateId: uuid,
  kind: z.enum(["accept", "override"]),
  level: z.enum(LEVELS).nullable().describe("null: no hire"),
  recommendedLevel: z.enum(LEVELS).nullable(),
  recommendationStatus: z.enum(RECOMMENDATION_STATUSES),
  reason: z.string(),
  policyVersion: z.number().int(),
  decidedAt: isoDateTime,
  decidedByName: z.string(),
});

export type Endpoint = {
  id: string;
  method: "get" | "post" | "patch";
  /** OpenAPI path template. */
  path: string;
  summary: string;
  scope: ApiScope;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success status and its body. */
  response: { status: 200 | 201; schema: z.ZodType };
  /** Error statuses this endpoint can answer besides 400/401/403/429 (every endpoint can). */
  errors?: (404 | 409)[];
};

export const ENDPOINTS = [
  {
    id: "listCandidates",
    method: "get",
    path: "/candidates",
    summary: "List candidates, newest first, with keyset pagination and filters",
    scope: "candidates:read",
    query: candidateListQuerySchema,
    response: { status: 200, schema: candidateListSchema },
  },
  {
    id: "createCandidate",
    method: "post",
    path: "/candidates",
    summary: "Create a candidate",
    scope: "candidates:write",
    body: candidateFormSchema,
    response: { status: 201, schema: candidateSchema },
    errors: [409],
  },
  {
    id: "getCandidate",
    method: "get",
    path: "/candidates/{candidateId}",
    summary: "Read one candidate",
    scope: "candidates:read",
    response: { status: 200, schema: candidateSchema },
    errors: [404],
  },
  {
    id: "updateCandidate",
    method: "patch",
    path: "/candidates/{candidateId}",
    summary: "Replace a candidate's fields; `version` must be the version the change is based on",
    scope: "candidates:write",
    body: candidateUpdateSchema,
    response: { status: 200, schema: candidateSchema },
    errors: [404, 409],
  },
  {
    id: "listInterviews",
    method: "get",
    path: "/candidates/{candidateId}/interviews",
    summary: "A candidate's scheduled interviews with each scorecard's status (never its scores)",
    scope: "interviews:read",
    response: { status: 200, schema: interviewListSchema },
    errors: [404],
  },
  {
    id: "assignInterview",
    method: "post",
    path: "/candidates/{candidateId}/interviews",
    summary: "Assign an interviewer to one screen area",
    scope: "interviews:write",
    body: interviewAssignSchema,
    response: { status: 201, schema: interviewSchema },
    errors: [404, 409],
  },
  {
    id: "getRecommendation",
    method: "get",
    path: "/candidates/{candidateId}/recommendation",
    summary: "The stored leveling recommendation with its explanation, band and flags",
    scope: "recommendations:read",
    response: { status: 200, schema: recommendationSchema },
    errors: [404],
  },
  {
    id: "getDecision",
    method: "get",
    path: "/candidates/{candidateId}/decision",
    summary: "The recorded decision (404 while undecided)",
    scope: "decisions:read",
    response: { status: 200, schema: decisionSchema },
    errors: [404],
  },
  {
    id: "recordDecision",
    method: "post",
    path: "/candidates/{candidateId}/decision",
    summary: "Accept the recommendation shown at `basedOn`, or override it with a reason",
    scope: "decisions:write",
    body: decisionRecordSchema,
    response: { status: 201, schema: decisionSchema },
    errors: [404, 409],
  },
] as const satisfies readonly Endpoint[];

export type EndpointId = (typeof ENDPOINTS)[number]["id"];

export function endpoint(id: EndpointId): Endpoint {
  return ENDPOINTS.find((candidate) => candidate.id === id)!;
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { endpoint as endpointById, type Endpoint, type EndpointId, type ENDPOINTS } from "~/domain/api/contract";
import { fieldErrors, problem, type FieldError, type Problem, type ProblemKind } from "~/domain/api/problem";
import type { ApiScope } from "~/domain/api/scopes";
import { authenticateApiToken, recordApiRequest, type ApiCaller } from "~/models/api-token.server";
import { candidateScoresOf } from "~/models/visibility.server";
import { isDatabaseUnavailable } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { isUuid } from "~/utils/params";

/**
 * The REST API's plumbing, shared by every /api/v1 route: bearer-token authentication and
 * rate limit, the endpoint's scope, parsing of path ids, query and JSON body with the
 * contract's Zod schemas, RFC 9457 problems for every failure, and one audit event per
 * authenticated request. A route supplies only what its endpoint does.
 */
export class ApiProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.title);
  }
}

export function apiProblem(kind: ProblemKind, detail?: string, errors?: FieldError[]): ApiProblem {
  return new ApiProblem(problem(kind, detail, errors));
}

/**
 * Independent scoring binds a token's owner like every other way in: while they owe a
 * scorecard for the candidate, their tokens read no recommendation or decision of it.
 */
export async function requireScoresVisible(caller: ApiCaller, candidateId: string): Promise<void> {
  if ((await candidateScoresOf({ id: caller.ownerId, roles: ["RECRUITER"] }, candidateId)) === "withheld") {
    throw apiProblem("forbidden", "The token's owner is an interviewer of this candidate with a scorecard still to submit: scores stay withheld until then.");
  }
}

export type ApiContext<Body, Query> = {
  caller: ApiCaller;
  params: Record<string, string>;
  body: Body;
  query: Query;
  ipAddress: string;
};

type EndpointOf<Id extends EndpointId> = Extract<(typeof ENDPOINTS)[number], { id: Id }>;
type BodyOf<E> = E extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;
type QueryOf<E> = E extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
type ResponseOf<E> = E extends { response: { schema: infer R extends z.ZodType } } ? z.input<R> : never;

export type ApiHandler<Id extends EndpointId> = (
  context: ApiContext<BodyOf<EndpointOf<Id>>, QueryOf<EndpointOf<Id>>>,
) => Promise<ResponseOf<EndpointOf<Id>>>;

type AnyHandler = (context: ApiContext<unknown, unknown>) => Promise<unknown>;

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": contentType, ...headers } });
}

function problemResponse(error: ApiProblem): Response {
  return json(error.problem, error.problem.status, error.headers);
}

async function authenticate(request: Request): Promise<ApiCaller> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer ([^\s]+)$/i.exec(header);
  if (!match) {
    throw new ApiProblem(problem("unauthorized", "Send a service token as `Authorization: Bearer <token>`."), {
      "WWW-Authenticate": 'Bearer realm="api"',
    });
  }
  const result = await authenticateApiToken(match[1]!, getEnv().API_RATE_LIMIT_PER_MINUTE);
  if (result.ok) return result.caller;
  if (result.reason === "rate_limited") {
    throw new ApiProblem(problem("rate-limited", `This token may make ${getEnv().API_RATE_LIMIT_PER_MINUTE} requests a minute.`), {
      "Retry-After": String(result.retryAfterSeconds),
    });
  }
  throw new ApiProblem(problem("unauthorized", "The token is unknown, revoked, or its owner was deactivated."), {
    "WWW-Authenticate": 'Bearer realm="api", error="invalid_token"',
  });
}

function requireScope(caller: ApiCaller, scope: ApiScope): void {
  if (!caller.scopes.includes(scope)) throw apiProblem("forbidden", `This endpoint needs the \`${scope}\` scope.`);
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: "body" | "query"): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw apiProblem(
    "invalid-request",
    `The ${where} has ${result.error.issues.length === 1 ? "an invalid field" : "invalid fields"}.`,
    fieldErrors(result.error.issues.map((issue) => ({ ...issue, path: where === "query" ? ["query", ...issue.path] : issue.path }))),
  );
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === "") throw apiProblem("invalid-request", "The request needs a JSON body.");
  try {
    return JSON.parse(text);
  } catch {
    throw apiProblem("invalid-request", "The body is not valid JSON.");
  }
}

/** Path ids are UUIDs: anything else is simply not found. */
function readParams(params: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || !isUuid(value)) throw apiProblem("not-found", "No such resource.");
    result[name] = value;
  }
  return result;
}

async function run(endpoint: Endpoint, handler: AnyHandler, args: LoaderFunctionArgs): Promise<Response> {
  const { request } = args;
  const path = new URL(request.url).pathname;
  const ipAddress = (args.context as { clientIp?: string }).clientIp ?? "unknown";
  let caller: ApiCaller | null = null;
  let response: Response;
  try {
    caller = await authenticate(request);
    requireScope(caller, endpoint.scope);
    const params = readParams(args.params);
    const url = new URL(request.url);
    const query = endpoint.query ? parseWith(endpoint.query, Object.fromEntries(url.searchParams), "query") : undefined;
    const body = endpoint.body ? parseWith(endpoint.body, await readJson(request), "body") : undefined;
    const result = await handler({ caller, params, body, query, ipAddress });
    response = json(endpoint.response.schema.parse(result), endpoint.response.status);
  } catch (error) {
    if (error instanceof ApiProblem) response = problemResponse(error);
    else if (isDatabaseUnavailable(error)) response = problemResponse(new ApiProblem(problem("unavailable"), { "Retry-After": "5" }));
    else throw error;
  }
  if (caller) {
    try {
      await recordApiRequest(caller, { method: request.method, path, status: response.status, ipAddress });
    } catch (error) {
      // The answer stands; an audit write that failed is logged, not hidden.
      log("error", "api audit write failed", { tokenId: caller.tokenId, error: (error as Error).name });
    }
  }
  return response;
}

/** A resource route's loader serving one GET endpoint. */
export function apiLoader<Id extends EndpointId>(id: Id, handler: ApiHandler<Id>) {
  const endpoint = endpointById(id);
  return (args: LoaderFunctionArgs) => run(endpoint, handler as AnyHandler, args);
}

/** One non-GET endpoint and its handler, for apiAction. */
export function apiMethod<Id extends EndpointId>(id: Id, handler: ApiHandler<Id>) {
  return { endpoint: endpointById(id), handler: handler as AnyHandler };
}

/** A resource route's action serving its non-GET endpoints; other methods answer 405. */
export function apiAction(handlers: Partial<Record<"post" | "patch", ReturnType<typeof apiMethod>>>) {
  return (args: ActionFunctionArgs) => {
    const entry = handlers[args.request.method.toLowerCase() as "post" | "patch"];
    if (!entry) {
      const allow = ["GET", ...Object.keys(handlers).map((name) => name.toUpperCase())].join(", ");
      return json(problem("method-not-allowed", `Allowed: ${allow}.`), 405, { Allow: allow });
    }
    return run(entry.endpoint, entry.handler, args);
  };
}

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the contract's Zod schemas (JSON
 * Schema 2020-12, which OpenAPI 3.1 uses as is). Request bodies are described as callers
 * send them (Zod's input side), responses as the server sends them (its output side).
 */
import { z } from "zod";
import { ENDPOINTS, type Endpoint } from "./contract";
import { API_SCOPES, API_SCOPE_LABELS } from "./scopes";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const problemSchema: JsonSchema = {
  type: "object",
  required: ["type", "title", "status"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["pointer", "detail"],
        properties: { pointer: { type: "string" }, detail: { type: "string" } },
      },
    },
  },
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid request: `errors` lists each field (a JSON Pointer) and why",
  401: "Missing, unknown or revoked token",
  403: "The token lacks the scope",
  404: "Not found",
  409: "Conflict: changed meanwhile, or already exists",
  429: "Rate limited: see Retry-After",
};

function problemResponse(status: number) {
  return { description: ERROR_DESCRIPTIONS[status], content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
}

function queryParameters(query: z.ZodObject) {
  const schema = jsonSchema(query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function operation(endpoint: Endpoint) {
  const pathParameters = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string", format: "uuid" },
  }));
  const errors = [400, 401, 403, ...(endpoint.errors ?? []), 429].sort();
  return {
    operationId: endpoint.id,
    summary: endpoint.summary,
    description: `Requires the \`${endpoint.scope}\` scope.`,
    security: [{ bearerAuth: [endpoint.scope] }],
    parameters: [...pathParameters, ...(endpoint.query ? queryParameters(endpoint.query) : [])],
    ...(endpoint.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(endpoint.body, "input") } } } }
      : {}),
    responses: {
      [String(endpoint.response.status)]: {
        description: endpoint.response.status === 201 ? "Created" : "OK",
        content: { "application/json": { schema: jsonSchema(endpoint.response.schema, "output") } },
      },
      ...Object.fromEntries(errors.map((status) => [String(status), problemResponse(status)])),
    },
  };
}

export function buildOpenApiDocument(options: { serverUrl: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of ENDPOINTS) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path]![endpoint.method] = operation(endpoint);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "ML Leveling API",
      version: options.version,
      description:
        "Candidates, interview assignments, scorecard status, leveling recommendations and decisions. " +
        "Authenticate with a service token (`Authorization: Bearer <token>`) created by an admin at /admin/api-tokens. " +
        "Errors are RFC 9457 problem details.",
    },
    servers: [{ url: options.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: `Scopes: ${API_SCOPES.map((scope) => `${scope} (${API_SCOPE_LABELS[scope]})`).join("; ")}`,
        },
      },
      schemas: { Problem: problemSchema },
    },
  };
}

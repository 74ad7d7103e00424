import { describe, expect, it } from "vitest";
import { ENDPOINTS, type Endpoint } from "./contract";
import { buildOpenApiDocument } from "./openapi";
import { fieldErrors, problem, toPointer } from "./problem";

describe("problem details", () => {
  it("carry a stable type, the status and the title", () => {
    expect(problem("conflict", "Changed meanwhile")).toEqual({
      type: "/api/v1/problems/conflict",
      title: "Conflict with the current state",
      status: 409,
      detail: "Changed meanwhile",
    });
  });

  it("point at fields with escaped JSON Pointers", () => {
    expect(toPointer(["ratings", 0, "score"])).toBe("/ratings/0/score");
    expect(toPointer(["a/b", "c~d"])).toBe("/a~1b/c~0d");
    expect(fieldErrors([{ path: [], message: "Invalid" }])).toEqual([{ pointer: "", detail: "Invalid" }]);
  });
});

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument({ serverUrl: "https://app.example/api/v1", version: "1.0.0" });

  it("has one operation per endpoint with its scope, success and error answers", () => {
    for (const endpoint of ENDPOINTS as readonly Endpoint[]) {
      const operation = (document.paths[endpoint.path] as Record<string, { operationId: string; security: unknown; responses: Record<string, unknown> }>)[endpoint.method]!;
      expect(operation.operationId).toBe(endpoint.id);
      expect(operation.security).toEqual([{ bearerAuth: [endpoint.scope] }]);
      expect(Object.keys(operation.responses)).toEqual(
        expect.arrayContaining([String(endpoint.response.status), "400", "401", "403", "429", ...(endpoint.errors ?? []).map(String)]),
      );
    }
  });

  it("describes request bodies as callers send them", () => {
    const create = (document.paths["/candidates"] as { post: { requestBody: { content: { "application/json": { schema: { properties: Record<string, { type?: string }>; required: string[] } } } } } }).post;
    const schema = create.requestBody.content["application/json"].schema;
    expect(schema.properties.yearsExperience).toMatchObject({ type: "integer", minimum: 0, maximum: 60 });
    expect(schema.properties.faangExperience).toMatchObject({ type: "boolean" });
    expect(schema.required).toEqual(expect.arrayContaining(["name", "email", "country"]));
  });
});

import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { TestApp } from "./test-app";

/** A JSON request to the REST API with a bearer token, as another system would send it. */
export function apiRequest(app: TestApp, token: string | null, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { Accept: "application/json", ...init.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(app.baseUrl + "/api/v1" + path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: "manual",
  });
}

type Document = { paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: { schemas: Record<string, object> } };

/**
 * Checks real responses against the served OpenAPI document: each answer's status must be
 * documented for its operation, and its body must match the documented schema.
 */
export async function openApiChecker(app: TestApp) {
  const response = await fetch(app.baseUrl + "/api/v1/openapi.json");
  const document = (await response.json()) as Document;
  const validator = new Validator();
  const validation = await validator.validate(structuredClone(document) as Parameters<Validator["validate"]>[0]);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "doc", ...document } as object);
  const operations = new Map<string, { path: string; method: string; responses: Document["paths"][string][string]["responses"] }>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) operations.set(operation.operationId, { path, method, responses: operation.responses });
  }
  const checked = new Map<string, Set<number>>();
  return {
    document,
    validation: { ...validation, version: validator.version },
    operations,
    checked,
    /** Reads the body, checks it against the document, and returns it. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a response body the test then reads field by field
    async check(operationId: string, answer: Response): Promise<any> {
      const operation = operations.get(operationId);
      if (!operation) throw new Error(`no operation ${operationId} in the document`);
      const documented = operation.responses[String(answer.status)];
      if (!documented) throw new Error(`${operationId} answered ${answer.status}, which the document does not list`);
      const [contentType, media] = Object.entries(documented.content ?? {})[0] ?? [];
      const body = await answer.json();
      if (!contentType || !media) throw new Error(`${operationId} ${answer.status} has no documented body`);
      if (!answer.headers.get("content-type")?.startsWith(contentType)) {
        throw new Error(`${operationId} ${answer.status}: content type ${answer.headers.get("content-type")}, documented ${contentType}`);
      }
      const pointer = `doc#/paths/${operation.path.replaceAll("~", "~0").replaceAll("/", "~1")}/${operation.method}/responses/${answer.status}/content/${contentType.replace("/", "~1")}/schema`;
      const validateBody = ajv.getSchema(pointer);
      if (!validateBody) throw new Error(`cannot compile ${pointer}`);
      if (!validateBody(body)) throw new Error(`${operationId} ${answer.status} body does not match the document: ${ajv.errorsText(validateBody.errors)}\n${JSON.stringify(body)}`);
      if (!checked.has(operationId)) checked.set(operationId, new Set());
      checked.get(operationId)!.add(answer.status);
      return body;
    },
  };
}

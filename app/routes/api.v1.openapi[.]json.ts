import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildOpenApiDocument } from "~/domain/api/openapi";

// Built once: the contract does not change while the server runs.
let document: string | undefined;

/** The API's OpenAPI 3.1 document; public, like any API reference (it holds no data). */
export function loader({ request }: LoaderFunctionArgs) {
  document ??= JSON.stringify(buildOpenApiDocument({ serverUrl: `${new URL(request.url).origin}/api/v1`, version: "1.0.0" }));
  return new Response(document, { headers: { "Content-Type": "application/json", "Cache-Control": "no-cache" } });
}

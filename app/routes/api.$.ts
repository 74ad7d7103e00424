import { problem } from "~/domain/api/problem";

/** Any other path under /api answers as the API does (problem JSON), not with the app's HTML page. */
function notFound() {
  return new Response(JSON.stringify(problem("not-found", "No such API endpoint. The reference is at /api/v1/openapi.json.")), {
    status: 404,
    headers: { "Content-Type": "application/problem+json" },
  });
}

export const loader = notFound;
export const action = notFound;

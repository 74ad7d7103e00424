import { getPool } from "~/utils/db.server";

/** Liveness and database reachability, for load balancers and the start script. */
export async function loader() {
  const started = performance.now();
  try {
    await getPool().query("SELECT 1");
    return Response.json(
      { status: "ok", database: "reachable", latencyMs: Math.round(performance.now() - started) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "degraded", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
    );
  }
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/permissions.server";
import { readAuditFilter, toAuditQuery } from "~/components/admin/audit-filter";
import { auditDetailsFor } from "~/domain/scorecards/visibility";
import { listAuditEvents } from "~/models/audit.server";
import { withheldFrom } from "~/models/visibility.server";
import { getDb } from "~/utils/db.server";

/** The most rows one export holds; narrow the filter (dates) for more. */
const MAX_ROWS = 10_000;

/**
 * RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would run as a
 * formula (= + - @, tab, carriage return): audit details contain user-entered text.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The audit events matching the page's filter, newest first, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const filter = readAuditFilter(new URL(request.url).searchParams);
  const [{ events, total }, users, withheld] = await Promise.all([
    listAuditEvents(toAuditQuery(filter), { take: MAX_ROWS, skip: 0 }),
    getDb().user.findMany({ select: { id: true, name: true } }),
    withheldFrom(user.id),
  ]);
  const names = new Map(users.map((user) => [user.id, user.name]));
  const header = ["id", "at_utc", "actor_id", "actor_name", "action", "entity_type", "entity_id", "ip_address", "details"];
  const lines = [header.join(",")];
  for (const event of events) {
    lines.push(
      [
        String(event.id),
        event.at.toISOString(),
        event.actorId ?? "",
        event.actorId ? (names.get(event.actorId) ?? "") : "system",
        event.action,
        event.entityType,
        event.entityId ?? "",
        event.ipAddress ?? "",
        // The same independent-scoring rule as the audit page.
        JSON.stringify(auditDetailsFor(event, withheld)),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(lines.join("\r\n") + "\r\n", {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${stamp}.csv"`,
      "Cache-Control": "no-store",
      // Tells the reader when the export was cut at MAX_ROWS.
      "X-Total-Count": String(total),
    },
  });
}

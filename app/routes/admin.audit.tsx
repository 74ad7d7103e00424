import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { auditFilterQuery, KNOWN_ACTIONS, KNOWN_ENTITY_TYPES, readAuditFilter, toAuditQuery } from "~/components/admin/audit-filter";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { auditDetailsFor } from "~/domain/scorecards/visibility";
import { listAuditEvents } from "~/models/audit.server";
import { withheldFrom } from "~/models/visibility.server";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Audit log · ML Leveling" }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const filter = readAuditFilter(new URL(request.url).searchParams);
  const [{ events, total }, actors, withheld] = await Promise.all([
    listAuditEvents(toAuditQuery(filter), { take: PAGE_SIZE, skip: (filter.page - 1) * PAGE_SIZE }),
    getDb().user.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    withheldFrom(user.id),
  ]);
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  return {
    filter,
    actors,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    events: events.map((event) => ({
      id: String(event.id),
      at: event.at.toISOString(),
      actor: event.actorId ? (names.get(event.actorId) ?? event.actorId) : "system",
      action: event.action,
      entity: `${event.entityType}${event.entityId ? ` ${event.entityId}` : ""}`,
      // An admin who interviews a candidate and owes the scorecard reads no scores of it here either.
      details: JSON.stringify(auditDetailsFor(event, withheld)),
    })),
  };
}

export default function AuditPage() {
  const { events, actors, filter, total, pages } = useLoaderData<typeof loader>();
  const query = auditFilterQuery(filter);
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="mt-1 text-sm text-slate-600">
        Every sign-in, submission, decision, override, role change and rubric or policy publish, newest first. Append-only.
      </p>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          Actor
          <select name="actorId" defaultValue={filter.actorId ?? ""} className="rounded border px-2 py-1">
            <option value="">Anyone</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Action starts with
          <input name="action" list="audit-actions" defaultValue={filter.action ?? ""} className="rounded border px-2 py-1" />
        </label>
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
        <label className="flex flex-col">
          Entity
          <input name="entityType" list="audit-entities" defaultValue={filter.entityType ?? ""} className="rounded border px-2 py-1" />
        </label>
        <datalist id="audit-entities">
          {KNOWN_ENTITY_TYPES.map((entity) => (
            <option key={entity} value={entity} />
          ))}
        </datalist>
        <label className="flex flex-col">
          From (UTC)
          <input type="date" name="from" defaultValue={filter.from ?? ""} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col">
          To (UTC)
          <input type="date" name="to" defaultValue={filter.to ?? ""} className="rounded border px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-white">
          Filter
        </button>
        <Link to="/admin/audit" className="py-1.5 text-slate-700 underline">
          Clear
        </Link>
      </Form>
      <p className="mt-3 flex gap-4 text-sm text-slate-600">
        <span>{total} events</span>
        {/* A resource route: a plain link downloads it, with or without JavaScript. */}
        <a href={`/admin/audit.csv${query ? `?${query}` : ""}`} className="text-indigo-700 underline" download>
          Download these events as CSV
        </a>
      </p>
      <table className="mt-2 w-full text-left text-sm">
        <thead className="border-b text-slate-500">
          <tr>
            <th className="py-2">When (UTC)</th>
            <th>Actor</th>
            <th>Action</th>
            <th>Entity</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className="border-b align-top" data-action={event.action}>
              <td className="whitespace-nowrap py-1">{event.at.replace("T", " ").slice(0, 19)}</td>
              <td>{event.actor}</td>
              <td className="font-mono">{event.action}</td>
              <td className="font-mono text-xs">{event.entity}</td>
              <td className="max-w-md break-all font-mono text-xs">{event.details}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
        {filter.page > 1 ? <Link to={`?${auditFilterQuery(filter, filter.page - 1)}`}>Previous</Link> : null}
        <span>
          Page {filter.page} of {pages}
        </span>
        {filter.page < pages ? <Link to={`?${auditFilterQuery(filter, filter.page + 1)}`}>Next</Link> : null}
      </nav>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listAuditEvents } from "~/models/audit.server";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Audit log · ML Leveling" }];

const PAGE_SIZE = 50;
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const filterSchema = z.object({
  actorId: z.preprocess(blankToUndefined, z.string().uuid().optional()).catch(undefined),
  action: z.preprocess(blankToUndefined, z.string().max(100).optional()).catch(undefined),
  entityType: z.preprocess(blankToUndefined, z.string().max(100).optional()).catch(undefined),
  from: z.preprocess(blankToUndefined, z.coerce.date().optional()).catch(undefined),
  to: z.preprocess(blankToUndefined, z.coerce.date().optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = filterSchema.parse(params);
  // "to" is a day picked in the form: include the whole day.
  const to = filter.to ? new Date(filter.to.getTime() + 86_400_000) : undefined;
  const [{ events, total }, actors] = await Promise.all([
    listAuditEvents({ ...filter, to }, { take: PAGE_SIZE, skip: (filter.page - 1) * PAGE_SIZE }),
    getDb().user.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  return {
    filter: { ...filter, from: params.from ?? "", to: params.to ?? "" },
    actors,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    events: events.map((event) => ({
      id: String(event.id),
      at: event.at.toISOString(),
      actor: event.actorId ? (names.get(event.actorId) ?? event.actorId) : "system",
      action: event.action,
      entity: `${event.entityType}${event.entityId ? ` ${event.entityId}` : ""}`,
      details: JSON.stringify(event.details),
    })),
  };
}

export default function AuditPage() {
  const { events, actors, filter, total, pages } = useLoaderData<typeof loader>();
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ["actorId", "action", "entityType", "from", "to"] as const) {
      const value = filter[key];
      if (value) params.set(key, String(value));
    }
    params.set("page", String(page));
    return `?${params}`;
  };
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
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
          <input name="action" defaultValue={filter.action ?? ""} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col">
          Entity
          <input name="entityType" defaultValue={filter.entityType ?? ""} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col">
          From
          <input type="date" name="from" defaultValue={filter.from} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col">
          To
          <input type="date" name="to" defaultValue={filter.to} className="rounded border px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-white">
          Filter
        </button>
      </Form>
      <p className="mt-3 text-sm text-slate-600">{total} events</p>
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
            <tr key={event.id} className="border-b align-top">
              <td className="py-1 whitespace-nowrap">{event.at.replace("T", " ").slice(0, 19)}</td>
              <td>{event.actor}</td>
              <td className="font-mono">{event.action}</td>
              <td className="font-mono text-xs">{event.entity}</td>
              <td className="max-w-md break-all font-mono text-xs">{event.details}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
        {filter.page > 1 ? <Link to={pageLink(filter.page - 1)}>Previous</Link> : null}
        <span>
          Page {filter.page} of {pages}
        </span>
        {filter.page < pages ? <Link to={pageLink(filter.page + 1)}>Next</Link> : null}
      </nav>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

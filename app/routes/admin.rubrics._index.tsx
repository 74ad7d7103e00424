import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listRubricAreas } from "~/models/rubric-admin.server";
import { formatDateTimeUtc } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Rubrics · ML Leveling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const areas = await listRubricAreas();
  return {
    areas: areas.map((area) => ({
      ...area,
      published: area.published && { ...area.published, publishedAt: area.published.publishedAt?.toISOString() ?? null },
      draft: area.draft && { number: area.draft.number, createdAt: area.draft.createdAt.toISOString() },
    })),
  };
}

export default function RubricsPage() {
  const { areas } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-bold">Rubrics</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        One rubric per screen area. Editing happens in a draft; publishing makes it the version every interview without a
        scorecard uses from then on. Scorecards already started keep, and are judged against, the version they were filled with.
      </p>
      <ul className="mt-6 grid gap-4 md:grid-cols-2">
        {areas.map((area) => (
          <li key={area.key} className="rounded-lg border border-slate-200 bg-white p-4" data-area={area.key}>
            <h2 className="text-lg font-semibold">
              <Link to={`/admin/rubrics/${area.key}`} className="text-indigo-700 underline">
                {area.name}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-600">{area.description}</p>
            <p className="mt-2 text-sm">
              {area.published
                ? `Published version ${area.published.number} · ${area.published.criteriaCount} criteria${
                    area.published.publishedAt ? ` · since ${formatDateTimeUtc(area.published.publishedAt)}` : ""
                  }`
                : "No published version"}
            </p>
            {area.draft ? (
              <p className="mt-1 text-sm font-medium text-amber-800">
                Draft version {area.draft.number} in progress (started {formatDateTimeUtc(area.draft.createdAt)})
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

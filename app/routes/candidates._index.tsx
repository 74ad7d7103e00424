import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listCandidates } from "~/models/candidate.server";

export const meta: MetaFunction = () => [{ title: "Candidates · ML Leveling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "RECRUITER");
  return { candidates: await listCandidates() };
}

export default function CandidatesPage() {
  const { candidates } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-bold">Candidates</h1>
      <table className="mt-4 w-full text-left text-sm">
        <thead className="border-b text-slate-500">
          <tr>
            <th className="py-2">Name</th>
            <th>Country</th>
            <th>Current title</th>
            <th>Years</th>
            <th>Track</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((candidate) => (
            <tr key={candidate.id} className="border-b">
              <td className="py-2">{candidate.name}</td>
              <td>{candidate.country}</td>
              <td>{candidate.currentTitle}</td>
              <td>{candidate.yearsExperience}</td>
              <td>{candidate.track === "M" ? "Manager" : "IC"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

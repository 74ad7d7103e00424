import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScorecardStatusBadge } from "~/components/status-badge";
import { listInterviewsOf, type MyInterview } from "~/models/interview.server";
import { formatDateTimeUtc } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "My interviews · ML Leveling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INTERVIEWER");
  return listInterviewsOf(user.id);
}

type Row = Omit<MyInterview, "scheduledAt"> & { scheduledAt: string | Date };

function InterviewTable({ title, interviews, empty }: { title: string; interviews: Row[]; empty: string }) {
  return (
    <section className="mt-8">
      <h2 className="text-lg font-semibold">{title}</h2>
      {interviews.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <table className="mt-2 w-full text-left text-sm">
          <thead className="border-b text-slate-500">
            <tr>
              <th className="py-2">When</th>
              <th>Candidate</th>
              <th>Screen area</th>
              <th>Scorecard</th>
              <th>
                <span className="sr-only">Interview kit</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {interviews.map((interview) => (
              <tr key={interview.id} className="border-b">
                <td className="py-2 whitespace-nowrap">{formatDateTimeUtc(interview.scheduledAt)}</td>
                <td>
                  <Link to={`/interviews/${interview.id}`} className="text-indigo-700 underline">
                    {interview.candidateName}
                  </Link>
                </td>
                <td>{interview.areaName}</td>
                <td>
                  <ScorecardStatusBadge status={interview.status} />
                </td>
                <td>
                  <Link to={`/interviews/${interview.id}/kit`} className="text-indigo-700 underline">
                    Interview kit
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function InterviewsPage() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-bold">My interviews</h1>
      <InterviewTable title="Upcoming" interviews={upcoming} empty="No upcoming interviews." />
      <InterviewTable title="Past" interviews={past} empty="No past interviews." />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

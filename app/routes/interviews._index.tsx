import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "My interviews · ML Leveling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INTERVIEWER");
  return { name: user.name };
}

export default function InterviewsPage() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-bold">My interviews</h1>
      <p className="mt-4 text-slate-600">{name}, no interviews are assigned to you yet.</p>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, SubmitButton } from "~/components/forms";
import { IMPORT_MAX_ROWS } from "~/domain/candidates/import";
import { createCandidateImport } from "~/models/candidate-import.server";

export const meta: MetaFunction = () => [{ title: "Import candidates · ML Leveling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "RECRUITER");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const recruiter = await requireRole(request, "RECRUITER");
  const form = await request.formData();
  const file = form.get("file");
  const pasted = form.get("csv");
  const upload =
    file instanceof File && file.size > 0
      ? { fileName: file.name || "upload.csv", csv: new TextDecoder("utf-8").decode(await file.arrayBuffer()) }
      : typeof pasted === "string" && pasted.trim() !== ""
        ? { fileName: "pasted.csv", csv: pasted }
        : null;
  if (!upload) return data({ error: "Choose a CSV file, or paste the CSV." }, { status: 400 });
  const result = await createCandidateImport(upload, { id: recruiter.id, ipAddress: context.clientIp });
  if (!result.ok) return data({ error: result.message }, { status: 400 });
  throw redirect(`/candidates/import/${result.id}`);
}

export default function ImportUploadPage() {
  const result = useActionData<typeof action>();
  return (
    <main className="mx-auto max-w-3xl p-6">
      <p className="text-sm">
        <Link to="/candidates" className="underline">
          Candidates
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Import candidates</h1>
      <p className="mt-2 text-sm text-slate-700">
        Upload a CSV export of your ATS (Greenhouse and Lever candidate exports are recognised, as are this app&apos;s own column
        names), up to {IMPORT_MAX_ROWS.toLocaleString("en-US")} candidates. Next you choose which column feeds which field and see every row checked before anything is saved. A candidate
        whose email already exists is skipped, so importing the same file twice creates nobody twice.
      </p>
      <Form method="post" encType="multipart/form-data" className="mt-4 space-y-3">
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
            CSV file
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={result?.error ? true : undefined}
            aria-describedby={result?.error ? "import-file-error" : undefined}
            className="mt-1 block w-full text-sm"
          />
          <ErrorList id="import-file-error" errors={result?.error ? [result.error] : undefined} />
        </div>
        <div>
          <label htmlFor="import-csv" className="block text-sm font-medium text-slate-800">
            Or paste the CSV
          </label>
          <textarea id="import-csv" name="csv" rows={6} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs" />
        </div>
        <SubmitButton>Upload and preview</SubmitButton>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { CandidateFields } from "~/components/candidate-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, SubmitButton } from "~/components/forms";
import { isCandidateCountry } from "~/domain/candidates/candidate-fields";
import { candidateEditSchema, type CandidateEditInput } from "~/domain/candidates/candidate-form";
import { getCandidateForEdit, listRecruiters, updateCandidate } from "~/models/candidate.server";
import { isUuid } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.candidate.name ? `Edit ${data.candidate.name}` : "Edit candidate"} · ML Leveling` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "RECRUITER");
  const candidate = await getCandidateForEdit(params.candidateId ?? "");
  if (!candidate) throw new Response("Candidate not found", { status: 404 });
  const recruiters = await listRecruiters();
  // A deactivated owner stays selectable, so saving other fields does not silently unassign them.
  if (candidate.recruiter && !recruiters.some((recruiter) => recruiter.id === candidate.recruiter!.id)) {
    recruiters.push({ id: candidate.recruiter.id, name: `${candidate.recruiter.name} (deactivated)` });
  }
  const { recruiter: _recruiter, ...values } = candidate;
  return { candidate: values, recruiters };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const recruiter = await requireRole(request, "RECRUITER");
  const candidateId = params.candidateId ?? "";
  if (!isUuid(candidateId)) throw new Response("Candidate not found", { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: candidateEditSchema });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: 400 });
  }
  const { version, ...input } = submission.value;
  const result = await updateCandidate(candidateId, version, input, { id: recruiter.id, ipAddress: context.clientIp });
  if (!result.ok) {
    switch (result.reason) {
      case "not_found":
        throw new Response("Candidate not found", { status: 404 });
      case "conflict":
        // Nothing was written; the reply keeps what they typed, with the version they started from.
        return data({ ...submission.reply({ formErrors: [result.message] }), conflict: true }, { status: 409 });
      case "invalid":
        return data(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 });
    }
  }
  throw redirect(`/candidates/${candidateId}`);
}

export default function EditCandidatePage() {
  const { candidate, recruiters } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const conflict = lastResult !== undefined && "conflict" in lastResult;
  // Validation happens on the server; the browser checks the HTML constraints below first.
  const [form, fields] = useForm<CandidateEditInput>({
    id: `edit-candidate-${candidate.id}`,
    lastResult,
    defaultValue: {
      ...candidate,
      yearsExperience: String(candidate.yearsExperience),
      faangExperience: candidate.faangExperience ? "on" : undefined,
      recruiterId: candidate.recruiterId ?? "",
      // An older country outside today's list must be chosen again rather than saved as is.
      country: isCandidateCountry(candidate.country) ? candidate.country : "",
      version: String(candidate.version),
    },
  });
  const page = `/candidates/${candidate.id}`;
  return (
    <main className="mx-auto max-w-3xl p-6">
      <p className="text-sm">
        <Link to="/candidates" className="text-indigo-700 underline">
          Candidates
        </Link>
        {" / "}
        <Link to={page} className="text-indigo-700 underline">
          {candidate.name}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Edit candidate</h1>
      {conflict ? (
        <div role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">{lastResult?.error?.[""]?.[0]}</p>
          <p className="mt-1">
            Your changes below were not saved.{" "}
            <a href={`${page}/edit`} className="underline">
              Reload the form
            </a>{" "}
            to start again from the current version.
          </p>
        </div>
      ) : null}
      <Form method="post" className="mt-6 grid gap-4" {...getFormProps(form)} noValidate={false}>
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <CandidateFields fields={fields} recruiters={recruiters} />
        {conflict ? null : <ErrorList id={form.errorId} errors={form.errors} />}
        <ErrorList errors={fields.version.errors} />
        <div className="flex items-center gap-4">
          <SubmitButton disabled={navigation.state !== "idle"}>Save changes</SubmitButton>
          <Link to={page} className="text-sm text-slate-700 underline">
            Cancel
          </Link>
        </div>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

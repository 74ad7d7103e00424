import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { CandidateFields } from "~/components/candidate-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, SubmitButton } from "~/components/forms";
import { candidateFormSchema, type CandidateInput } from "~/domain/candidates/candidate-form";
import { createCandidate, listRecruiters } from "~/models/candidate.server";

export const meta: MetaFunction = () => [{ title: "New candidate · ML Leveling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const recruiter = await requireRole(request, "RECRUITER");
  return { recruiters: await listRecruiters(), currentUserId: recruiter.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const recruiter = await requireRole(request, "RECRUITER");
  const submission = parseWithZod(await request.formData(), { schema: candidateFormSchema });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: 400 });
  }
  const result = await createCandidate(submission.value, { id: recruiter.id, ipAddress: context.clientIp });
  if (!result.ok) {
    const reply =
      result.reason === "invalid"
        ? submission.reply({ fieldErrors: { [result.field]: [result.message] } })
        : submission.reply({ formErrors: ["The candidate could not be saved. Try again."] });
    return data(reply, { status: 400 });
  }
  throw redirect(`/candidates/${result.id}`);
}

export default function NewCandidatePage() {
  const { recruiters, currentUserId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  // Validation happens on the server; the browser checks the HTML constraints below first.
  const [form, fields] = useForm<CandidateInput>({
    id: "new-candidate",
    lastResult,
    defaultValue: { track: "IC", recruiterId: currentUserId },
  });
  return (
    <main className="mx-auto max-w-3xl p-6">
      <p className="text-sm">
        <Link to="/candidates" className="text-indigo-700 underline">
          Candidates
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">New candidate</h1>
      <Form method="post" className="mt-6 grid gap-4" {...getFormProps(form)} noValidate={false}>
        <CandidateFields fields={fields} recruiters={recruiters} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="flex items-center gap-4">
          <SubmitButton disabled={navigation.state !== "idle"}>Create candidate</SubmitButton>
          <Link to="/candidates" className="text-sm text-slate-700 underline">
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

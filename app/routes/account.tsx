import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { newPasswordSchema } from "~/auth/credentials";
import { checkPasswordThrottled } from "~/auth/login-throttle.server";
import { verifyPassword } from "~/auth/password.server";
import { getSession, requireUser } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, SubmitButton } from "~/components/forms";
import { changePassword } from "~/models/user.server";
import { getDb } from "~/utils/db.server";

// Lets the 429 carry the action's Retry-After on a plain (no-JavaScript) form post.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction = () => [{ title: "Account · ML Leveling" }];

const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "Repeat the new password" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user: { name: user.name, email: user.email, roles: user.roles } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const session = await getSession(request);
  const submission = parseWithZod(await request.formData(), { schema: changePasswordSchema });
  const hideFields = ["currentPassword", "newPassword", "confirmPassword"];
  if (submission.status !== "success") return data(submission.reply({ hideFields }), { status: 400 });

  const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  const check = await checkPasswordThrottled(user.email, context.clientIp, () =>
    verifyPassword(stored.passwordHash, submission.value.currentPassword),
  );
  if (check.outcome === "throttled") {
    return data(
      submission.reply({
        formErrors: [`Too many password attempts. Try again in ${check.retryAfterSeconds} seconds.`],
        hideFields,
      }),
      { status: 429, headers: { "Retry-After": String(check.retryAfterSeconds) } },
    );
  }
  if (check.outcome === "wrong") {
    return data(
      submission.reply({ fieldErrors: { currentPassword: ["The current password is incorrect"] }, hideFields }),
      { status: 400 },
    );
  }
  await changePassword(user.id, submission.value.newPassword, session!.sessionId, context.clientIp);
  throw redirect("/account?changed=1");
}

export default function AccountPage() {
  const { user } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult,
    constraint: getZodConstraint(changePasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <main className="mx-auto max-w-xl p-6">
      <h1 className="text-2xl font-bold">Your account</h1>
      <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
        <dt className="text-slate-500">Name</dt>
        <dd>{user.name}</dd>
        <dt className="text-slate-500">Email</dt>
        <dd>{user.email}</dd>
        <dt className="text-slate-500">Roles</dt>
        <dd>{user.roles.map((role) => role.toLowerCase()).join(", ")}</dd>
      </dl>
      <h2 className="mt-8 text-lg font-semibold">Change password</h2>
      {searchParams.get("changed") ? (
        <p role="status" className="mt-2 rounded bg-green-50 p-2 text-sm text-green-800">
          Password changed. Your other sessions were signed out.
        </p>
      ) : null}
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <Field
          label="Current password"
          inputProps={{ ...getInputProps(fields.currentPassword, { type: "password" }), autoComplete: "current-password" }}
          errors={fields.currentPassword.errors}
        />
        <Field
          label="New password"
          hint="8 to 256 characters; any characters, including spaces and accents."
          inputProps={{ ...getInputProps(fields.newPassword, { type: "password" }), autoComplete: "new-password" }}
          errors={fields.newPassword.errors}
        />
        <Field
          label="Repeat new password"
          inputProps={{ ...getInputProps(fields.confirmPassword, { type: "password" }), autoComplete: "new-password" }}
          errors={fields.confirmPassword.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton>Change password</SubmitButton>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

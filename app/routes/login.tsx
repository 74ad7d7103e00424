import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { loginSchema } from "~/auth/credentials";
import { checkPasswordThrottled } from "~/auth/login-throttle.server";
import { verifyAgainstDummy, verifyPassword } from "~/auth/password.server";
import { getOptionalUser } from "~/auth/permissions.server";
import { safeRedirectPath } from "~/auth/redirect";
import { createSession, deleteExpiredSessions, sessionCookie } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, SubmitButton } from "~/components/forms";
import { recordAudit } from "~/models/audit.server";
import { findUserForLogin } from "~/models/user.server";

// Lets the 429 carry the action's Retry-After on a plain (no-JavaScript) form post.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction = () => [{ title: "Sign in · ML Leveling" }];

const GENERIC_FAILURE = "Email or password is incorrect.";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const ip = context.clientIp;

  const user = await findUserForLogin(email);
  const check = await checkPasswordThrottled(email, ip, () =>
    user?.active ? verifyPassword(user.passwordHash, password) : verifyAgainstDummy(password),
  );
  if (check.outcome === "throttled") {
    return data(
      submission.reply({
        formErrors: [`Too many sign-in attempts. Try again in ${check.retryAfterSeconds} seconds.`],
        hideFields: ["password"],
      }),
      { status: 429, headers: { "Retry-After": String(check.retryAfterSeconds) } },
    );
  }
  if (!user || check.outcome === "wrong") {
    if (user) await recordAudit({ actorId: user.id, action: "auth.login_failed", entityType: "User", entityId: user.id, ipAddress: ip });
    return data(submission.reply({ formErrors: [GENERIC_FAILURE], hideFields: ["password"] }), { status: 400 });
  }

  await deleteExpiredSessions();
  const { token, absoluteExpiresAt } = await createSession(user.id, {
    ipAddress: ip,
    userAgent: request.headers.get("user-agent") ?? undefined,
  });
  await recordAudit({ actorId: user.id, action: "auth.login", entityType: "User", entityId: user.id, ipAddress: ip });
  throw redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": sessionCookie(token, absoluteExpiresAt) } });
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(loginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <main className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-xl font-bold">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">Structured evaluation of ML engineering candidates.</p>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label="Email"
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "username", autoFocus: true }}
          errors={fields.email.errors}
        />
        <Field
          label="Password"
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
          errors={fields.password.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton disabled={navigation.state !== "idle"}>Sign in</SubmitButton>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
